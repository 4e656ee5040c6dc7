"""Who may see a case and what they are to it; the transition table says what each role may do.

A draft is the proposer's own. Once submitted, a case is seen by its proposers, its supervisor,
and anyone holding a role in the proposer's unit or the deciding unit or above them (who
supervise them), inspectors included. Acting is by role in the case (``states.CaseRole``).
"""

from __future__ import annotations

from typing import Any

import rules

from doimoi.initiatives.models import Case
from doimoi.initiatives.states import CaseRole, CaseState
from doimoi.organizations.models import Role, Unit, UnitKind
from doimoi.organizations.rules import is_in_unit_subtree_of_member
from doimoi.organizations.selectors import active_roles

UNIT_ROLES = {Role.HEAD: CaseRole.HEAD, Role.DEPUTY: CaseRole.DEPUTY, Role.CLERK: CaseRole.CLERK}


def _memberships(user: Any) -> list[tuple[str, int, str, str]]:
    """(role, unit id, unit path, unit kind) of the user's active memberships, cached on the user."""
    return [(r.role, r.unit_id, r.path, r.kind) for r in active_roles(user=user)]


def inspector_paths(user: Any) -> set[str]:
    """Subtrees the user inspects: an inspection commission's inspectors cover its committee's."""
    paths = set()
    for role, _unit, path, kind in _memberships(user):
        if role == Role.INSPECTOR:
            covers_parent = kind == UnitKind.INSPECTION_COMMISSION
            paths.add(path[: -Unit.steplen] if covers_parent else path)
    return paths


def _is_proposer(user: Any, case: Case) -> bool:
    if case.proposer.user_id == user.pk:
        return True
    return case.co_proposers.filter(user=user).exists()


def case_roles(user: Any, case: Case) -> set[CaseRole]:
    """What ``user`` is to ``case``: proposer, head, deputy, clerk, supervisor, inspector, observer."""
    if user is None or not user.is_authenticated:
        return set()
    roles: set[CaseRole] = set()
    if _is_proposer(user, case):
        roles.add(CaseRole.PROPOSER)
    for role, unit_id, _path, _kind in _memberships(user):
        if unit_id == case.decider_id and role in UNIT_ROLES:
            roles.add(UNIT_ROLES[Role(role)])
    if case.supervisor is not None and case.supervisor.user_id == user.pk:
        roles.add(CaseRole.SUPERVISOR)
    if case.state != CaseState.DRAFT and _covers(inspector_paths(user), case):
        roles.add(CaseRole.INSPECTOR)
    if CaseRole.PROPOSER in roles:  # nobody reviews, supervises or inspects their own proposal
        roles = {CaseRole.PROPOSER}
    if case.state == CaseState.DRAFT:  # a draft is the proposers' own until it is sent
        return roles
    if roles or _in_subtree(user, case):
        roles.add(CaseRole.OBSERVER)
    return roles


def _covers(paths: set[str], case: Case) -> bool:
    units = [u for u in (case.unit, case.decider) if u is not None]
    return any(u.path.startswith(p) for u in units for p in paths)


def _in_subtree(user: Any, case: Case) -> bool:
    if is_in_unit_subtree_of_member(user, case.unit):
        return True
    return case.decider_id is not None and is_in_unit_subtree_of_member(user, case.decider)


@rules.predicate
def can_view_case(user: Any, case: Case | None) -> bool:
    """The user may open the case (a superuser may open any sent case)."""
    if case is None:
        return False
    if user.is_superuser:
        return True
    return bool(case_roles(user, case))


@rules.predicate
def has_a_unit(user: Any) -> bool:
    """The user holds an active role somewhere, so can propose from that unit."""
    return user.is_authenticated and bool(_memberships(user))


rules.add_perm("initiatives.view_case", can_view_case)
rules.add_perm("initiatives.list_cases", rules.is_authenticated)
rules.add_perm("initiatives.create_case", has_a_unit)
rules.add_perm("initiatives.view_rule_sets", rules.is_authenticated)
rules.add_perm("initiatives.change_rule_sets", rules.is_superuser)
rules.add_perm("initiatives.view_figures", rules.is_authenticated)


def viewer_paths(user: Any) -> set[str]:
    """Subtrees whose cases the user may see: their units' (an inspection commission: its committee's)."""
    paths = set()
    for role, _unit, path, kind in _memberships(user):
        inspects_parent = role == Role.INSPECTOR and kind == UnitKind.INSPECTION_COMMISSION
        paths.add(path[: -Unit.steplen] if inspects_parent else path)
    return paths


def headed_unit_ids(user: Any) -> set[int]:
    """Units where the user is head, deputy or clerk (they act on cases sent there)."""
    return {unit for role, unit, _path, _kind in _memberships(user) if role in UNIT_ROLES}
