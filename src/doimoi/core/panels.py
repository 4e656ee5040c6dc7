"""Sections an upper app adds to a lower app's page (the exchange's packets on a document's page,
a recipient's reported status on an assignment's page, a unit's agency codes), without the lower
app importing it. A panel is a function of (request, object) returning rendered HTML or ""."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe

Panel = Callable[[HttpRequest, Any], str]
_PANELS: dict[str, list[Panel]] = {}


def register(page: str, panel: Panel) -> None:
    """Add ``panel`` to ``page`` ("documents.document", "directives.assignment", ...)."""
    panels = _PANELS.setdefault(page, [])
    if panel not in panels:
        panels.append(panel)


def render(page: str, request: HttpRequest, obj: Any) -> list[SafeString]:
    """Every section registered for ``page``, rendered for ``obj`` (by its app's template)."""
    return [mark_safe(html) for panel in _PANELS.get(page, []) if (html := panel(request, obj))]
