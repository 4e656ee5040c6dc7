"""``{% ledger_timeline obj %}``: the timeline partial any object's page can include."""

from __future__ import annotations

from typing import Any

from django import template
from django.db import models

from doimoi.ledger import registry, selectors

register = template.Library()


@register.inclusion_tag("ledger/timeline.html")
def ledger_timeline(
    subject: models.Model, latest: int = 200, history_url: str = "", limit: int | None = None
) -> dict[str, Any]:
    """The events on ``subject``: the latest ``latest`` and, when there are more, a link to
    ``history_url``, the page that shows them all; with ``latest=0``, the first ``limit`` (None:
    all). What happened last is what a page's reader looks for, so a long history is cut at its
    start, never at its end."""
    if latest:
        events, total = selectors.latest_events_for(subject=subject, limit=latest)
    else:
        events = list(selectors.event_list_for(subject=subject, limit=limit))
        total = len(events)
    return {
        "events": [(event, registry.label(event.action)) for event in events],
        "total": total,
        "cut": total > len(events),
        "history_url": history_url,
    }
