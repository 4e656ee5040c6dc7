"""Sending a directive down the tree: a sending, its requirements, one assignment per recipient."""

from __future__ import annotations

import datetime
from dataclasses import replace
from typing import Any

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from doimoi.core.errors import ApplicationError
from doimoi.directives.models import (
    Assignment,
    Directive,
    Distribution,
    Requirement,
    RequirementKind,
    Task,
)
from doimoi.directives.services import notify
from doimoi.directives.services.common import check_day, clean, dmy, user_or_none
from doimoi.directives.services.specs import Due, TaskSpec, check_tasks
from doimoi.documents import services as documents
from doimoi.documents.models import Document
from doimoi.organizations.models import Unit, UnitKind


def fresh(units: list[Unit]) -> list[Unit]:
    """The units as stored now: a tree path held in memory goes stale when siblings are added
    (the tree keeps siblings sorted by name), and every check here reads paths."""
    found = Unit.objects.in_bulk([u.pk for u in units])
    return [found[u.pk] for u in units if u.pk in found]


# Bodies that serve a committee (its standing committee, boards, office, inspection commission)
# address the units of that committee: Ban Tuyên giáo Tỉnh ủy guides Thành ủy Bảo Lộc.
SERVING_KINDS = frozenset(
    {
        UnitKind.STANDING_COMMITTEE,
        UnitKind.ADVISORY_BOARD,
        UnitKind.OFFICE,
        UnitKind.INSPECTION_COMMISSION,
    }
)


def scope_paths(sender: Unit) -> list[str]:
    """Where a sender may send: its own subtree; a body serving a committee, the committee's."""
    if sender.kind in SERVING_KINDS and sender.depth > 1:
        return [sender.path[: -Unit.steplen]]
    return [sender.path]


def _active_on(unit: Unit, day: datetime.date) -> bool:
    return unit.valid_from <= day and (unit.valid_to is None or day < unit.valid_to)


def _names(units: list[Unit], limit: int = 5) -> str:
    names = ", ".join(u.name for u in units[:limit])
    return names + (
        _(" và %(n)s đơn vị khác") % {"n": len(units) - limit} if len(units) > limit else ""
    )


def _refuse(units: list[Unit], message: str, **values: str) -> None:
    """Refuse the sending on the recipients field, naming the units at fault."""
    if units:
        raise ApplicationError({"recipients": message % {**values, "units": _names(units)}})


def check_recipients(
    directive: Directive, sender: Unit, recipients: list[Unit], sent_on: datetime.date
) -> list[Unit]:
    """The recipients, each once, each active, under the sender, new to this directive."""
    units = list({u.pk: u for u in recipients}.values())
    if not units:
        raise ApplicationError({"recipients": _("Chọn ít nhất một đơn vị nhận.")})
    scope = scope_paths(sender)
    outside = [
        u for u in units if sender.path.startswith(u.path) or not u.path.startswith(tuple(scope))
    ]
    message = _("Không gửi được tới đơn vị ngoài phạm vi của %(sender)s: %(units)s.")
    _refuse(outside, message, sender=sender.name)
    closed = [u for u in units if not _active_on(u, sent_on)]
    message = _("Đơn vị không hoạt động vào ngày gửi %(date)s: %(units)s.")
    _refuse(closed, message, date=dmy(sent_on))
    taken = set(Assignment.objects.filter(directive=directive).values_list("unit_id", flat=True))
    _refuse(
        [u for u in units if u.pk in taken], _("Đơn vị đã nhận văn bản chỉ đạo này: %(units)s.")
    )
    return sorted(units, key=lambda u: u.path)


def check_sent_on(document: Document, parent: Assignment | None, sent_on: datetime.date) -> None:
    """Sent no earlier than the document's date (or than the sender received it), not in the future."""
    not_before = document.date
    if parent is not None and (not_before is None or parent.received_on > not_before):
        not_before = parent.received_on
    check_day(sent_on, field="sent_on", not_before=not_before)


def _assignment(
    dist: Distribution, unit: Unit, dues: list[Due], tasks: list[TaskSpec]
) -> Assignment:
    a = Assignment(
        directive_id=dist.directive_id,
        distribution=dist,
        parent=dist.parent,
        unit=unit,
        sender=dist.sender,
        level=unit.level,
        received_on=dist.sent_on,
    )
    for d in dues:
        setattr(a, f"{d.spec.kind}_due", d.due)
        if d.spec.kind == RequirementKind.REPORT:
            a.report_period, a.report_until = d.spec.period, d.spec.until
    own = [t.due_date for t in tasks if t.unit.pk == unit.pk]
    if own:
        a.tasks_due = max(own)
    a.due_final = max([d.due for d in dues] + own)
    return a


