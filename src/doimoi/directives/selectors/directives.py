"""Reading directives, assignments, tasks and reports, always scoped to the viewer."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from doimoi.directives.models import (
    Assignment,
    Directive,
    Distribution,
    Notification,
    Report,
    Task,
    UrgingDispatch,
)
from doimoi.directives.selectors import assignment_page as page
from doimoi.directives.selectors import todo
from doimoi.directives.selectors.rollup import missing, overdue_q
from doimoi.directives.states import AssignmentState, ReportState
from doimoi.documents.selectors import shown, unshown
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


def _sendings(viewer: Any, directive: Directive, visible: Any, limit: int) -> list[dict[str, Any]]:
    qs = Distribution.objects.filter(directive=directive)
    if not viewer.is_superuser:
        qs = qs.filter(Exists(visible.filter(distribution=OuterRef("pk"))))
    # the latest first, then their senders and documents: joined before the cut, PostgreSQL
    # hash-joins every sending to every unit (12 ms at national scale, against 1 ms)
    latest = qs.order_by("-sent_on", "-pk").values("pk")[:limit]
    # how many units each sent to that the viewer sees, counted in the same statement
    size = (
        Assignment.objects.restrict(viewer)
        .filter(distribution=OuterRef("pk"))
        .order_by()
        .values("distribution")
        .annotate(n=Count("pk"))
        .values("n")
    )
    sendings = (
        Distribution.objects.filter(pk__in=latest)
        .select_related("sender", "document")
        .defer(*unshown("document"))
        .annotate(n=Coalesce(Subquery(size), 0))
        .order_by("-sent_on", "-pk")
    )
    return [
        {
            "date": d.sent_on,
            "kind": "sent",
            "unit": d.sender,
            "document": d.document,
            "n": d.n,
            "record": d,
        }
        for d in sendings
    ]


def _answers(visible: Any, limit: int) -> list[dict[str, Any]]:
    events = []
    for kind in ("plan", "forward"):
        # no column of stamp.UNSHOWN: the timeline is kept while only those change
        rows = (
            visible.filter(**{f"{kind}_on__isnull": False})
            .select_related("unit", f"{kind}_document")
            .only("directive", "unit", f"{kind}_on", *shown(f"{kind}_document"))
        )
        for a in rows.order_by(f"-{kind}_on", "-pk")[:limit]:
            events.append(
                {
                    "date": getattr(a, f"{kind}_on"),
                    "kind": kind,
                    "unit": a.unit,
                    "document": getattr(a, f"{kind}_document"),
                    "record": a,
                }
            )
    return events


def _reviews(viewer: Any, directive: Directive, limit: int) -> list[dict[str, Any]]:
    reports = Report.objects.restrict(viewer).filter(directive=directive)
    events = []
    # the latest first, then their units and tasks: joined before the cut, PostgreSQL joins
    # every report of the latest day (a national directive: 191 of them, 2.7 ms against 0.8)
    latest = reports.order_by("-submitted_on", "-pk").values("pk")[:limit]
    submitted = Report.objects.filter(pk__in=latest).select_related("unit", "task")
    for r in submitted.order_by("-submitted_on", "-pk"):
        events.append({"date": r.submitted_on, "kind": "report", "unit": r.unit, "report": r})
    reviewed = reports.filter(reviewed_on__isnull=False).select_related("unit", "task")
    for r in reviewed.order_by("-reviewed_on", "-pk")[:limit]:
        events.append({"date": r.reviewed_on, "kind": r.state, "unit": r.unit, "report": r})
    return events


def cascade_events(*, viewer: Any, directive: Directive, limit: int = 30) -> list[dict[str, Any]]:
    """The cascade's latest happenings the viewer sees: sendings, answers, reports and reviews."""
    visible = Assignment.objects.restrict(viewer).filter(directive=directive)
    events = _sendings(viewer, directive, visible, limit) + _answers(visible, limit)
    events += _reviews(viewer, directive, limit)
    return sorted(events, key=_moment, reverse=True)[:limit]


# what happens first on one day: a sending, then the answers to it, then reports, then reviews
_SAME_DAY_ORDER = {"sent": 0, "plan": 1, "forward": 2, "report": 3, "accepted": 4, "returned": 4}


def _moment(event: dict[str, Any]) -> tuple[Any, ...]:
    """When an event happened: its day, then its place in the day's order, then its record's."""
    record = event.get("report") or event.get("record")
    return (event["date"], _SAME_DAY_ORDER.get(event["kind"], 5), getattr(record, "pk", 0))
