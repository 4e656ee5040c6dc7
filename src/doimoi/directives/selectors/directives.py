"""Reading directives, assignments, tasks and reports, always scoped to the viewer."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet

from doimoi.directives.models import (
    Assignment,
    Directive,
    Notification,
    Report,
    Task,
    UrgingDispatch,
)
from doimoi.directives.selectors import assignment_page as page
from doimoi.directives.selectors import todo
from doimoi.directives.selectors.rollup import missing, overdue_q
from doimoi.directives.states import AssignmentState, ReportState
from doimoi.documents.selectors import unshown
from doimoi.organizations.models import Unit


def directive_list(*, viewer: Any, unit: Unit | None = None) -> QuerySet[Directive]:
    """Directives the viewer sees; with ``unit``, those it issued or received."""
    qs = Directive.objects.restrict(viewer)
    if unit is not None:
        received = Assignment.objects.filter(unit=unit).values("directive_id")
        qs = qs.filter(Q(issuer=unit) | Q(pk__in=received))
    qs = qs.select_related("document", "issuer").defer(*unshown("document"))
    return qs.order_by("-created_at", "-pk")


def directive_get(*, viewer: Any, pk: int) -> Directive:
    """The directive ``pk`` if the viewer may see it (``Directive.DoesNotExist`` otherwise)."""
    return directive_list(viewer=viewer).get(pk=pk)


def assignment_list(
    *, viewer: Any, unit: Unit | None = None, directive: Directive | None = None
) -> QuerySet[Assignment]:
    """Assignments the viewer sees, of one unit or one directive."""
    qs = Assignment.objects.restrict(viewer)
    if unit is not None:
        qs = qs.filter(unit=unit)
    if directive is not None:
        qs = qs.filter(directive=directive)
    qs = qs.select_related("directive", "unit", "sender", "distribution__document")
    return qs.defer(*unshown("distribution__document")).order_by("due_final", "unit__path")


def assignment_get(*, viewer: Any, pk: int) -> Assignment:
    return assignment_list(viewer=viewer).get(pk=pk)


def task_get(*, viewer: Any, pk: int) -> Task:
    qs = Task.objects.restrict(viewer).select_related("assignment", "unit")
    return qs.get(pk=pk)


def report_get(*, viewer: Any, pk: int) -> Report:
    qs = Report.objects.restrict(viewer)
    return qs.select_related("assignment", "task", "unit").get(pk=pk)


def urging_get(*, viewer: Any, pk: int) -> UrgingDispatch:
    """An urging dispatch, for the people of its sender (and above) and of the units it urged."""
    urging = UrgingDispatch.objects.select_related("directive", "sender").get(pk=pk)
    if UrgingDispatch.objects.restrict(viewer).filter(pk=pk).exists():
        return urging
    ids = [item.get("unit_id") for item in urging.late_units]
    if assignment_list(viewer=viewer, directive=urging.directive).filter(unit_id__in=ids).exists():
        return urging
    raise UrgingDispatch.DoesNotExist


def assignment_detail(a: Assignment) -> dict[str, Any]:
    """What an assignment's page shows besides itself (the caller checked visibility), each
    list read by a statement compiled once (``assignment_page``)."""
    sendings = page.sendings_of(a)
    return {
        "requirements": page.requirements_of(a),
        "tasks": page.tasks_of(a),
        "reports": page.reports_of(a),
        "sendings": sendings,
        "children": page.children_of(a) if sendings else [],  # a unit sends on before it has any
    }


@dataclass
class Dashboard:
    """A unit's page: what it must do, what its subordinate units owe it."""

    unit: Unit
    owes: list[Assignment] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    owed: list[Assignment] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    to_review: list[Report] = field(default_factory=list)


def unit_todo(*, viewer: Any, unit: Unit, today: datetime.date, limit: int = 5) -> Dashboard:
    """What the start page shows of ``unit``'s dashboard: what it must do (assignments and tasks by
    deadline) and how many of its subordinate units' assignments are open and overdue, without
    the lists of what they owe (the dashboard's own page adds those). Each statement is compiled
    once per unit, viewer's scope, day and count (``todo``)."""
    owes = todo.owes(viewer=viewer, unit=unit, limit=limit)  # with the directive's title
    for a in owes:  # what the page marks late: a deadline passed with its milestone empty
        a.overdue = bool(missing(a, today))  # type: ignore[attr-defined]
    return Dashboard(
        unit=unit,
        owes=owes,
        tasks=todo.open_tasks(viewer=viewer, unit=unit, limit=limit),
        counts=todo.owed_counts(viewer=viewer, unit=unit, today=today),
    )


def unit_dashboard(*, viewer: Any, unit: Unit, today: datetime.date, limit: int = 50) -> Dashboard:
    """What ``unit`` must do (assignments and tasks by deadline) and what is owed to it: its
    subordinate units' overdue assignments and the reports waiting for its review."""
    board = unit_todo(viewer=viewer, unit=unit, today=today, limit=limit)
    owed = (
        Assignment.objects.restrict(viewer).filter(sender=unit).exclude(state=AssignmentState.DONE)
    )
    board.owed = list(
        owed.filter(overdue_q(today))
        .select_related("directive", "unit")
        .order_by("unit__path")[:limit]
    )
    to_review = (
        Report.objects.restrict(viewer)
        .filter(sender=unit, state=ReportState.SUBMITTED)  # the assignment's sender, no join
        .select_related("unit", "directive")
        .order_by("submitted_on", "pk")
    )
    board.counts["to_review"] = to_review.count()  # the list below counts the same reports
    board.to_review = list(to_review[:limit])
    return board


def notification_list(*, viewer: Any, unread_only: bool = False) -> QuerySet[Notification]:
    qs = Notification.objects.restrict(viewer).filter(user_id=viewer.pk)
    return qs.filter(read_at__isnull=True) if unread_only else qs
