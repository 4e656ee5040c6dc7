"""What callers give the sending services: requirements and tasks, checked before anything is written."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _

from doimoi.core.errors import ApplicationError
from doimoi.directives import deadlines
from doimoi.directives.models import Period, RequirementKind
from doimoi.directives.services.common import clean, dmy
from doimoi.organizations.models import Unit


@dataclass(frozen=True)
class RequirementSpec:
    """A requirement as asked: a deadline in working days or as a date; reports may recur."""

    kind: str
    days: int | None = None
    date: datetime.date | None = None
    period: str = Period.ONCE
    until: datetime.date | None = None
    note: str = ""


@dataclass(frozen=True)
class TaskSpec:
    """A named task for one unit, as the plan wrote it."""

    unit: Unit
    title: str
    deliverable: str
    due_date: datetime.date
    description: str = ""
    number: str = ""


@dataclass(frozen=True)
class Due:
    """A checked requirement and the deadline it makes."""

    spec: RequirementSpec
    due: datetime.date


def _field(kind: str, name: str) -> str:
    return f"{kind}_{name}"


def check_requirement(spec: RequirementSpec, sent_on: datetime.date) -> Due:
    """The deadline of one requirement, or a message on the field at fault."""
    if spec.kind not in RequirementKind.values:
        raise ApplicationError(
            {"requirements": _("Yêu cầu «%(kind)s» không có.") % {"kind": spec.kind}}
        )
    label = RequirementKind(spec.kind).label
    if (spec.days is None) == (spec.date is None):
        raise ApplicationError(
            {
                _field(spec.kind, "days"): _(
                    "«%(req)s»: cho thời hạn bằng số ngày làm việc hoặc bằng ngày cụ thể (một trong hai)."
                )
                % {"req": label}
            }
        )
    if spec.days is not None and not 1 <= spec.days <= deadlines.MAX_DAYS:
        raise ApplicationError(
            {
                _field(spec.kind, "days"): _("«%(req)s»: số ngày làm việc phải từ 1 đến %(max)s.")
                % {"req": label, "max": deadlines.MAX_DAYS}
            }
        )
    if spec.date is not None and spec.date < sent_on:
        raise ApplicationError(
            {
                _field(spec.kind, "date"): _("«%(req)s»: hạn %(date)s trước ngày gửi %(sent)s.")
                % {"req": label, "date": dmy(spec.date), "sent": dmy(sent_on)}
            }
        )
    if spec.period not in Period.values or (
        spec.period != Period.ONCE and spec.kind != RequirementKind.REPORT
    ):
        raise ApplicationError({"report_period": _("Chỉ yêu cầu báo cáo mới có định kỳ.")})
    due = deadlines.due_date(sent_on, days=spec.days, date=spec.date)
    if spec.until is not None and spec.until < due:
        raise ApplicationError(
            {
                "report_until": _(
                    "Ngày kết thúc báo cáo định kỳ phải sau hạn báo cáo đầu tiên (%(date)s)."
                )
                % {"date": dmy(due)}
            }
        )
    return Due(spec, due)


def check_requirements(specs: list[RequirementSpec], sent_on: datetime.date) -> list[Due]:
    """Every requirement checked: at least one, each kind once."""
    if not specs:
        raise ApplicationError({"requirements": _("Chọn ít nhất một yêu cầu và thời hạn của nó.")})
    kinds = [s.kind for s in specs]
    if len(set(kinds)) != len(kinds):
        raise ApplicationError({"requirements": _("Mỗi loại yêu cầu chỉ được chọn một lần.")})
    return [check_requirement(s, sent_on) for s in specs]


def check_tasks(tasks: list[TaskSpec], sent_on: datetime.date) -> list[TaskSpec]:
    """Tasks cleaned: each with the unit named as written, a deliverable, a deadline after sending."""
    cleaned = []
    for number, task in enumerate(tasks, start=1):
        title, deliverable = clean(task.title), clean(task.deliverable)
        where = _("Nhiệm vụ %(n)s (%(unit)s)") % {
            "n": task.number or number,
            "unit": task.unit.name,
        }
        if not title or not deliverable:
            raise ApplicationError(
                {"tasks": _("%(where)s: cần ghi đơn vị được giao và sản phẩm.") % {"where": where}}
            )
        if task.due_date < sent_on:
            raise ApplicationError(
                {
                    "tasks": _("%(where)s: hạn %(date)s trước ngày giao %(sent)s.")
                    % {"where": where, "date": dmy(task.due_date), "sent": dmy(sent_on)}
                }
            )
        cleaned.append(
            TaskSpec(
                unit=task.unit,
                title=title[:300],
                deliverable=deliverable[:300],
                due_date=deadlines.on_or_after_working(task.due_date),
                description=clean(task.description),
                number=clean(task.number)[:16],
            )
        )
    return cleaned
