"""REST endpoints of the organizations app (mounted under /api/v1/organizations/)."""

from __future__ import annotations

from typing import Any

from ninja import Router, Schema

from doimoi.organizations.selectors import units_in_scope

router = Router(tags=["organizations"])


class UnitOut(Schema):
    id: int
    name: str
    short_name: str
    code: str
    kind: str
    level: str
    parent_id: int | None
    active: bool


@router.get("/units", response=list[UnitOut])
def unit_list(request: Any) -> list[dict[str, Any]]:
    """The units in the user's scope (where they hold a role, and the units below), tree order."""
    units = list(units_in_scope(viewer=request.user))
    by_path = {u.path: u.pk for u in units}
    return [
        {
            "id": u.pk,
            "name": u.name,
            "short_name": u.short_name,
            "code": u.code,
            "kind": u.kind,
            "level": u.level,
            "parent_id": by_path.get(u.path[: -u.steplen]) if u.depth > 1 else None,
            "active": u.is_active,
        }
        for u in units
    ]
