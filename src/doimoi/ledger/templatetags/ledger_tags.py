"""``{% ledger_timeline obj %}``: the timeline partial any object's page can include."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import template
from django.db import models
from django.utils import dateformat, timezone
from django.utils.functional import Promise
from django.utils.text import add_truncation_text

from doimoi.ledger import registry, selectors
from doimoi.ledger.models import LedgerEvent

register = template.Library()


@register.inclusion_tag("ledger/timeline.html")
def ledger_timeline(
    subject: models.Model, latest: int = 200, history_url: str = "", limit: int | None = None
) -> dict[str, Any]:
    """The events on ``subject``: the latest ``latest`` and, when there are more, a link to
    ``history_url``, the page that shows them all; with ``latest=0``, the first ``limit`` (None:
    all). What happened last is what a page's reader looks for, so a long history is cut at its
    start, never at its end."""
    fields = selectors.TIMELINE_FIELDS
    if latest:
        events, total = selectors.latest_events_for(subject=subject, limit=latest, fields=fields)
    else:
        events = list(selectors.event_list_for(subject=subject, limit=limit, fields=fields))
        total = len(events)
    ellipsis = add_truncation_text("")  # what truncatechars ends a cut text with
    return {
        "events": [_line(event, ellipsis) for event in events],
        "total": total,
        "cut": total > len(events),
        "history_url": history_url,
    }


@dataclass(frozen=True)
class Line:
    """One event as the timeline shows it, its times already formatted: a history of a few
    hundred events spent most of its page's time in the template's date filters."""

    seq: int
    at: str  # ISO 8601, local time (the template's ``date:'c'``)
    shown: str  # dd/mm/yyyy hh:mm, local time
    label: str | Promise
    actor: str
    hash: str  # its start (the template's ``truncatechars:17``)


HASH_SHOWN = 17  # characters of an event's hash shown, its ellipsis included


def _line(event: LedgerEvent, ellipsis: str) -> Line:
    """The template's ``date:'c'``, ``localtime|date:"d/m/Y H:i"`` and ``truncatechars:17``,
    the same text for a fraction of the time."""
    local = timezone.localtime(event.occurred_at)
    shown = (
        f"{local:%d/%m/%Y %H:%M}" if local.year >= 1000 else dateformat.format(local, "d/m/Y H:i")
    )
    digest = event.hash
    if len(digest) > HASH_SHOWN:
        digest = digest[: HASH_SHOWN - len(ellipsis)] + ellipsis
    return Line(
        seq=event.seq,
        at=local.isoformat(),
        shown=shown,
        label=registry.label(event.action),
        actor=event.actor_label,
        hash=digest,
    )
