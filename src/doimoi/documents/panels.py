"""Sections other apps add to a document's page (the exchange's packets and statuses, ...):
each is a function of (request, document) returning rendered HTML, or "" for nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe

Panel = Callable[[HttpRequest, Any], str]
_PANELS: list[Panel] = []


def register(panel: Panel) -> None:
    if panel not in _PANELS:
        _PANELS.append(panel)


def render(request: HttpRequest, document: Any) -> list[SafeString]:
    """Every registered section for ``document`` (already rendered by its app's template)."""
    return [mark_safe(html) for panel in _PANELS if (html := panel(request, document))]
