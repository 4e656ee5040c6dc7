"""REST endpoints of the initiatives app (mounted under /api/v1/initiatives/).

``GET /`` and ``GET /{id}`` read cases the user may see; ``POST /{id}/transitions/{name}`` makes
one transition of the workflow with that transition's fields (each described in the OpenAPI
document); refusals come back with the message naming what is missing.
"""

from __future__ import annotations

from typing import Annotated, Any

import ninja
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Query, Router

from doimoi.core.errors import ApplicationError
from doimoi.initiatives import selectors, services, states
from doimoi.initiatives.api_schemas import (
    CaseDetailOut,
    CaseIn,
    CaseOut,
    ErrorOut,
    transition_description,
    transition_schema,
)
from doimoi.initiatives.deadlines import case_deadlines
from doimoi.initiatives.forms import FORMS
from doimoi.initiatives.models import PLAN_FIELDS, Case
from doimoi.initiatives.states import CaseState
from doimoi.organizations.selectors import units_of_user

router = Router(tags=["initiatives"])
# Newer django-ninja names an explicit status; older versions take a (status, body) tuple.
Status: Any = getattr(ninja, "Status", None)


def _status(code: int, body: dict[str, Any]) -> Any:
    return Status(code, body) if Status is not None else (code, body)


def _out(case: Case) -> dict[str, Any]:
    return {
        "id": case.pk,
        "title": case.title,
        "state": case.state,
        "state_label": str(case.get_state_display()),
        "regime": case.rule_set.regime,
        "rule_set": str(case.rule_set),
        "unit": case.unit.name,
        "decider": case.decider.name if case.decider else None,
        "proposer": case.proposer.full_name,
        "submitted_on": case.submitted_on,
        "updated_at": case.updated_at,
    }


def _detail(request: HttpRequest, case: Case) -> dict[str, Any]:
    actions = selectors.allowed_transitions(viewer=request.user, case=case)
    return _out(case) | {
        "plan": {name: getattr(case, name) for name in PLAN_FIELDS},
        "deadlines": [
            {
                "label": str(d.label),
                "due": d.due,
                "owner": d.owner.value,
                "overdue": d.overdue,
                "confidence": d.confidence,
            }
            for d in case_deadlines(case)
        ],
        "allowed_transitions": [
            {
                "name": t.name,
                "label": str(t.label),
                "url": reverse("api-1:initiatives_transition_" + t.name, args=[case.pk]),
            }
            for t in actions
        ],
        "decisions": list(
            case.decisions.values("kind", "symbol", "decided_on", "override", "content", "reasons")
        ),
        "outcome": case.outcome,
        "damage": case.damage,
        "dossier": _dossier_links(case),
    }


def _dossier_links(case: Case) -> dict[str, str]:
    """Where the protection dossier is downloaded (DOCX, PDF) once the case is sent."""
    if case.state == CaseState.DRAFT:
        return {}
    return {
        fmt: reverse("initiatives:case_dossier", args=[case.pk, fmt]) for fmt in ("docx", "pdf")
    }


def _visible(request: HttpRequest, case_id: int) -> Case | None:
    return selectors.case_get(viewer=request.user, pk=case_id)


@router.get("/", response=list[CaseOut], summary="Danh sách đề xuất")
def case_list(
    request: HttpRequest,
    state: str = "",
    q: str = "",
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
) -> list[dict[str, Any]]:
    """Cases the user may see, newest change first."""
    limit = max(1, min(limit, 200))
    cases = selectors.case_list(viewer=request.user, state=state, query=q)[offset : offset + limit]
    return [_out(c) for c in cases]


