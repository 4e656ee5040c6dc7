"""Who may see a case and what they are to it; the transition table says what each role may do.

A draft is the proposer's own. Once submitted, a case is seen by its proposers, its supervisor,
and anyone holding a role in the proposer's unit or the deciding unit or above them (who
supervise them), inspectors included (the one scope: ``Case.access``, ``organizations.scope``).
Acting is by role in the case (``states.CaseRole``).
"""

from __future__ import annotations

from typing import Any

import rules

from doimoi.initiatives.models import Case
from doimoi.initiatives.states import CaseRole, CaseState
from doimoi.organizations.models import Role
from doimoi.organizations.rules import is_unit_admin_over
from doimoi.organizations.scope import Scope, scope_of

UNIT_ROLES = {Role.HEAD: CaseRole.HEAD, Role.DEPUTY: CaseRole.DEPUTY, Role.CLERK: CaseRole.CLERK}
INSPECTOR_ROLES = frozenset({Role.INSPECTOR})


CO_PROPOSER = "_doimoi_co_proposer"  # (user's pk, whether that user co-proposes the case)


def co_proposer_known(case: Case, user: Any, co_proposes: bool) -> Case:
    """Mark ``case``, read with whether ``user`` co-proposes it, so that ``case_roles`` need not
    ask the database again (a list of the user's cases reads it in its own statement)."""
    setattr(case, CO_PROPOSER, (getattr(user, "pk", None), co_proposes))
    return case


def _is_proposer(user: Any, case: Case) -> bool:
    if case.proposer.user_id == user.pk:
        return True
    known = getattr(case, CO_PROPOSER, None)
    if known is not None and known[0] == user.pk:
        return bool(known[1])
    read = getattr(case, "_prefetched_objects_cache", {}).get("co_proposers")
    if read is not None:  # the case's page read them with the case
        return any(person.user_id == user.pk for person in read)
    return case.co_proposers.filter(user=user).exists()


def case_roles(user: Any, case: Case) -> set[CaseRole]:
    """What ``user`` is to ``case``: proposer, head, deputy, clerk, supervisor, inspector, observer."""
    scope = scope_of(user)
    if not scope.authenticated:
        return set()
    roles: set[CaseRole] = set()
    if _is_proposer(user, case):
        roles.add(CaseRole.PROPOSER)
    for grant in scope.grants:
        if grant.unit_id == case.decider_id and grant.role in UNIT_ROLES:
            roles.add(UNIT_ROLES[Role(grant.role)])
    if case.supervisor is not None and case.supervisor.user_id == user.pk:
        roles.add(CaseRole.SUPERVISOR)
    if case.state != CaseState.DRAFT and _placed(scope, case, INSPECTOR_ROLES):
        roles.add(CaseRole.INSPECTOR)
    if CaseRole.PROPOSER in roles:  # nobody reviews, supervises or inspects their own proposal
        roles = {CaseRole.PROPOSER}
    if case.state == CaseState.DRAFT:  # a draft is the proposers' own until it is sent
        return roles
    if roles or _placed(scope, case):
        roles.add(CaseRole.OBSERVER)
    return roles


def _placed(scope: Scope, case: Case, roles: frozenset[str] | None = None) -> bool:
    """The case's unit or deciding unit lies in the user's subtrees (for ``roles``)."""
    return scope.holds(case.unit, roles) or scope.holds(case.decider, roles)


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
    return bool(scope_of(user).grants)


rules.add_perm("initiatives.view_case", can_view_case)
rules.add_perm("initiatives.list_cases", rules.is_authenticated)
rules.add_perm("initiatives.create_case", has_a_unit)
rules.add_perm("initiatives.view_rule_sets", rules.is_authenticated)
rules.add_perm("initiatives.change_rule_sets", rules.is_superuser)
rules.add_perm("initiatives.view_figures", rules.is_authenticated)
rules.add_perm("initiatives.change_collective", rules.is_superuser | is_unit_admin_over)


def headed_unit_ids(user: Any) -> set[int]:
    """Units where the user is head, deputy or clerk (they act on cases sent there)."""
    return set(scope_of(user).acting_units(UNIT_ROLES))
