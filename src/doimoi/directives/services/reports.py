"""Reports sent up on an assignment or a task, and the sender's review: accept, or return with a reason.

A returned report counts as not done: the milestone it filled is emptied again, so the unit is
late once the deadline passes, until it reports again (as Thanh Hóa's task system does).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from doimoi.core.errors import ApplicationError
from doimoi.core.services import locked
from doimoi.directives import deadlines, events
from doimoi.directives.models import (
    Assignment,
    Period,
    Report,
    ReportAttachment,
    RequirementKind,
    Task,
)
from doimoi.directives.services import notify
from doimoi.directives.services.answers import settle, start
from doimoi.directives.services.common import (
    check_day,
    check_transition,
    clean,
    dmy,
    require,
    today,
    user_or_none,
)
from doimoi.directives.states import (
    ASSIGNMENT_TRANSITIONS,
    REPORT_TRANSITIONS,
    TASK_TRANSITIONS,
    AssignmentState,
    ReportState,
    TaskState,
)
from doimoi.documents import selectors as documents
from doimoi.ledger import services as ledger

MAX_FILES = 10
MAX_FILE_BYTES = 20 * 1024 * 1024
REFERENCE = re.compile(r"^\d{1,5}\s*[-/]\s*[^\s/-][^\s]*$")
A, T, R = AssignmentState, TaskState, ReportState


def parse_figures(text: str) -> list[dict[str, Any]]:
    """Figures written one per line as "label: number" ("Số buổi quán triệt: 12")."""
    figures = []
    for number, line in enumerate(clean(text).splitlines(), start=1):
        if not line.strip():
            continue
        label, sep, value = line.rpartition(":")
        figures.append(_figure(label if sep else line, value if sep else "", number))
    return figures


def _amount(value: Any) -> Decimal | None:
    """A number as data, or as Vietnamese write it ("1.234", "12,5")."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return Decimal(str(value))
    try:
        return Decimal(clean(str(value)).replace(".", "").replace(",", "."))
    except InvalidOperation:
        return None


def _figure(label: str, value: Any, line: int) -> dict[str, Any]:
    label, value = clean(label), clean(str(value)) if isinstance(value, str) else value
    if isinstance(value, str) and value.endswith("%"):  # "100%": the number, the label says "(%)"
        value = value[:-1].strip()
        label = label if not label or "%" in label else f"{label} (%)"
    amount = _amount(value)
    if not label or amount is None:
        raise ApplicationError(
            {
                "figures": _("Dòng %(n)s: ghi «tên chỉ tiêu: số», ví dụ «Số buổi quán triệt: 12».")
                % {"n": line}
            }
        )
    return {
        "label": label,
        "value": int(amount) if amount == amount.to_integral() else float(amount),
    }


