"""Small helpers shared by the documents services."""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from doimoi.core.text import canonical_tones, fold, nfc
from doimoi.organizations.models import Unit

_SPACES = re.compile(r"\s+")


def require(actor: Any, perm: str, obj: Any) -> None:
    """Refuse unless ``actor`` has ``perm`` on ``obj``; ``actor=None`` is the system itself."""
    if actor is not None and not actor.has_perm(perm, obj):
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này."))


def clean(value: str | None) -> str:
    """NFC, new-style tones, single spaces."""
    return _SPACES.sub(" ", canonical_tones(nfc(value or ""))).strip()


def symbol_key(symbol: str | None) -> str:
    """What compares equal between two writings of a symbol ("KH/ĐUK", "KH / DUK")."""
    return fold(_SPACES.sub("", symbol or ""))


def canonical_number(number: str | None) -> str:
    """A document number as registers write it: "5" and "005" are "05" (zero below 10)."""
    value = (number or "").strip()
    return f"{int(value):02d}" if value.isdigit() else value


def issuer_code(unit: Unit) -> str:
    """The code the unit writes after its numbers: its own, or its nearest ancestor's."""
    if unit.code:
        return unit.code
    for ancestor in reversed(list(Unit.objects.get_ancestors(unit))):
        if ancestor.code:
            return ancestor.code
    return ""


def code_from_symbol(kind: str, symbol: str, type_code: str = "") -> str:
    """The issuer's code inside a symbol: "KH/ThU" → ThU; "QĐ-UBND" → UBND; "UBND-VX" → UBND."""
    last = (symbol or "").split("/")[-1].strip()
    if kind == "party" or "-" not in last:
        return last
    parts = [p for p in last.split("-") if p]
    if type_code and parts and parts[0] == type_code and len(parts) > 1:
        return parts[1]
    return parts[0] if parts else ""
