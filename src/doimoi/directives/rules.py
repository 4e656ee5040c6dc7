"""Who may see and do what in a directive's cascade.

A unit sees its own assignments and those of its subtree (people with a role in a unit, or in an
ancestor that supervises it), and the sender of a sending sees what it sent; siblings see nothing
of each other. Acting is narrower: only people holding a working role *in the unit itself* answer
and report for it, and only those of the sending unit distribute, accept or return reports.
"""

from __future__ import annotations

from functools import reduce
from operator import or_
from typing import Any

import rules
from django.db.models import Q, QuerySet

from doimoi.directives.models import Assignment, Directive
from doimoi.organizations.models import Role, Unit, UnitKind
from doimoi.organizations.selectors import active_roles

SEND_ROLES = frozenset({Role.HEAD, Role.DEPUTY, Role.STANDING_MEMBER, Role.CLERK})
ACT_ROLES = SEND_ROLES | {Role.STAFF}
NOTIFY_ROLES = frozenset({Role.HEAD, Role.DEPUTY, Role.CLERK})


def _memberships(user: Any) -> list[tuple[str, str, str, int]]:
    """(role, unit path, unit kind, unit id) of the user's active roles; cached on the user."""
    return [(r.role, r.path, r.kind, r.unit_id) for r in active_roles(user=user)]


def view_paths(user: Any) -> set[str]:
    """Subtrees the user sees: each unit they hold a role in (an inspection commission's
    inspectors see their committee's subtree)."""
    paths = set()
    for role, path, kind, _unit in _memberships(user):
        if role == Role.INSPECTOR and kind == UnitKind.INSPECTION_COMMISSION:
            path = path[: -Unit.steplen] or path
        paths.add(path)
    return paths


def acting_units(user: Any, roles: frozenset[str] = ACT_ROLES) -> set[int]:
    """Ids of the units the user works for with one of ``roles``."""
    if user is None or not user.is_authenticated:
        return set()
    return {unit for role, _path, _kind, unit in _memberships(user) if role in roles}


def _view_units(user: Any) -> list[int]:
    """Ids of the units at the top of the user's subtrees (cached on the user)."""
    cached = getattr(user, "_doimoi_directive_view_units", None)
    if cached is None:
        cached = list(Unit.objects.filter(path__in=view_paths(user)).values_list("pk", flat=True))
        user._doimoi_directive_view_units = cached
    return cached


def units_under(paths: set[str] | list[str]) -> QuerySet[Unit]:
    """Ids of the units in the subtrees at ``paths``, as a subquery (an index range scan on the
    tree's paths)."""
    return Unit.objects.filter(reduce(or_, (Q(path__startswith=p) for p in paths))).values("pk")


def assignment_visible_q(user: Any, prefix: str = "") -> Q:
    """Assignments (tasks; reports with ``prefix="assignment__"``) the user may see: those of
    units in the user's subtrees, and those the top unit of a subtree sent.

    A unit sends only inside its own subtree, or a serving board inside its committee's, so
    what any unit *below* the top sent is already in the subtree: the sender test needs only the
    top units, an indexed equality instead of a join on the sender's path.
    """
    if user is None or not user.is_authenticated:
        return Q(pk__in=[])
    if user.is_superuser:
        return Q()
    paths = view_paths(user)
    if not paths:
        return Q(pk__in=[])
    under = Q(**{f"{prefix}unit__in": units_under(paths)})
    return under | Q(**{f"{prefix}sender_id__in": _view_units(user)})


def directive_visible_q(user: Any) -> Q:
    """Directives the user may see: issued in their subtree, or with an assignment they see."""
    if user is None or not user.is_authenticated:
        return Q(pk__in=[])
    if user.is_superuser:
        return Q()
    paths = view_paths(user)
    if not paths:
        return Q(pk__in=[])
    issued = reduce(or_, (Q(issuer__path__startswith=p) for p in paths))
    seen = Assignment.objects.filter(assignment_visible_q(user)).values("directive_id")
    return issued | Q(pk__in=seen)


def covers(user: Any, unit: Unit | None) -> bool:
    """The user holds a role in ``unit`` or above it."""
    return unit is not None and any(unit.path.startswith(p) for p in view_paths(user))


@rules.predicate
def can_see_directive(user: Any, directive: Directive | None) -> bool:
    if directive is None or not user.is_authenticated:
        return False
    if user.is_superuser or covers(user, directive.issuer):
        return True
    return Directive.objects.filter(directive_visible_q(user), pk=directive.pk).exists()


@rules.predicate
def can_see_assignment(user: Any, assignment: Assignment | None) -> bool:
    if assignment is None or not user.is_authenticated:
        return False
    return user.is_superuser or covers(user, assignment.unit) or covers(user, assignment.sender)


@rules.predicate
def acts_for_issuer(user: Any, directive: Directive | None) -> bool:
    if directive is None:
        return False
    return user.is_superuser or directive.issuer_id in acting_units(user, SEND_ROLES)


@rules.predicate
def acts_for_recipient(user: Any, assignment: Assignment | None) -> bool:
    if assignment is None:
        return False
    return user.is_superuser or assignment.unit_id in acting_units(user)


@rules.predicate
def acts_for_sender(user: Any, assignment: Assignment | None) -> bool:
    if assignment is None:
        return False
    return user.is_superuser or assignment.sender_id in acting_units(user, SEND_ROLES)


@rules.predicate
def may_send_from(user: Any, unit: Unit | None) -> bool:
    if unit is None or not user.is_authenticated:
        return False
    return user.is_superuser or unit.pk in acting_units(user, SEND_ROLES)


@rules.predicate
def sends_in_directive(user: Any, directive: Directive | None) -> bool:
    """The user works for a unit that sent something in this directive (it may urge)."""
    if directive is None or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    units = acting_units(user, SEND_ROLES)
    return directive.distributions.filter(sender_id__in=units).exists()


@rules.predicate
def sends_anywhere(user: Any) -> bool:
    """The user may send directives from some unit."""
    return user.is_authenticated and (user.is_superuser or bool(acting_units(user, SEND_ROLES)))


@rules.predicate
def covers_unit(user: Any, unit: Unit | None) -> bool:
    return unit is not None and user.is_authenticated and (user.is_superuser or covers(user, unit))


rules.add_perm("directives.view_directives", rules.is_authenticated)
rules.add_perm("directives.start_directive", sends_anywhere)
rules.add_perm("directives.view_unit_dashboard", covers_unit)
rules.add_perm("directives.view_directive", can_see_directive)
rules.add_perm("directives.distribute_directive", acts_for_issuer)
rules.add_perm("directives.urge_directive", sends_in_directive)
rules.add_perm("directives.create_directive", may_send_from)
rules.add_perm("directives.view_assignment", can_see_assignment)
rules.add_perm("directives.act_on_assignment", acts_for_recipient)
rules.add_perm("directives.review_assignment", acts_for_sender)