def _tasks(dist: Distribution, assignments: list[Assignment], tasks: list[TaskSpec]) -> None:
    by_unit = {a.unit_id: a for a in assignments}
    Task.objects.bulk_create(
        [
            Task(
                assignment=by_unit[t.unit.pk],
                directive_id=dist.directive_id,
                unit=t.unit,
                sender=dist.sender,
                level=t.unit.level,
                plan=dist.document,
                number=t.number,
                title=t.title,
                description=t.description,
                deliverable=t.deliverable,
                due_date=t.due_date,
            )
            for t in tasks
        ]
    )


def _named_tasks(dues: list[Due], units: list[Unit]) -> list[TaskSpec]:
    """Tasks named in a "carry out named tasks" requirement, one per line, for every recipient."""
    spec = next((d for d in dues if d.spec.kind == RequirementKind.TASKS), None)
    if spec is None:
        return []
    lines = [clean(line) for line in spec.spec.note.splitlines() if clean(line)]
    if not lines:
        raise ApplicationError({"tasks_note": _("Ghi các nhiệm vụ cụ thể, mỗi dòng một nhiệm vụ.")})
    return [
        TaskSpec(
            unit=u,
            title=u.name,
            description=line,
            deliverable=_("Báo cáo kết quả thực hiện"),
            due_date=spec.due,
            number=str(n),
        )
        for u in units
        for n, line in enumerate(lines, start=1)
    ]


def _requirements(dist: Distribution, dues: list[Due]) -> None:
    Requirement.objects.bulk_create(
        [
            Requirement(
                distribution=dist,
                kind=d.spec.kind,
                due_days=d.spec.days,
                due_date=d.due,
                period=d.spec.period,
                until=d.spec.until,
                note=clean(d.spec.note),
            )
            for d in dues
        ]
    )


def _task_specs(
    tasks: list[TaskSpec] | None, dues: list[Due], units: list[Unit], sent_on: datetime.date
) -> list[TaskSpec]:
    """The tasks given (their units as stored now), or those a requirement names; checked."""
    by_pk = {u.pk: u for u in units}
    if tasks is None:
        return check_tasks(_named_tasks(dues, units), sent_on)
    if {t.unit.pk for t in tasks} - set(by_pk):
        raise ApplicationError({"tasks": _("Mỗi nhiệm vụ phải giao cho một đơn vị nhận.")})
    return check_tasks([replace(t, unit=by_pk[t.unit.pk]) for t in tasks], sent_on)


def send(
    *,
    actor: Any,
    directive: Directive,
    sender: Unit,
    document: Document,
    parent: Assignment | None,
    recipients: list[Unit],
    dues: list[Due],
    sent_on: datetime.date,
    note: str = "",
    tasks: list[TaskSpec] | None = None,
) -> Distribution:
    """Write one sending (inside the caller's transaction, after its permission check)."""
    check_sent_on(document, parent, sent_on)
    sender = fresh([sender])[0]
    units = check_recipients(directive, sender, fresh(recipients), sent_on)
    task_specs = _task_specs(tasks, dues, units, sent_on)
    dist = Distribution.objects.create(
        directive=directive,
        parent=parent,
        sender=sender,
        document=document,
        sent_on=sent_on,
        note=clean(note),
        created_by=user_or_none(actor),
    )
    _requirements(dist, dues)
    assignments = Assignment.objects.bulk_create(
        [_assignment(dist, u, dues, task_specs) for u in units]
    )
    if task_specs:
        _tasks(dist, assignments, task_specs)
    documents.copies_deliver(actor=actor, document=document, units=units, source="directive")
    _announce(dist, assignments)
    return dist


def _announce(dist: Distribution, assignments: list[Assignment]) -> None:
    """Tell each recipient unit what it received."""
    message = _("%(sender)s gửi %(document)s: %(title)s") % {
        "sender": dist.sender.name,
        "document": dist.document.reference or _("văn bản"),
        "title": dist.directive.title,
    }
    notify.send(
        notify.Notice(
            unit_id=a.unit_id,
            key=f"assignment:{a.pk}:received",
            message=message,
            link=reverse("directives:assignment_detail", args=[a.pk]),
            directive=dist.directive,
            assignment=a,
        )
        for a in assignments
    )


def recipients_matching(
    sender: Unit,
    *,
    day: datetime.date,
    kind: str = "",
    level: str = "",
    under: Unit | None = None,
) -> list[Unit]:
    """Units in the sender's scope chosen by kind and level, or all those under ``under``."""
    sender = fresh([sender])[0]
    if under is not None:
        under = fresh([under])[0]
    scope = Q()
    for path in scope_paths(sender):
        scope |= Q(path__under=path)
    qs = Unit.objects.filter(scope).exclude(
        path__in=[sender.path[:i] for i in range(Unit.steplen, len(sender.path) + 1, Unit.steplen)]
    )
    qs = qs.filter(Q(valid_to__isnull=True) | Q(valid_to__gt=day), valid_from__lte=day)
    if under is not None:
        qs = qs.filter(path__under=under.path, depth__gt=under.depth)
    if kind:
        qs = qs.filter(kind=kind)
    if level:
        qs = qs.filter(level=level)
    return list(qs.order_by("path"))
