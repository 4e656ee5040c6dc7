"""The ledger's hash chain: appends, verification, and every kind of tampering caught."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction
from django.db.models import Count, Window

from doimoi.ledger import registry, selectors, services
from doimoi.ledger.models import AppendOnly, LedgerEvent
from doimoi.ledger.verify import verify
from doimoi.organizations.models import Unit

TABLE = LedgerEvent._meta.db_table


def _raw(sql: str, params: list[Any] | None = None) -> None:
    """Change the table by hand, as a database administrator bypassing the application would."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"ALTER TABLE {TABLE} DISABLE TRIGGER ledger_append_only")
        cursor.execute(sql, params or [])


def _verify_fails_at(seq: int) -> None:
    report = verify()
    assert not report.ok
    assert report.first_break is not None and report.first_break.seq == seq, report.first_break
    with pytest.raises(CommandError, match=rf"số {seq}\b"):
        call_command("ledger", "verify")


@pytest.fixture
def chain(demo: dict[str, Unit]) -> list[LedgerEvent]:
    events = list(LedgerEvent.objects.order_by("seq"))
    assert len(events) > 10
    return events


def test_demo_chain_verifies(chain: list[LedgerEvent], capsys: pytest.CaptureFixture[str]) -> None:
    assert verify().ok
    call_command("ledger", "verify")
    assert f"{len(chain)} sự kiện" in capsys.readouterr().out


def test_events_are_numbered_and_chained(chain: list[LedgerEvent]) -> None:
    assert [e.seq for e in chain] == list(range(1, len(chain) + 1))
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(chain))


def test_unknown_verb_is_refused(demo: dict[str, Unit]) -> None:
    with pytest.raises(registry.UnknownVerb):
        services.append(
            action="organizations.unit.exploded", subject=demo["Thành ủy Bảo Lộc"], actor=None
        )


def test_append_rolls_back_with_the_change(demo: dict[str, Unit]) -> None:
    before = LedgerEvent.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        services.append(
            action="organizations.unit.updated", subject=demo["Thành ủy Bảo Lộc"], actor=None
        )
        raise RuntimeError("the change failed after the event was written")
    assert LedgerEvent.objects.count() == before
    assert verify().ok


def test_application_refuses_update_and_delete(chain: list[LedgerEvent]) -> None:
    event = chain[2]
    event.action = "x"
    for attempt in (
        event.save,
        event.delete,
        lambda: LedgerEvent.objects.filter(seq=3).update(action="x"),
        lambda: LedgerEvent.objects.filter(seq=3).delete(),
    ):
        with pytest.raises(AppendOnly):
            attempt()
    assert verify().ok


def test_postgresql_trigger_refuses_update_and_delete(chain: list[LedgerEvent]) -> None:
    """On PostgreSQL the database itself refuses; SQLite has no such guard, verify catches it."""
    statements = [
        f"UPDATE {TABLE} SET action = 'x' WHERE seq = 3",
        f"DELETE FROM {TABLE} WHERE seq = 3",
    ]
    for sql in statements:
        if connection.vendor != "postgresql":
            _raw(sql)
            assert not verify().ok
            return
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql)
    assert verify().ok


def test_edited_payload_is_caught(chain: list[LedgerEvent]) -> None:
    _raw(f"UPDATE {TABLE} SET payload = %s WHERE seq = 5", ['{"name": "Giả mạo"}'])
    _verify_fails_at(5)


def test_edited_actor_label_is_caught(chain: list[LedgerEvent]) -> None:
    _raw(f"UPDATE {TABLE} SET actor_label = 'người khác' WHERE seq = 7")
    _verify_fails_at(7)


def test_deleted_event_is_caught(chain: list[LedgerEvent]) -> None:
    _raw(f"DELETE FROM {TABLE} WHERE seq = 4")
    _verify_fails_at(4)


