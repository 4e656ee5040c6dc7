"""Who may see and change what, by role and by unit subtree: the one place that says so.

A unit's data is visible to people holding any role in the unit or in one of its ancestors
(who supervise it); the inspectors of an inspection commission see the subtree of the
committee the commission belongs to. Changing the tree needs the unit-admin role at the unit or above.
Later apps add their predicates here or in their own ``rules.py`` built on these.
"""

from __future__ import annotations

from typing import Any

import rules

from doimoi.organizations.models import Role, Unit, UnitKind
from doimoi.organizations.selectors import active_roles

MANAGER_ROLES = frozenset({Role.UNIT_ADMIN})


def _paths(user: Any) -> dict[str, frozenset[str]]:
    """The tree paths of the user's active memberships, by role; cached on the user object."""
    cached = getattr(user, "_doimoi_role_paths", None)
    if cached is None:
        cached = {}
        for role, _unit, path, kind in active_roles(user=user):
            cached[role] = cached.get(role, frozenset()) | {_scope(role, path, kind)}
        user._doimoi_role_paths = cached
    return cached


def _scope(role: str, path: str, kind: str) -> str:
    """The subtree a role covers: an inspection commission's inspectors see their committee's."""
    if role == Role.INSPECTOR and kind == UnitKind.INSPECTION_COMMISSION:
        return path[: -Unit.steplen] or path
    return path


def _covers(paths: frozenset[str] | set[str], unit: Unit) -> bool:
    return any(unit.path.startswith(path) for path in paths)


@rules.predicate
def is_in_unit_subtree_of_member(user: Any, unit: Unit | None) -> bool:
    """The user holds some role in ``unit`` or in one of its ancestors."""
    if unit is None or not user.is_authenticated:
        return False
    return _covers(set().union(*_paths(user).values()), unit)


@rules.predicate
def is_unit_admin_over(user: Any, unit: Unit | None) -> bool:
    """The user is unit admin of ``unit`` or of one of its ancestors."""
    if unit is None or not user.is_authenticated:
        return False
    paths = set().union(*(p for role, p in _paths(user).items() if role in MANAGER_ROLES))
    return _covers(paths, unit)


is_superuser = rules.is_superuser

can_view_unit_members = is_superuser | is_in_unit_subtree_of_member
can_change_unit = is_superuser | is_unit_admin_over

rules.add_perm("organizations.view_unit_tree", rules.is_authenticated)
rules.add_perm("organizations.view_unit", rules.is_authenticated)
rules.add_perm("organizations.view_unit_members", can_view_unit_members)
rules.add_perm("organizations.view_unit_history", can_view_unit_members)
rules.add_perm("organizations.change_unit", can_change_unit)
