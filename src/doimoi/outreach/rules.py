"""Who may do what in outreach, read from the one scope (organizations.scope).

Seeing a plan, an activity or a coverage page follows the tree (the unit and those above it);
logging an activity needs a working role in the unit or above it; recording a plan, a role in the
plan's unit. The managed list of forms is the system administrator's.
"""

from __future__ import annotations

from typing import Any

import rules

from doimoi.organizations.models import Unit
from doimoi.organizations.scope import may, scope_of
from doimoi.outreach.models import LOG_ROLES, PLAN_ROLES


@rules.predicate
def can_log_for(user: Any, unit: Unit | None) -> bool:
    """The user holds a working role in ``unit`` or above it."""
    return scope_of(user).covers(unit, LOG_ROLES)


@rules.predicate
def can_plan_for(user: Any, unit: Unit | None) -> bool:
    return scope_of(user).covers(unit, PLAN_ROLES)


@rules.predicate
def can_see_unit(user: Any, unit: Unit | None) -> bool:
    return scope_of(user).covers(unit)


@rules.predicate
def can_change_plan(user: Any, plan: Any) -> bool:
    return may(user, plan, "change")


@rules.predicate
def logs_somewhere(user: Any) -> bool:
    return bool(user.is_authenticated) and (
        user.is_superuser or bool(scope_of(user).paths(LOG_ROLES))
    )


rules.add_perm("outreach.view_outreach", rules.is_authenticated)
rules.add_perm("outreach.log_activity", can_log_for)
rules.add_perm("outreach.log_anywhere", logs_somewhere)
rules.add_perm("outreach.create_plan", can_plan_for)
rules.add_perm("outreach.change_plan", can_change_plan)
rules.add_perm("outreach.view_coverage", can_see_unit)
rules.add_perm("outreach.manage_forms", rules.is_superuser)
