"""Who may see and change units: the unit tree's rules, read from the one scope.

A unit's members are visible to people holding any role in the unit or in one of its ancestors
(who supervise it); the inspectors of an inspection commission cover the committee's subtree
(``organizations.scope``). Changing the tree needs the unit-admin role at the unit or above.
"""

from __future__ import annotations

from typing import Any

import rules

from doimoi.organizations.models import Membership, Person, Role, Unit
from doimoi.organizations.scope import scope_of

MANAGER_ROLES = frozenset({Role.UNIT_ADMIN})


@rules.predicate
def is_in_unit_subtree_of_member(user: Any, unit: Unit | None) -> bool:
    """The user holds some role in ``unit`` or in one of its ancestors."""
    return scope_of(user).holds(unit)


@rules.predicate
def is_unit_admin_over(user: Any, unit: Unit | None) -> bool:
    """The user is unit admin of ``unit`` or of one of its ancestors."""
    return scope_of(user).holds(unit, MANAGER_ROLES)


def admin_paths(user: Any) -> frozenset[str]:
    """The subtrees (path prefixes) the user administers as unit admin."""
    return scope_of(user).paths(MANAGER_ROLES)


@rules.predicate
def is_unit_admin_anywhere(user: Any) -> bool:
    """The user is unit admin somewhere: the people pages are theirs."""
    return bool(admin_paths(user))


@rules.predicate
def is_unit_admin_over_person(user: Any, person: Person | None) -> bool:
    """The person holds (or held) a position in a unit the user administers."""
    paths = admin_paths(user)
    if person is None or not paths:
        return False
    units = Membership.objects.filter(person=person).values_list("unit__path", flat=True)
    return any(unit_path.startswith(path) for unit_path in units for path in paths)


is_superuser = rules.is_superuser

can_view_unit_members = is_superuser | is_in_unit_subtree_of_member
can_change_unit = is_superuser | is_unit_admin_over


@rules.predicate
def is_inspector(user: Any) -> bool:
    """Holds an inspector's role in force somewhere (inspection commissions)."""
    return bool(user.is_authenticated) and bool(scope_of(user).paths([Role.INSPECTOR]))


# The ledger knows no units or roles; who may verify it is decided here.
rules.add_perm("ledger.verify_ledger", rules.is_superuser | is_inspector)
rules.add_perm("organizations.view_unit_tree", rules.is_authenticated)
rules.add_perm("organizations.view_unit", rules.is_authenticated)
rules.add_perm("organizations.view_unit_members", can_view_unit_members)
rules.add_perm("organizations.view_unit_history", can_view_unit_members)
rules.add_perm("organizations.change_unit", can_change_unit)
rules.add_perm("organizations.manage_people", is_superuser | is_unit_admin_anywhere)
rules.add_perm("organizations.manage_person", is_superuser | is_unit_admin_over_person)
rules.add_perm("organizations.change_own_password", rules.is_authenticated)
