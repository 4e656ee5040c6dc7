"""The page header (navigation, the unit switcher, the language switcher, the user's name),
rendered once per what it shows and kept in the process.

Every page drew the same header through about 20 ``{% url %}`` and 30 translations, 0.7 ms of a
signed-in page's few: the same HTML for the same user, units and language on every request. The
header is rendered from a ``Layout`` alone (what it shows, read afresh on each request: the
permissions that add menu entries, the user's units and the chosen one, the name, the
language), in a context holding nothing else, so what is kept under a ``Layout`` is what a
fresh render of it gives. Its two values of the request, the CSRF token and the page's own
address (the switchers' ``next``), are written in at each request.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.template import Context, Engine
from django.urls import get_script_prefix, get_urlconf
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

TEMPLATE = "includes/site_header.html"
# The header's menu entries that a permission adds (base.html's navigation).
MENU_PERMISSIONS = (
    "organizations.manage_people",
    "reporting.compose_document",
    "reporting.view_figures",
)
KEPT_HEADERS = 1024
# Stand-ins for the request's values in a kept header: NUL is no character of HTML that escaping
# changes, and none a form, a name or PostgreSQL lets into the data (checked all the same).
_CSRF, _HERE = "\x00csrf\x00", "\x00here\x00"
_STAND_INS = re.compile("(\x00csrf\x00|\x00here\x00)")


@dataclass(frozen=True)
class Layout:
    """Everything the header shows, for one request."""

    language: str
    signed_in: bool = False
    superuser: bool = False
    people: bool = False  # the menu entries of MENU_PERMISSIONS
    compose: bool = False
    figures: bool = False
    name: str = ""
    units: tuple[tuple[int, str], ...] = ()  # the unit switcher's choices
    current: int | None = None  # the unit chosen in it


def layout_of(context: Any) -> Layout:
    """What the header shows on the page being rendered in ``context`` (the context processors'
    user, units and chosen unit)."""
    user, language = context.get("user"), get_language()
    if user is None or not user.is_authenticated:
        return Layout(language=language)
    person = getattr(user, "person", None)  # None: the user has no person
    current = context.get("current_unit")
    people, compose, figures = (bool(user.has_perm(p)) for p in MENU_PERMISSIONS)
    return Layout(
        language=language,
        signed_in=True,
        superuser=bool(user.is_superuser),
        people=people,
        compose=compose,
        figures=figures,
        name=(person.full_name if person is not None else "") or user.username,
        units=tuple((u.pk, u.name) for u in context.get("my_units") or ()),
        current=current.pk if current is not None else None,
    )


def _render(layout: Layout, csrf_token: str, here: str) -> str:
    context = {"layout": layout, "csrf_token": csrf_token, "here": here}
    return Engine.get_default().get_template(TEMPLATE).render(Context(context, autoescape=True))


@lru_cache(maxsize=KEPT_HEADERS)
def _kept(layout: Layout, prefix: str, urlconf: Any) -> tuple[str, ...]:
    """The header of ``layout`` cut at the stand-ins (the script prefix and URLconf its links
    were reversed under are part of the key)."""
    return tuple(_STAND_INS.split(_render(layout, _CSRF, _HERE)))


def _keepable(layout: Layout, csrf_token: str) -> bool:
    texts = (layout.name, *(name for _pk, name in layout.units))
    return bool(csrf_token) and csrf_token != "NOTPROVIDED" and not any("\x00" in t for t in texts)


def site_header(layout: Layout, csrf_token: str, here: str) -> SafeString:
    """The header of ``layout`` with the request's CSRF token and address (``here``)."""
    if not _keepable(layout, csrf_token):
        return mark_safe(_render(layout, csrf_token, here))
    values = {_CSRF: escape(csrf_token), _HERE: escape(here)}
    parts = _kept(layout, get_script_prefix(), get_urlconf())
    return mark_safe("".join(values.get(p, p) for p in parts))
