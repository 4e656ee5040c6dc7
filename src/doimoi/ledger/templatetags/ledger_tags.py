"""``{% ledger_timeline obj %}``: the timeline partial any object's page can include."""

from __future__ import annotations

from typing import Any

from django import template
from django.db import models

from doimoi.ledger import registry, selectors

register = template.Library()


@register.inclusion_tag("ledger/timeline.html")
def ledger_timeline(
    subject: models.Model, latest: int = 0, history_url: str = "", limit: int | None = 200
) -> dict[str, Any]:
    """The events on ``subject``: the first ``limit`` (None: all), or, with ``latest``, the latest
    that many and, when there are more, a link to ``history_url``, the page that shows them all."""
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