def check_figures(figures: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Figures given as data (the API): each a label and a number."""
    checked = []
    for line, item in enumerate(figures, start=1):
        checked.append(_figure(str(item.get("label", "")), item.get("value", ""), line))
    return checked


def _document_of(actor: Any, a: Assignment, reference: str) -> Any:
    """The written report the reference names, when it is already in the documents app."""
    if not reference:
        return None
    if not REFERENCE.match(reference):
        raise ApplicationError(
            {"document_reference": _("Số, ký hiệu báo cáo không đúng dạng, ví dụ «15-BC/ThU».")}
        )
    number, symbol = re.split(r"\s*[-/]\s*", reference, maxsplit=1)
    if actor is None:
        return None
    found = documents.document_list(viewer=actor, issuer=a.unit).filter(
        number__in={number, number.zfill(2)}, symbol=symbol
    )
    return found.first()


def _attach(report: Report, files: Sequence[UploadedFile]) -> None:
    if len(files) > MAX_FILES:
        raise ApplicationError({"attachments": _("Đính kèm tối đa %(n)s tệp.") % {"n": MAX_FILES}})
    for upload in files:
        if (upload.size or 0) > MAX_FILE_BYTES:
            raise ApplicationError(
                {"attachments": _("Tệp «%(name)s» lớn hơn 20 MB.") % {"name": upload.name}}
            )
        ReportAttachment.objects.create(
            report=report, file=upload, name=clean(upload.name or "")[:255], size=upload.size or 0
        )


def _target_due(a: Assignment, task: Task | None) -> datetime.date | None:
    if task is not None:
        if task.assignment_id != a.pk:
            raise ApplicationError({"task": _("Nhiệm vụ không thuộc văn bản chỉ đạo này.")})
        check_transition(TASK_TRANSITIONS, "report", task.state, task.get_state_display())
        return task.due_date
    if a.report_due is None:
        raise ApplicationError(
            {
                "narrative": _(
                    "Văn bản chỉ đạo không yêu cầu đơn vị báo cáo; hãy báo cáo theo từng nhiệm vụ."
                )
            }
        )
    check_transition(ASSIGNMENT_TRANSITIONS, "report", a.state, a.get_state_display())
    return a.report_due


@transaction.atomic
def report_submit(
    *,
    actor: Any,
    assignment: Assignment,
    narrative: str,
    task: Task | None = None,
    figures: Sequence[dict[str, Any]] = (),
    document_reference: str = "",
    attachments: Sequence[UploadedFile] = (),
    on: datetime.date | None = None,
) -> Report:
    """The unit reports on its assignment (or one of its tasks): text, figures, files, its number."""
    require(actor, "directives.act_on_assignment", assignment)
    a = locked(Assignment.objects).select_related("unit").get(pk=assignment.pk)
    task = locked(Task.objects).get(pk=task.pk) if task is not None else None
    due = _target_due(a, task)
    narrative, reference = clean(narrative), clean(document_reference).replace(" ", "")
    if not narrative:
        raise ApplicationError({"narrative": _("Ghi nội dung báo cáo.")})
    on = on or today()
    check_day(on, field="on", not_before=a.received_on)
    report = Report.objects.create(
        directive_id=a.directive_id,
        assignment=a,
        task=task,
        unit=a.unit,
        sender_id=a.sender_id,
        round=a.report_round,
        narrative=narrative,
        figures=check_figures(figures),
        document_reference=reference[:64],
        document=_document_of(actor, a, reference),
        due_date=due,
        submitted_on=on,
        submitted_by=user_or_none(actor),
    )
    _attach(report, attachments)
    _mark_reported(a, task, on)
    payload: dict[str, Any] = {"assignment": a.pk, "task": task.pk if task else None}
    payload |= {"on": on, "due": due, "reference": reference, "figures": report.figures}
    ledger.append(
        action=events.REPORT_SUBMITTED, subject=report, actor=actor, unit=a.unit, payload=payload
    )
    _tell(
        a.sender_id,
        report,
        _("%(unit)s gửi báo cáo: %(title)s") % {"unit": a.unit.name, "title": a.directive.title},
    )
    return report


def _mark_reported(a: Assignment, task: Task | None, on: datetime.date) -> None:
    """A task's report fills the task (and the tasks milestone once all are in); an
    assignment's report fills its report milestone."""
    if task is not None:
        task.state, task.reported_on = T.REPORTED, on
        task.save(update_fields=["state", "reported_on"])
        tasks_reported(a)
        start(a)
    else:
        a.state, a.report_on = A.REPORTED, on
    a.save()


def _tell(unit_id: int, report: Report, message: str) -> None:
    notify.send(
        [
            notify.Notice(
                unit_id=unit_id,
                key=f"report:{report.pk}:{report.state}",
                message=message,
                link=reverse("directives:assignment_detail", args=[report.assignment_id]),
                directive=report.directive,
                assignment=report.assignment,
            )
        ]
    )


def _review(actor: Any, report: Report, name: str) -> tuple[Report, Assignment]:
    require(actor, "directives.review_assignment", report.assignment)
    report = locked(Report.objects).select_related("task").get(pk=report.pk)
    check_transition(REPORT_TRANSITIONS, name, report.state, report.get_state_display())
    a = locked(Assignment.objects).select_related("unit", "directive").get(pk=report.assignment_id)
    return report, a


def _next_round(a: Assignment) -> bool:
    """Open the next round of a periodic report; False when the last round is done."""
    if a.report_period == Period.ONCE:
        return False
    first = a.distribution.requirements.get(kind=RequirementKind.REPORT).due_date
    following = deadlines.round_due(first, a.report_period, a.report_round + 1)
    if a.report_until is not None and following > a.report_until:
        return False
    a.report_round, a.report_due = a.report_round + 1, following
    a.report_on = a.report_accepted_on = None
    a.state = A.IN_PROGRESS
    return True


def tasks_reported(a: Assignment) -> None:
    """The tasks milestone is met once every task of the assignment is reported (and not
    returned); the assignment is done only when the sender has accepted them all."""
    rows = list(a.tasks.values_list("state", "reported_on"))
    if rows and all(state in (T.REPORTED, T.DONE) for state, _on in rows):
        a.tasks_on = max(on for _s, on in rows if on)
    else:
        a.tasks_on = None


@transaction.atomic
def report_accept(*, actor: Any, report: Report, on: datetime.date | None = None) -> Report:
    """The sender accepts the report: the task or the assignment's report round is done."""
    report, a = _review(actor, report, "accept")
    on = on or today()
    check_day(on, field="on", not_before=report.submitted_on)
    report.state, report.reviewed_on, report.reviewed_by = R.ACCEPTED, on, user_or_none(actor)
    report.save(update_fields=["state", "reviewed_on", "reviewed_by"])
    if report.task is not None:
        report.task.state, report.task.done_on = T.DONE, report.submitted_on
        report.task.save(update_fields=["state", "done_on"])
        tasks_reported(a)
    else:
        a.report_accepted_on = report.submitted_on
        if not _next_round(a):
            a.state = A.IN_PROGRESS
    settle(a)
    a.save()
    payload = {"assignment": a.pk, "task": report.task_id, "on": on, "state": a.state}
    ledger.append(
        action=events.REPORT_ACCEPTED, subject=report, actor=actor, unit=a.sender, payload=payload
    )
    _tell(
        a.unit_id,
        report,
        _("%(sender)s chấp nhận báo cáo ngày %(date)s của đơn vị.")
        % {"sender": a.sender.name, "date": dmy(report.submitted_on)},
    )
    return report


@transaction.atomic
def report_return(
    *, actor: Any, report: Report, reason: str, on: datetime.date | None = None
) -> Report:
    """The sender returns the report with a reason; it counts as not done until the unit reports again."""
    report, a = _review(actor, report, "return")
    reason = clean(reason)
    if not reason:
        raise ApplicationError({"reason": _("Ghi lý do trả lại để đơn vị biết cần bổ sung gì.")})
    on = on or today()
    check_day(on, field="on", not_before=report.submitted_on)
    report.state, report.reviewed_on, report.reviewed_by, report.return_reason = (
        R.RETURNED,
        on,
        user_or_none(actor),
        reason,
    )
    report.save(update_fields=["state", "reviewed_on", "reviewed_by", "return_reason"])
    if report.task is not None:
        report.task.state, report.task.reported_on, report.task.done_on = T.ASSIGNED, None, None
        report.task.save(update_fields=["state", "reported_on", "done_on"])
        tasks_reported(a)
        if a.state == A.DONE:
            a.state, a.done_on = A.IN_PROGRESS, None
    else:
        a.state, a.report_on = A.IN_PROGRESS, None
    a.save()
    payload = {"assignment": a.pk, "task": report.task_id, "on": on, "reason": reason}
    ledger.append(
        action=events.REPORT_RETURNED, subject=report, actor=actor, unit=a.sender, payload=payload
    )
    _tell(
        a.unit_id,
        report,
        _("%(sender)s trả lại báo cáo: %(reason)s") % {"sender": a.sender.name, "reason": reason},
    )
    return report