@router.post(
    "/",
    response={201: CaseDetailOut, 400: ErrorOut, 403: ErrorOut},
    summary="Tạo đề xuất (dự thảo)",
)
def case_create(request: HttpRequest, data: CaseIn) -> Any:
    """Start a draft from a unit where the user holds a role; the plan is then written with
    the ``save_draft`` transition and sent with ``submit`` (the same steps as the pages)."""
    units = units_of_user(user=request.user)
    chosen = next((u for u in units if u.pk == data.unit_id), None)
    if chosen is None:
        errors = {"unit_id": [_("Bạn không giữ vai trò nào tại đơn vị này.")]}
        return _status(400, {"detail": _("Thao tác bị từ chối."), "errors": errors})
    rule_set = next((r for r in selectors.rule_sets_in_force() if r.regime == data.regime), None)
    if rule_set is None:
        regimes = ", ".join(r.regime for r in selectors.rule_sets_in_force())
        errors = {"regime": [_("Chọn một trong: %(regimes)s.") % {"regimes": regimes}]}
        return _status(400, {"detail": _("Thao tác bị từ chối."), "errors": errors})
    try:
        case = services.case_create(
            actor=request.user, unit=chosen, rule_set=rule_set, title=data.title
        )
    except ApplicationError as error:
        return _status(400, {"detail": _("Thao tác bị từ chối."), "errors": _errors(error)})
    except PermissionDenied as error:
        return _status(403, {"detail": str(error) or _("Không có quyền.")})
    return _status(201, _detail(request, case))


@router.get("/{case_id}", response={200: CaseDetailOut, 404: ErrorOut}, summary="Một đề xuất")
def case_detail(request: HttpRequest, case_id: int) -> Any:
    """A case: its plan, state, deadlines, the transitions the user may make, its decisions."""
    case = _visible(request, case_id)
    if case is None:
        return _status(404, {"detail": _("Không tìm thấy đề xuất.")})
    return _status(200, _detail(request, case))


def _errors(error: ApplicationError) -> dict[str, list[str]]:
    return {key: [str(m) for m in messages] for key, messages in error.message_dict.items()}


def _form_errors(form: Any) -> dict[str, Any]:
    """The form's refusal as text per field ("__all__": the form as a whole), never empty."""
    errors = {name: [str(m) for m in messages] for name, messages in form.errors.items()}
    names = ", ".join(errors)
    return {"detail": _("Dữ liệu không hợp lệ: %(fields)s.") % {"fields": names}, "errors": errors}


def _run(request: HttpRequest, case: Case, name: str, payload: dict[str, Any]) -> Any:
    form_class = FORMS[name]
    try:
        services.check(actor=request.user, case=case, name=name)
        form = form_class(data=form_class.api_data(payload), case=case, user=request.user)
        if not form.is_valid():
            return _status(400, _form_errors(form))
        case = services.transition(
            actor=request.user, case=case, name=name, data=form.service_data()
        )
    except ApplicationError as error:
        return _status(400, {"detail": _("Thao tác bị từ chối."), "errors": _errors(error)})
    except PermissionDenied as error:
        return _status(403, {"detail": str(error) or _("Không có quyền.")})
    return _status(200, _detail(request, case))


def _register(spec: states.Transition) -> None:
    schema = transition_schema(spec.name)

    def operation(request: HttpRequest, case_id: int, payload: Any) -> Any:
        case = _visible(request, case_id)
        if case is None:
            return _status(404, {"detail": _("Không tìm thấy đề xuất.")})
        return _run(request, case, spec.name, payload.dict())

    operation.__annotations__["payload"] = schema
    operation.__name__ = f"transition_{spec.name}"
    router.post(
        f"/{{case_id}}/transitions/{spec.name}",
        response={200: CaseDetailOut, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut},
        summary=str(spec.label),
        description=transition_description(spec),
        operation_id=f"initiatives_transition_{spec.name}",
        url_name=f"initiatives_transition_{spec.name}",
    )(operation)


# The transitions' summaries, descriptions and field texts are read once, when the URLconf is
# first loaded: in the site's language, not in that of whichever request loaded it.
with translation.override(settings.LANGUAGE_CODE):
    for _spec in states.TABLE:
        _register(_spec)