def test_deleted_last_events_leave_a_consistent_prefix(chain: list[LedgerEvent]) -> None:
    # Cutting the tail leaves a valid shorter chain; the head hash shows it against an anchor.
    _raw(f"DELETE FROM {TABLE} WHERE seq = %s", [len(chain)])
    report = verify()
    assert report.ok and report.checked == len(chain) - 1
    assert report.head == chain[-2].hash != chain[-1].hash


def test_swapped_events_are_caught(chain: list[LedgerEvent]) -> None:
    a, b = chain[2], chain[5]
    _raw(f"UPDATE {TABLE} SET seq = 999999 WHERE seq = %s", [a.seq])
    _raw(f"UPDATE {TABLE} SET seq = %s WHERE seq = %s", [a.seq, b.seq])
    _raw(f"UPDATE {TABLE} SET seq = %s WHERE seq = 999999", [b.seq])
    _verify_fails_at(a.seq)


def test_inserted_event_is_caught(chain: list[LedgerEvent]) -> None:
    e = chain[8]
    _raw(f"UPDATE {TABLE} SET seq = seq + 1000 WHERE seq > %s", [e.seq])
    _raw(f"UPDATE {TABLE} SET seq = seq - 999 WHERE seq > 1000")
    LedgerEvent.objects.create(
        seq=e.seq + 1,
        occurred_at=e.occurred_at,
        actor_label="kẻ chèn",
        subject_type=e.subject_type,
        subject_id=e.subject_id,
        action=e.action,
        payload={},
        prev_hash=e.hash,
        hash="f" * 64,
    )
    _verify_fails_at(e.seq + 1)


def test_rehashed_forgery_breaks_the_next_link(chain: list[LedgerEvent]) -> None:
    # A forger who recomputes the edited event's own hash still breaks the link after it.
    from doimoi.ledger.chain import event_hash

    e = chain[4]
    fake = event_hash(
        seq=e.seq,
        occurred_at=e.occurred_at,
        actor_id=e.actor_id,
        actor_label=e.actor_label,
        unit_id=e.unit_id,
        subject_type=e.subject_type,
        subject_id=e.subject_id,
        action=e.action,
        payload={"forged": True},
        prev_hash=e.prev_hash,
    )
    _raw(
        f"UPDATE {TABLE} SET payload = %s, hash = %s WHERE seq = %s",
        ['{"forged": true}', fake, e.seq],
    )
    _verify_fails_at(e.seq + 1)


def test_latest_events_are_those_the_queryset_reads(demo: dict[str, Unit]) -> None:
    """The timeline's statement is kept per (subject's model, limit, fields): subjects of each
    model, asked in turn with two limits and two sets of fields in one process, get the latest
    events of their own (a key missing a part would answer with another's)."""
    first = LedgerEvent.objects.order_by("seq").first()
    assert first is not None
    unit = next(iter(demo.values()))
    with transaction.atomic():
        for _ in range(3):  # one subject with more events than the shorter limit
            services.append(action=first.action, subject=unit, actor=None)
    pairs = LedgerEvent.objects.values_list("subject_type", "subject_id").distinct()
    subjects = [apps.get_model(kind).objects.get(pk=pk) for kind, pk in sorted(set(pairs))[:40]]
    assert len({s._meta.label_lower for s in subjects}) > 1
    totals = set()
    for limit, fields in itertools.product((2, 30), ((), selectors.TIMELINE_FIELDS)):
        for subject in subjects:
            events, total = selectors.latest_events_for(subject=subject, limit=limit, fields=fields)
            read = LedgerEvent.objects.filter(
                subject_type=subject._meta.label_lower, subject_id=str(subject.pk)
            ).annotate(total=Window(Count("pk")))
            expected = list(read.order_by("-seq")[:limit])[::-1]
            assert [(e.seq, e.occurred_at, e.actor_label, e.action, e.hash) for e in events] == [
                (e.seq, e.occurred_at, e.actor_label, e.action, e.hash) for e in expected
            ]
            assert total == expected[0].total
            totals.add((limit, len(events), total))
    assert len(totals) > 2
