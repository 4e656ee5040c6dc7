"""REST endpoints of the directives app (mounted under /api/v1/directives/).

Create and send a directive, list a unit's assignments, report on an assignment (or one of its
tasks), review a report, and read a directive's rollup; every one goes through the same
services and selectors as the pages, so permissions and the ledger are the same.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import ninja
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Router, Schema
from ninja.errors import HttpError

from doimoi.core.errors import ApplicationError
from doimoi.directives import selectors, services
from doimoi.directives.models import Assignment, Report, RequirementKind
from doimoi.documents import selectors as documents
from doimoi.organizations.models import Unit

router = Router(tags=["directives"])
# Newer django-ninja names an explicit status; older versions take a (status, body) tuple.
Status: Any = getattr(ninja, "Status", None)


def _created(body: dict[str, Any]) -> Any:
    return Status(201, body) if Status is not None else (201, body)


class RequirementIn(Schema):
    kind: str
    days: int | None = None
    date: datetime.date | None = None
    period: str = "once"
    until: datetime.date | None = None
    note: str = ""


class DirectiveIn(Schema):
    document_id: int
    issuer_id: int
    recipient_ids: list[int] = []
    recipients_kind: str = ""
    recipients_level: str = ""
    recipients_under_id: int | None = None
    requirements: list[RequirementIn]
    sent_on: datetime.date | None = None
    note: str = ""


class DirectiveOut(Schema):
    id: int
    title: str
    document_id: int
    issuer_id: int
    recipients: int


class AssignmentOut(Schema):
    id: int
    directive_id: int
    directive_title: str
    unit_id: int
    unit_name: str
    sender_id: int
    state: str
    received_on: datetime.date
    plan_due: datetime.date | None
    plan_on: datetime.date | None
    forward_due: datetime.date | None
    forward_on: datetime.date | None
    study_due: datetime.date | None
    study_on: datetime.date | None
    tasks_due: datetime.date | None
    tasks_on: datetime.date | None
    report_due: datetime.date | None
    report_on: datetime.date | None
    due_final: datetime.date | None
    done_on: datetime.date | None
    overdue: list[str]


class FigureIn(Schema):
    label: str
    value: float


class ReportIn(Schema):
    narrative: str
    figures: list[FigureIn] = []
    document_reference: str = ""
    task_id: int | None = None
    submitted_on: datetime.date | None = None  # a report sent on paper earlier: its date


class ReviewIn(Schema):
    decision: str
    reason: str = ""


class AcknowledgeIn(Schema):
    on: datetime.date | None = None


class AnswerIn(Schema):
    kind: str  # plan | study (forward: /forward)
    document_id: int | None = None
    on: datetime.date | None = None


class ForwardIn(Schema):
    document_id: int
    recipient_ids: list[int]
    requirements: list[RequirementIn]
    sent_on: datetime.date | None = None
    note: str = ""


class ErrorOut(Schema):
    detail: str


REFUSALS: dict[int, Any] = {400: ErrorOut, 403: ErrorOut, 404: ErrorOut}


class ReportOut(Schema):
    id: int
    assignment_id: int
    task_id: int | None
    state: str
    submitted_on: datetime.date
    due_date: datetime.date | None
    on_time: bool
    return_reason: str


class RollupOut(Schema):
    directive_id: int
    levels: list[dict[str, Any]]
    total: dict[str, int | float | None]  # counts, and the completion rate in % (one decimal)
    tasks: list[dict[str, Any]]
    task_total: dict[str, int | float | None]
    reports: dict[str, int]


@contextmanager
def _errors() -> Iterator[None]:
    """A refused change answers 400 with the field at fault; no permission 403; not seen 404."""
    try:
        yield
    except ApplicationError as error:
        detail = "; ".join(
            f"{field}: {' '.join(msgs)}" for field, msgs in error.message_dict.items()
        )
        raise HttpError(400, detail) from error
    except PermissionDenied as error:
        raise HttpError(403, str(error) or "Không có quyền.") from error
    except ObjectDoesNotExist as error:
        raise HttpError(404, "Không tìm thấy.") from error


def _recipients(data: DirectiveIn, issuer: Unit, day: datetime.date) -> list[Unit]:
    units = {u.pk: u for u in Unit.objects.filter(pk__in=data.recipient_ids)}
    if data.recipients_kind or data.recipients_level:
        found = services.recipients_matching(
            issuer, day=day, kind=data.recipients_kind, level=data.recipients_level
        )
        units.update({u.pk: u for u in found})
    if data.recipients_under_id is not None:
        under = get_object_or_404(Unit, pk=data.recipients_under_id)
        units.update({u.pk: u for u in services.recipients_matching(issuer, day=day, under=under)})
    return list(units.values())


@router.post("/", response={201: DirectiveOut, **REFUSALS})
def directive_create(request: HttpRequest, data: DirectiveIn) -> Any:
    """Make a document a directive of a unit and send it to recipients with requirements."""
    with _errors(), transaction.atomic():
        document = documents.document_get(viewer=request.user, pk=data.document_id)
        issuer = Unit.objects.get(pk=data.issuer_id)
        directive = services.directive_create(actor=request.user, document=document, issuer=issuer)
        day = data.sent_on or timezone.localdate()
        requirements = [services.RequirementSpec(**r.dict()) for r in data.requirements]
        services.directive_distribute(
            actor=request.user,
            directive=directive,
            recipients=_recipients(data, issuer, day),
            requirements=requirements,
            sent_on=day,
            note=data.note,
        )
    out = {
        "id": directive.pk,
        "title": directive.title,
        "document_id": document.pk,
        "issuer_id": issuer.pk,
        "recipients": directive.assignments.count(),
    }
    return _created(out)


def _assignment_out(a: Assignment, today: datetime.date) -> dict[str, Any]:
    fields = [
        f
        for f in AssignmentOut.model_fields
        if f not in ("directive_title", "unit_name", "overdue")
    ]
    return {f: getattr(a, f) for f in fields} | {
        "directive_title": a.directive.title,
        "unit_name": a.unit.name,
        "overdue": [kind for kind, _due in selectors.missing(a, today)],
    }


@router.get(
    "/units/{unit_id}/assignments",
    response={200: list[AssignmentOut], 404: ErrorOut},
)
def unit_assignments(request: HttpRequest, unit_id: int) -> list[dict[str, Any]]:
    """What a unit received (first 500 by deadline), for those who may see that unit (for others,
    missing: the same 404 as a unit that does not exist)."""
    unit = get_object_or_404(Unit, pk=unit_id)
    if not request.user.has_perm("directives.view_unit_dashboard", unit):
        raise Http404
    today = timezone.localdate()
    return [
        _assignment_out(a, today)
        for a in selectors.assignment_list(viewer=request.user, unit=unit)[:500]
    ]


def _report_out(r: Report) -> dict[str, Any]:
    fields = [f for f in ReportOut.model_fields if f != "on_time"]
    return {f: getattr(r, f) for f in fields} | {"on_time": r.on_time}


@router.post("/assignments/{assignment_id}/acknowledge", response={200: AssignmentOut, **REFUSALS})
def assignment_acknowledge(request: HttpRequest, assignment_id: int, data: AcknowledgeIn) -> Any:
    """The recipient confirms it received the directive (xác nhận đã nhận)."""
    with _errors():
        a = selectors.assignment_get(viewer=request.user, pk=assignment_id)
        a = services.assignment_acknowledge(actor=request.user, assignment=a, on=data.on)
    return _assignment_out(a, timezone.localdate())


@router.post("/assignments/{assignment_id}/answers", response={200: AssignmentOut, **REFUSALS})
def assignment_answer(request: HttpRequest, assignment_id: int, data: AnswerIn) -> Any:
    """Record the unit's answer: its plan (``kind=plan`` with the plan's ``document_id``) or its
    study session (``kind=study``); forwarding to the units below is ``/forward``."""
    with _errors():
        a = selectors.assignment_get(viewer=request.user, pk=assignment_id)
        document = (
            documents.document_get(viewer=request.user, pk=data.document_id)
            if data.document_id is not None
            else None
        )
        a = services.assignment_answer(
            actor=request.user, assignment=a, kind=data.kind, document=document, on=data.on
        )
    return _assignment_out(a, timezone.localdate())


@router.post("/assignments/{assignment_id}/forward", response={201: AssignmentOut, **REFUSALS})
def assignment_forward(request: HttpRequest, assignment_id: int, data: ForwardIn) -> Any:
    """Send the directive on to the unit's own units with its forwarding dispatch or plan."""
    with _errors():
        a = selectors.assignment_get(viewer=request.user, pk=assignment_id)
        document = documents.document_get(viewer=request.user, pk=data.document_id)
        services.assignment_forward(
            actor=request.user,
            assignment=a,
            document=document,
            recipients=list(Unit.objects.filter(pk__in=data.recipient_ids)),
            requirements=[services.RequirementSpec(**r.dict()) for r in data.requirements],
            sent_on=data.sent_on or timezone.localdate(),
            note=data.note,
        )
        a = selectors.assignment_get(viewer=request.user, pk=assignment_id)
    return _created(_assignment_out(a, timezone.localdate()))


