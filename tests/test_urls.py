"""Deny by default: every URL of doimoi names the rule that guards it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver

# Django's own views, guarded by Django (admin: staff; logout: POST of a signed-in user);
# the API's, guarded by django-ninja's session authentication (checked below).
DJANGO_NAMESPACES = {"admin", "api-1"}
DJANGO_VIEWS = {"logout"}


def _walk(patterns: list[Any], namespace: str = "") -> Iterator[tuple[str, URLPattern]]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, entry.namespace or namespace)
        else:
            yield namespace, entry


def test_every_view_names_its_rule() -> None:
    missing = [
        f"{ns}:{p.name}"
        for ns, p in _walk(get_resolver().url_patterns)
        if ns not in DJANGO_NAMESPACES
        and p.name not in DJANGO_VIEWS
        and not hasattr(p.callback, "doimoi_rule")
    ]
    assert missing == []


def test_only_login_and_language_are_public() -> None:
    public = sorted(
        p.name
        for ns, p in _walk(get_resolver().url_patterns)
        if getattr(p.callback, "doimoi_rule", "") == "public"
    )
    assert public == ["login", "set_language"]


def test_every_api_operation_requires_a_session() -> None:
    from doimoi.api.urls import api

    schema = api.get_openapi_schema()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            assert operation.get("security"), f"{method.upper()} {path} has no authentication"
