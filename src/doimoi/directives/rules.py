"""Who may see and do what in a directive's cascade.

Seeing is the one scope (``organizations.scope``, each model's ``access``): a unit sees its own
assignments and those of its subtree, and the sender of a sending sees what it sent; siblings
see nothing of each other; a classified directive's whole cascade needs the clearance. Acting
is narrower: only people holding a working role *in the unit itself* answer and report for it,
and only those of the sending unit distribute, accept or return reports.
"""

from __future__ import annotations

from typing import Any

import rules
from django.db.models import Q

from doimoi.directives.models import Assignment, Directive
from doimoi.organizations.models import Role, Unit
from doimoi.organizations.scope import may, scope_of

SEND_ROLES = frozenset({Role.HEAD, Role.DEPUTY, Role.STANDING_MEMBER, Role.CLERK})
ACT_ROLES = SEND_ROLES | {Role.STAFF}
NOTIFY_ROLES = frozenset({Role.HEAD, Role.DEPUTY, Role.CLERK})


def acting_units(user: Any, roles: frozenset[str] = ACT_ROLES) -> frozenset[int]:
    """Ids of the units the user works for with one of ``roles``."""
    return scope_of(user).acting_units(roles)


def assignment_visible_q(user: Any, prefix: str = "") -> Q:
    """Assignments the user may see (reached through ``prefix``, e.g. ``"parent__"``)."""
    return Assignment.access.q(scope_of(user), "view", prefix)


def covers(user: Any, unit: Unit | None) -> bool:
    """The user holds a role in ``unit`` or above it (or is a superuser)."""
    return scope_of(user).covers(unit)


@rules.predicate
def can_see_directive(user: Any, directive: Directive | None) -> bool:
    return may(user, directive)


@rules.predicate
def can_see_assignment(user: Any, assignment: Assignment | None) -> bool:
    return may(user, assignment)


def _acts(user: Any, unit_id: int | None, roles: frozenset[str] = ACT_ROLES) -> bool:
    scope = scope_of(user)
    return scope.superuser or (unit_id is not None and unit_id in scope.acting_units(roles))


@rules.predicate
def acts_for_issuer(user: Any, directive: Directive | None) -> bool:
    return directive is not None and _acts(user, directive.issuer_id, SEND_ROLES)


@rules.predicate
def acts_for_recipient(user: Any, assignment: Assignment | None) -> bool:
    return assignment is not None and _acts(user, assignment.unit_id)


@rules.predicate
def acts_for_sender(user: Any, assignment: Assignment | None) -> bool:
    return assignment is not None and _acts(user, assignment.sender_id, SEND_ROLES)


@rules.predicate
def may_send_from(user: Any, unit: Unit | None) -> bool:
    return unit is not None and _acts(user, unit.pk, SEND_ROLES)


@rules.predicate
def sends_in_directive(user: Any, directive: Directive | None) -> bool:
    """The user works for a unit that sent something in this directive (it may urge)."""
    scope = scope_of(user)
    if directive is None or not scope.authenticated:
        return False
    if scope.superuser:
        return True
    units = scope.acting_units(SEND_ROLES)
    return directive.distributions.filter(sender_id__in=units).exists()


@rules.predicate
def sends_anywhere(user: Any) -> bool:
    """The user may send directives from some unit."""
    scope = scope_of(user)
    return scope.authenticated and (scope.superuser or bool(scope.acting_units(SEND_ROLES)))


@rules.predicate
def covers_unit(user: Any, unit: Unit | None) -> bool:
    return scope_of(user).covers(unit)


# In each pair the role comes first: it is read from the viewer's scope, while seeing the object
# is a query, asked only of those whose role allows the action (a page offers its actions to
# every viewer, most of whom may take none).
rules.add_perm("directives.view_directives", rules.is_authenticated)
rules.add_perm("directives.start_directive", sends_anywhere)
rules.add_perm("directives.view_unit_dashboard", covers_unit)
rules.add_perm("directives.view_directive", can_see_directive)
rules.add_perm("directives.distribute_directive", acts_for_issuer & can_see_directive)
rules.add_perm("directives.urge_directive", sends_in_directive & can_see_directive)
rules.add_perm("directives.create_directive", may_send_from)
rules.add_perm("directives.view_assignment", can_see_assignment)
rules.add_perm("directives.act_on_assignment", acts_for_recipient & can_see_assignment)
rules.add_perm("directives.review_assignment", acts_for_sender & can_see_assignment)
