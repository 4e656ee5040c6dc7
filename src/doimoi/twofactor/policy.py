"""Who must sign in with a second step (issue 10): heads and deputies, the standing committee,
inspection and organization work, unit administrators and the site's administrators.

The requirement is a setting (DOIMOI_TWO_FACTOR, on by default behind TLS with DOIMOI_SECURE=1,
off for the demo that ``make run`` seeds); anyone may turn the second step on for themselves.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

from doimoi.organizations.models import Membership, Role, UnitKind

ROLES = (Role.HEAD, Role.DEPUTY, Role.STANDING_MEMBER, Role.INSPECTOR, Role.UNIT_ADMIN)
UNIT_KINDS = (UnitKind.INSPECTION_COMMISSION,)
ORGANIZATION_BOARDS = (
    "ban tổ chức",
    "ban xây dựng đảng",
)  # organization work, before and after 2025


def enabled() -> bool:
    return bool(getattr(settings, "DOIMOI_TWO_FACTOR", False))


def required_for(user: Any) -> bool:
    """Whether ``user``'s positions (in force today) or admin rights make the second step a must."""
    if user.is_staff or user.is_superuser:
        return True
    positions = Membership.objects.active().filter(person__user=user).select_related("unit")
    return any(
        m.role in ROLES
        or m.unit.kind in UNIT_KINDS
        or any(board in m.unit.name.casefold() for board in ORGANIZATION_BOARDS)
        for m in positions
    )
