"""What a recipient does with its assignment: acknowledge it, answer it, forward it, delegate tasks."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from doimoi.core.errors import ApplicationError
from doimoi.core.services import locked
from doimoi.directives import events
from doimoi.directives.models import KINDS, Assignment, Distribution, RequirementKind
from doimoi.directives.services.common import (
    check_day,
    check_transition,
    require,
    today,
)
from doimoi.directives.services.directives import check_document, sending_payload
from doimoi.directives.services.sending import send
from doimoi.directives.services.specs import (
    RequirementSpec,
    TaskSpec,
    check_requirements,
)
from doimoi.directives.states import ASSIGNMENT_TRANSITIONS, AssignmentState, TaskState
from doimoi.documents import services as documents
from doimoi.documents.models import Citation, Document, Relation
from doimoi.ledger import services as ledger
from doimoi.organizations.models import Unit

A = AssignmentState
ANSWER_KINDS = (RequirementKind.PLAN, RequirementKind.FORWARD, RequirementKind.STUDY)
RELATION = {RequirementKind.PLAN: Relation.IMPLEMENTS, RequirementKind.FORWARD: Relation.FORWARDS}


def _locked(assignment: Assignment) -> Assignment:
    return locked(Assignment.objects).select_related("distribution", "unit").get(pk=assignment.pk)


def _check(assignment: Assignment, name: str) -> None:
    check_transition(ASSIGNMENT_TRANSITIONS, name, assignment.state, assignment.get_state_display())


def settle(a: Assignment) -> None:
    """Mark the assignment done when nothing is owed any more (the caller saves it)."""
    owed = [k for k in KINDS if getattr(a, f"{k}_due") and not getattr(a, f"{k}_on")]
    report_open = a.report_due is not None and a.report_accepted_on is None
    if owed or report_open or a.state == A.REPORTED:
        return
    if a.tasks_due is not None and a.tasks.exclude(state=TaskState.DONE).exists():
        return
    dates = [getattr(a, f"{k}_on") for k in KINDS if getattr(a, f"{k}_on")]
    a.state, a.done_on = A.DONE, max(dates, default=today())


def start(a: Assignment) -> None:
    """The unit began work: a received or acknowledged assignment is now in progress."""
    if a.state in (A.RECEIVED, A.ACKNOWLEDGED):
        a.state = A.IN_PROGRESS


@transaction.atomic
def assignment_acknowledge(
    *, actor: Any, assignment: Assignment, on: datetime.date | None = None
) -> Assignment:
    """The recipient confirms it received the directive (xác nhận đã nhận)."""
    require(actor, "directives.act_on_assignment", assignment)
    a = _locked(assignment)
    _check(a, "acknowledge")
    on = on or today()
    check_day(on, field="on", not_before=a.received_on)
    a.state, a.acknowledged_on = A.ACKNOWLEDGED, on
    a.save(update_fields=["state", "acknowledged_on", "updated_at"])
    ledger.append(
        action=events.ASSIGNMENT_ACKNOWLEDGED,
        subject=a,
        actor=actor,
        unit=a.unit,
        payload={"on": on},
    )
    return a


def _own_document(actor: Any, a: Assignment, document: Document) -> Document:
    document = check_document(actor, document)
    issuer = document.issuer_unit_id
    if issuer != a.unit_id and not (issuer is None and document.unit_id == a.unit_id):
        raise ApplicationError(
            {
                "document": _("%(ref)s không phải văn bản do %(unit)s ban hành.")
                % {"ref": document.reference, "unit": a.unit.name}
            }
        )
    return document


def _cite(actor: Any, a: Assignment, document: Document, kind: str) -> None:
    """Make the citation graph agree with the cascade: the answer cites what the unit received."""
    received = a.distribution.document
    if (
        document.pk == received.pk
        or Citation.objects.filter(source=document, target=received).exists()
    ):
        return
    if actor is not None and not actor.has_perm("documents.change_document", document):
        raise ApplicationError(
            {
                "document": _("Bạn không có quyền liên kết %(ref)s với văn bản được giao.")
                % {"ref": document.reference}
            }
        )
    documents.citation_add(
        actor=actor, source=document, target=received, relation=RELATION[RequirementKind(kind)]
    )


def record_answer(
    actor: Any, a: Assignment, kind: str, document: Document | None, on: datetime.date | None
) -> None:
    """Fill one milestone (plan issued, forwarded, study held) on the locked assignment."""
    if kind not in ANSWER_KINDS:
        raise ApplicationError({"kind": _("Chọn kế hoạch, văn bản sao gửi hoặc buổi quán triệt.")})
    _check(a, "answer")
    if kind != RequirementKind.STUDY:
        if document is None:
            raise ApplicationError({"document": _("Chọn văn bản đơn vị đã ban hành.")})
        document = _own_document(actor, a, document)
        on = on or document.date or today()
        _cite(actor, a, document, kind)
        if getattr(a, f"{kind}_document_id") is None:
            setattr(a, f"{kind}_document", document)
    on = on or today()
    check_day(on, field="on")
    if getattr(a, f"{kind}_on") is None:  # the first answer is the one that counts for the deadline
        setattr(a, f"{kind}_on", on)
    start(a)
    settle(a)


@transaction.atomic
def assignment_answer(
    *,
    actor: Any,
    assignment: Assignment,
    kind: str,
    document: Document | None = None,
    on: datetime.date | None = None,
) -> Assignment:
    """Record how the unit answered: its plan, its forwarding dispatch, or its study session."""
    require(actor, "directives.act_on_assignment", assignment)
    a = _locked(assignment)
    record_answer(actor, a, kind, document, on)
    a.save()
    payload = {
        "kind": kind,
        "document": document.pk if document else None,
        "on": getattr(a, f"{kind}_on"),
    }
    ledger.append(
        action=events.ASSIGNMENT_ANSWERED, subject=a, actor=actor, unit=a.unit, payload=payload
    )
    return a


@transaction.atomic
def assignment_forward(
    *,
    actor: Any,
    assignment: Assignment,
    document: Document | None,
    recipients: list[Unit],
    requirements: list[RequirementSpec],
    sent_on: datetime.date,
    note: str = "",
) -> Distribution:
    """The recipient sends the directive on to its own units with ``document`` (its dispatch or
    plan): the assignment tree grows one level."""
    require(actor, "directives.act_on_assignment", assignment)
    if document is None:
        raise ApplicationError({"document": _("Chọn văn bản đơn vị dùng để sao gửi.")})
    a = _locked(assignment)
    record_answer(actor, a, RequirementKind.FORWARD, document, sent_on)
    a.save()
    dues = check_requirements(requirements, sent_on)
    dist = send(
        actor=actor,
        directive=a.directive,
        sender=a.unit,
        document=document,
        parent=a,
        recipients=recipients,
        dues=dues,
        sent_on=sent_on,
        note=note,
    )
    ledger.append(
        action=events.ASSIGNMENT_FORWARDED,
        subject=a,
        actor=actor,
        unit=a.unit,
        payload=sending_payload(dist),
    )
    return dist


@transaction.atomic
def plan_tasks_assign(
    *,
    actor: Any,
    assignment: Assignment,
    plan: Document,
    tasks: list[TaskSpec],
    sent_on: datetime.date,
    report: RequirementSpec | None = None,
) -> Distribution:
    """The recipient's plan names tasks for its units: record the plan, send it to those units,
    each with its tasks (and a report when asked)."""
    require(actor, "directives.act_on_assignment", assignment)
    if not tasks:
        raise ApplicationError({"tasks": _("Chọn ít nhất một nhiệm vụ để giao.")})
    a = _locked(assignment)
    if a.plan_document_id != plan.pk:
        record_answer(actor, a, RequirementKind.PLAN, plan, None)
        a.save()
    last = max(t.due_date for t in tasks)
    specs = [RequirementSpec(kind=RequirementKind.TASKS, date=max(last, sent_on))] + (
        [report] if report else []
    )
    dues = check_requirements(specs, sent_on)
    recipients = list({t.unit.pk: t.unit for t in tasks}.values())
    dist = send(
        actor=actor,
        directive=a.directive,
        sender=a.unit,
        document=plan,
        parent=a,
        recipients=recipients,
        dues=dues,
        sent_on=sent_on,
        tasks=tasks,
    )
    ledger.append(
        action=events.ASSIGNMENT_DELEGATED,
        subject=a,
        actor=actor,
        unit=a.unit,
        payload=sending_payload(dist) | {"tasks": len(tasks)},
    )
    return dist


def study_answered_elsewhere(*, event: Any, unit_id: int, documents: list[int], on: Any) -> int:
    """A study session recorded by another app (outreach) answers the "study session" requirement
    of the unit's assignments whose directive carries one of ``documents``: one record, two
    views. Returns how many assignments it answered (the first session is the one that counts)."""
    day = on if isinstance(on, datetime.date) else datetime.date.fromisoformat(str(on))
    owed = (
        locked(Assignment.objects)
        .select_related("distribution", "unit")
        .filter(
            unit_id=unit_id,
            directive__document_id__in=documents,
            study_due__isnull=False,
            study_on__isnull=True,
        )
        .exclude(state=A.DONE)
    )
    answered = 0
    for a in owed:
        a.study_on = day
        start(a)
        settle(a)
        a.save()
        ledger.append(
            action=events.ASSIGNMENT_ANSWERED,
            subject=a,
            actor=None,
            unit=a.unit,
            payload={"kind": RequirementKind.STUDY, "on": day, "session": event.seq},
        )
        answered += 1
    return answered
