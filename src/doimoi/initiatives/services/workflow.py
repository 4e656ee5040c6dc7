"""Every move of a case goes through ``transition``: it checks, writes and records in one transaction.

The order of checks: the actor may see the case; the move exists from the case's state; the actor
holds a role the table allows; the required fields are given; the table's guards pass. Then the
handler writes its records, the state changes, and one ledger event records it all.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from doimoi.core.errors import ApplicationError
from doimoi.core.services import locked
from doimoi.initiatives import events, states
from doimoi.initiatives.models import Case
from doimoi.initiatives.rules import case_roles
from doimoi.initiatives.services import evaluation, implementation, proposal, review, success
from doimoi.initiatives.services.common import HANDLERS, Context, clean_data
from doimoi.initiatives.services.guards import GUARDS
from doimoi.ledger import services as ledger

# The modules whose handlers fill HANDLERS, one per transition of the table.
HANDLER_MODULES = (proposal, review, implementation, evaluation, success)


def _spec(name: str) -> states.Transition:
    spec = states.get(name)
    if spec is None:
        raise ApplicationError({"transition": _("Không có thao tác «%(name)s».") % {"name": name}})
    return spec


def _check_state(spec: states.Transition, case: Case) -> None:
    if case.state in spec.sources:
        return
    sources = ", ".join(str(s.label) for s in states.CaseState if s in spec.sources)
    raise ApplicationError(
        {
            "state": _(
                "«%(action)s» chỉ thực hiện được khi đề xuất ở trạng thái: %(sources)s; "
                "đề xuất đang ở trạng thái «%(state)s»."
            )
            % {"action": spec.label, "sources": sources, "state": case.get_state_display()}
        }
    )


def _check_roles(spec: states.Transition, roles: set[states.CaseRole]) -> None:
    if spec.roles & roles:
        return
    who = ", ".join(str(states.ROLE_LABELS[r]) for r in states.CaseRole if r in spec.roles)
    raise PermissionDenied(_("Chỉ %(who)s được «%(action)s».") % {"who": who, "action": spec.label})


def _check_required(spec: states.Transition, data: dict[str, Any]) -> None:
    missing = {
        name: _("Cần nhập «%(label)s».") % {"label": states.FIELD_LABELS.get(name, name)}
        for name in spec.required
        if data.get(name) in (None, "", [], ())
    }
    if missing:
        raise ApplicationError(missing)


def check(*, actor: Any, case: Case, name: str) -> set[states.CaseRole]:
    """Refuse ``name`` on ``case`` for ``actor`` before any input is read; return their roles."""
    spec = _spec(name)
    roles = case_roles(actor, case)
    if not roles and not (actor is not None and actor.is_superuser):
        raise PermissionDenied(_("Bạn không có quyền xem đề xuất này."))
    _check_state(spec, case)
    _check_roles(spec, roles)
    return roles


def _apply(actor: Any, case: Case, name: str, data: dict[str, Any] | None) -> tuple[Case, Any]:
    """Check and write transition ``name`` (locked); return the case and its ledger payload."""
    spec = _spec(name)
    case = locked(Case.objects).get(pk=case.pk)
    roles = check(actor=actor, case=case, name=name)
    ctx = Context(actor=actor, case=case, data=clean_data(data or {}), roles=roles)
    _check_required(spec, ctx.data)
    for guard_name in spec.guards:
        GUARDS[guard_name](ctx)
    payload = HANDLERS[name](ctx)
    if spec.target is not None:
        payload = {"from": case.state, "to": spec.target.value} | payload
        case.state = spec.target
    case.save()
    return case, payload


@transaction.atomic
def transition(*, actor: Any, case: Case, name: str, data: dict[str, Any] | None = None) -> Case:
    """Make transition ``name`` on ``case`` as ``actor`` with the cleaned form ``data``."""
    case, payload = _apply(actor, case, name, data)
    ledger.append(
        action=events.TRANSITION_VERBS[name],
        subject=case,
        actor=actor,
        unit=case.decider or case.unit,
        payload=payload,
    )
    return case


@transaction.atomic
def draft_autosave(*, actor: Any, case: Case, data: dict[str, Any]) -> Case:
    """Keep what the proposer is typing, with the checks of «save_draft» but no ledger event.

    Autosave runs on every change of a field; the ledger records the proposer's explicit saves
    and the submission, whose event carries the whole plan and its SHA-256."""
    case, _payload = _apply(actor, case, "save_draft", data)
    return case
