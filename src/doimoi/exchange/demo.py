"""Demo agency codes: invented, in the QCVN 102 shape (the right-hand group "T99" is no real
level-1 code), so the demo's documents can be exported and sent between two demo instances."""

from __future__ import annotations

from typing import Any

from doimoi.exchange.models import AgencyCode
from doimoi.exchange.services import agency_save
from doimoi.organizations.models import Unit


def demo_code(seq: int) -> str:
    return f"000.{seq // 100:02d}.{seq % 100:02d}.T99"


def seed_demo(units: dict[str, Any]) -> None:
    """Give every demo unit a code once (idempotent: units that have one keep it)."""
    ordered = sorted(units.values(), key=lambda u: u.path)
    codes: dict[int, str] = {}
    for seq, unit in enumerate(ordered, start=1):
        existing = AgencyCode.objects.filter(unit=unit).first()
        if existing is not None:
            codes[unit.pk] = existing.code
            continue
        parent = Unit.objects.get_parent(unit) if unit.depth > 1 else None
        codes[unit.pk] = demo_code(seq)
        agency_save(
            actor=None,
            unit=unit,
            code_102=codes[unit.pk],
            parent_code=codes.get(parent.pk, "") if parent is not None else "",
        )
