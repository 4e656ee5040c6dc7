"""Walking the chain to prove that no event was altered, deleted, inserted or reordered."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from doimoi.ledger.chain import GENESIS, event_hash
from doimoi.ledger.checkpoints import Checkpoint
from doimoi.ledger.models import LedgerEvent


@dataclass(frozen=True)
class Break:
    """The first place the chain does not hold, and why."""

    seq: int
    reason: str


@dataclass(frozen=True)
class Report:
    """The outcome of a verification: how many events were checked and the first break, if any
    (inside the chain, or against a checkpoint written down outside it)."""

    checked: int
    first_break: Break | None
    head: str
    checkpoints: int = 0
    failed_checkpoint: Checkpoint | None = None
    checkpoint_reason: str = ""

    @property
    def ok(self) -> bool:
        return self.first_break is None and self.failed_checkpoint is None


def _rows() -> Iterator[LedgerEvent]:
    return LedgerEvent.objects.order_by("seq", "pk").iterator(chunk_size=2000)


def verify(checkpoints: list[Checkpoint] | None = None) -> Report:
    """Recompute every hash in sequence order; stop at the first event that does not fit. Then
    hold the chain against each checkpoint: the event it names must be there, with its hash."""
    points = sorted(checkpoints or [], key=lambda p: p.seq)
    wanted = {p.seq for p in points}
    seen: dict[int, str] = {}
    expected_seq, prev, checked = 1, GENESIS, 0
    for event in _rows():
        problem = _check(event, expected_seq, prev)
        if problem is not None:
            return Report(checked, problem, prev, len(points))
        if event.seq in wanted:
            seen[event.seq] = event.hash
        expected_seq, prev, checked = event.seq + 1, event.hash, checked + 1
    failed, reason = _against(points, seen, checked)
    return Report(checked, None, prev, len(points), failed, reason)


def _against(
    points: list[Checkpoint], seen: dict[int, str], last: int
) -> tuple[Checkpoint | None, str]:
    """The first checkpoint (lowest sequence) the chain no longer matches, and how."""
    for point in points:
        if point.seq > last:
            return point, f"shortened: the chain ends at #{last}, the checkpoint names #{point.seq}"
        if seen.get(point.seq) != point.hash:
            return point, f"rewritten: event #{point.seq} no longer has the checkpoint's hash"
    return None, ""


def _check(event: LedgerEvent, expected_seq: int, prev: str) -> Break | None:
    if event.seq != expected_seq:
        return Break(
            expected_seq, f"missing or out of order: expected #{expected_seq}, found #{event.seq}"
        )
    if event.prev_hash != prev:
        return Break(event.seq, "prev_hash does not match the event before it")
    recomputed = event_hash(
        seq=event.seq,
        occurred_at=event.occurred_at,
        actor_id=event.actor_id,
        actor_label=event.actor_label,
        unit_id=event.unit_id,
        subject_type=event.subject_type,
        subject_id=event.subject_id,
        action=event.action,
        payload=event.payload,
        prev_hash=event.prev_hash,
    )
    if recomputed != event.hash:
        return Break(event.seq, "content does not match its hash")
    return None
