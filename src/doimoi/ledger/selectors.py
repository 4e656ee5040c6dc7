"""Reading the ledger: an object's timeline."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import Count, QuerySet, Window

from doimoi.core.statements import Statement, Statements, bound, with_stand_ins
from doimoi.ledger.models import LedgerEvent


def _events_on(subject: models.Model) -> QuerySet[LedgerEvent]:
    return LedgerEvent.objects.filter(
        subject_type=subject._meta.label_lower, subject_id=str(subject.pk)
    )


# what a timeline shows of each event (not its payload nor the hash it chains to)
TIMELINE_FIELDS = ("seq", "occurred_at", "actor_label", "action", "hash")


def event_list_for(
    *, subject: models.Model, limit: int | None = 200, fields: tuple[str, ...] = ()
) -> QuerySet[LedgerEvent]:
    """The events recorded on ``subject``, oldest first (the caller has checked visibility);
    ``limit=None``: all of them; ``fields``: only those read."""
    return _events_on(subject).only(*fields).order_by("seq")[:limit]


def latest_events_for(
    *, subject: models.Model, limit: int, fields: tuple[str, ...] = ()
) -> tuple[list[LedgerEvent], int]:
    """The latest ``limit`` events recorded on ``subject``, oldest first, and how many there are
    in all (counted in the same statement); ``fields``: only those read. The statement is
    compiled once per (subject's model, limit, fields), the subject its only parameters: every
    object's page shows its timeline, and building the queryset cost more than running it."""
    kind = subject._meta.label_lower
    sql, stand_ins = _LATEST.get((kind, limit, fields), lambda: _latest(limit, fields))
    actual = dict(zip(_STAND_IN, (kind, str(subject.pk)), strict=True))
    rows = LedgerEvent.objects.raw(sql, bound(stand_ins, actual))
    latest: list[Any] = list(rows)[::-1]  # counted before the limit
    return latest, int(latest[0].total) if latest else 0


_LATEST = Statements(64)
_STAND_IN = ("ledger.stand_in", "-7001")  # the subject compiled in: its model and its id


def _latest(limit: int, fields: tuple[str, ...]) -> Statement:
    events = LedgerEvent.objects.filter(subject_type=_STAND_IN[0], subject_id=_STAND_IN[1])
    counted = events.only(*fields).annotate(total=Window(Count("pk")))
    return with_stand_ins(counted.order_by("-seq")[:limit], _STAND_IN)