@router.post("/assignments/{assignment_id}/reports", response={201: ReportOut, **REFUSALS})
def report_create(request: HttpRequest, assignment_id: int, data: ReportIn) -> Any:
    """Report on an assignment (or on one of its tasks, with ``task_id``)."""
    with _errors():
        a = selectors.assignment_get(viewer=request.user, pk=assignment_id)
        task = a.tasks.get(pk=data.task_id) if data.task_id is not None else None
        report = services.report_submit(
            actor=request.user,
            assignment=a,
            task=task,
            narrative=data.narrative,
            figures=[f.dict() for f in data.figures],
            document_reference=data.document_reference,
            on=data.submitted_on,
        )
    return _created(_report_out(report))


@router.post("/reports/{report_id}/review", response={200: ReportOut, **REFUSALS})
def report_review(request: HttpRequest, report_id: int, data: ReviewIn) -> dict[str, Any]:
    """Accept a report (``decision=accept``) or return it with a reason (``decision=return``)."""
    with _errors():
        report = selectors.report_get(viewer=request.user, pk=report_id)
        if data.decision == "accept":
            report = services.report_accept(actor=request.user, report=report)
        elif data.decision == "return":
            report = services.report_return(actor=request.user, report=report, reason=data.reason)
        else:
            raise ApplicationError({"decision": "accept | return"})
    return _report_out(report)


@router.get("/{directive_id}/rollup", response={200: RollupOut, **REFUSALS})
def directive_rollup(
    request: HttpRequest, directive_id: int, subtree_id: int | None = None, requirement: str = ""
) -> dict[str, Any]:
    """Counts per level of a directive's cascade as the user sees it (optionally one subtree,
    one requirement)."""
    with _errors():
        directive = selectors.directive_get(viewer=request.user, pk=directive_id)
        subtree = Unit.objects.get(pk=subtree_id) if subtree_id is not None else None
        if requirement and requirement not in RequirementKind.values:
            raise ApplicationError({"requirement": ", ".join(RequirementKind.values)})
    scope = selectors.Scope(
        directive=directive, viewer=request.user, subtree=subtree, requirement=requirement
    )
    summary = selectors.directive_summary(scope, today=timezone.localdate())
    levels = [{k: str(v) if k == "label" else v for k, v in row.items()} for row in summary.levels]
    tasks = [{k: str(v) if k == "label" else v for k, v in row.items()} for row in summary.tasks]
    return {
        "directive_id": directive.pk,
        "levels": levels,
        "total": summary.total,
        "tasks": tasks,
        "task_total": summary.task_total,
        "reports": summary.reports,
    }
