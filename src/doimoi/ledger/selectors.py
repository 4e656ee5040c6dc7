"""Reading the ledger: an object's timeline."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import Count, QuerySet, Window

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
    in all (counted in the same statement); ``fields``: only those read."""
    counted = _events_on(subject).only(*fields).annotate(total=Window(Count("pk")))
    latest: list[Any] = list(counted.order_by("-seq")[:limit])[::-1]  # counted before the limit
    return latest, int(latest[0].total) if latest else 0
