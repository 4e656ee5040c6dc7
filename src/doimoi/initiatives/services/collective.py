"""Who votes in a unit's leadership collective (ND 73 art. 8.1, and the unit's working rules)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from doimoi.core.services import locked
from doimoi.initiatives import events
from doimoi.initiatives.models import CollectiveRule
from doimoi.initiatives.services.common import clean_text
from doimoi.ledger import services as ledger
from doimoi.organizations.models import Role, Unit

ART_8_1 = (Role.HEAD, Role.DEPUTY)


def collective_rule(unit: Unit) -> CollectiveRule:
    """The unit's rule (an unsaved default, art. 8.1 alone, when it has set none)."""
    return CollectiveRule.objects.filter(unit=unit).first() or CollectiveRule(unit=unit)


def collective_roles(unit: Unit) -> tuple[str, ...]:
    """The roles whose holders vote in ``unit``'s collective."""
    if collective_rule(unit).standing_members_vote:
        return (*ART_8_1, Role.STANDING_MEMBER)
    return ART_8_1


@transaction.atomic
def collective_rule_set(
    *, actor: Any, unit: Unit, standing_members_vote: bool, basis: str = ""
) -> CollectiveRule:
    """Set who votes in ``unit``'s collective, as its working rules say (the unit's admin)."""
    if actor is not None and not actor.has_perm("initiatives.change_collective", unit):
        raise PermissionDenied(_("Chỉ quản trị của đơn vị được sửa quy định biểu quyết."))
    rule = locked(CollectiveRule.objects).filter(unit=unit).first()
    rule = rule or CollectiveRule(unit=unit)
    before = {"standing_members_vote": rule.standing_members_vote, "basis": rule.basis}
    rule.standing_members_vote, rule.basis = standing_members_vote, clean_text(basis)
    rule.save()
    payload = {
        "before": before,
        "standing_members_vote": rule.standing_members_vote,
        "basis": rule.basis,
    }
    ledger.append(
        action=events.COLLECTIVE_SET, subject=rule, actor=actor, unit=unit, payload=payload
    )
    return rule
