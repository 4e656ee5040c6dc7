"""Reading the ledger: an object's timeline."""

from __future__ import annotations

from django.db import models
from django.db.models import QuerySet

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
    in all (counted only when there may be more than were read); ``fields``: only those read."""
    events = _events_on(subject)
    latest = list(events.only(*fields).order_by("-seq")[:limit])[::-1]
    total = events.count() if len(latest) == limit else len(latest)
    return latest, total
