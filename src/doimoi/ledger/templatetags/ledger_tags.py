"""``{% ledger_timeline obj %}``: the timeline partial any object's page can include."""

from __future__ import annotations

from typing import Any

from django import template
from django.db import models

from doimoi.ledger import registry, selectors

register = template.Library()


@register.inclusion_tag("ledger/timeline.html")
def ledger_timeline(subject: models.Model) -> dict[str, Any]:
    events = [
        (event, registry.label(event.action)) for event in selectors.event_list_for(subject=subject)
    ]
    return {"events": events}
