"""Rollups of a directive's cascade: set-based counts by level and by subtree (path prefix).

Every figure is one grouped query over the assignments (or tasks) of the directive, filtered to
what the viewer may see, so the cost does not grow with a loop over units: a national cascade of
60,000 units is a few conditional sums (bench/rollup.py measures it).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from functools import reduce
from operator import or_
from typing import Any

from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import Substr

from doimoi.directives.models import KINDS, Assignment, Directive, Report, Task
from doimoi.directives.rules import assignment_visible_q, covers
from doimoi.directives.states import AssignmentState, ReportState, TaskState
from doimoi.organizations.models import Unit, UnitLevel
from doimoi.organizations.scope import units_in

LEVEL_ORDER = {value: i for i, value in enumerate(UnitLevel.values)}


def overdue_q(today: datetime.date, kinds: tuple[str, ...] = KINDS) -> Q:
    """A due date before ``today`` whose milestone is still empty."""
    return reduce(or_, (Q(**{f"{k}_due__lt": today, f"{k}_on__isnull": True}) for k in kinds))


@dataclass(frozen=True)
class Scope:
    """What part of a directive's cascade a page looks at."""

    directive: Directive
    viewer: Any
    subtree: Unit | None = None
    requirement: str = ""


def in_scope_q(scope: Scope, prefix: str = "", *, joined: bool = False) -> Q:
    """The scope's conditions on an assignment (on its parent, with ``prefix="parent__"``).

    ``joined``: the query joins the unit anyway (to order or show it), so the subtree is a
    condition on the joined unit's path (an index range scan driving the join); otherwise a
    subquery of the subtree's units, which spares the join.
    """
    q = Q(**{f"{prefix}directive": scope.directive}) & assignment_visible_q(scope.viewer, prefix)
    if scope.subtree is not None and joined:
        q &= Q(**{f"{prefix}unit__path__startswith": scope.subtree.path})
    elif scope.subtree is not None:
        q &= units_in(f"{prefix}unit", [scope.subtree.path])
    if scope.requirement:
        q &= Q(**{f"{prefix}{scope.requirement}_due__isnull": False})
    return q


def scoped_assignments(scope: Scope, *, joined: bool = False) -> QuerySet[Assignment]:
    """The directive's assignments the viewer sees, in the subtree and with the requirement asked."""
    return Assignment.objects.filter(in_scope_q(scope, joined=joined))


def scoped_tasks(scope: Scope) -> QuerySet[Task]:
    qs = Task.objects.restrict(scope.viewer).filter(directive=scope.directive)
    if scope.subtree is not None:
        qs = qs.filter(units_in("unit", [scope.subtree.path]))
    return qs


def assignment_metrics(today: datetime.date, requirement: str = "") -> dict[str, Any]:
    """The conditional counts every rollup row carries."""
    done = Q(state=AssignmentState.DONE)
    kinds = (requirement,) if requirement else KINDS
    metrics: dict[str, Any] = {
        "received": Count("unit"),
        "acknowledged": Count("unit", filter=~Q(state=AssignmentState.RECEIVED)),
        "plan": Count("unit", filter=Q(plan_on__isnull=False)),
        "forwarded": Count("unit", filter=Q(forward_on__isnull=False)),
        "studied": Count("unit", filter=Q(study_on__isnull=False)),
        "reported": Count("unit", filter=Q(report_on__isnull=False)),
        "done": Count("unit", filter=done),
        "overdue": Count("unit", filter=overdue_q(today, kinds) & ~done),
    }
    if requirement:
        due = F(f"{requirement}_due")
        metrics["on_time"] = Count("unit", filter=Q(**{f"{requirement}_on__lte": due}))
        metrics["late"] = Count("unit", filter=Q(**{f"{requirement}_on__gt": due}))
    else:
        metrics["on_time"] = Count("unit", filter=done & Q(done_on__lte=F("due_final")))
        metrics["late"] = Count("unit", filter=done & Q(done_on__gt=F("due_final")))
    return metrics


def task_metrics(today: datetime.date) -> dict[str, Any]:
    done = Q(state=TaskState.DONE)
    return {
        "total": Count("unit"),
        "reported": Count("unit", filter=Q(state=TaskState.REPORTED)),
        "done": Count("unit", filter=done),
        "on_time": Count("unit", filter=done & Q(done_on__lte=F("due_date"))),
        "late": Count("unit", filter=done & Q(done_on__gt=F("due_date"))),
        "overdue": Count("unit", filter=~done & Q(reported_on__isnull=True, due_date__lt=today)),
    }


@dataclass
class Summary:
    """A directive's rollup: assignments and tasks per level, totals, reports by state."""

    levels: list[dict[str, Any]] = field(default_factory=list)
    total: dict[str, Any] = field(default_factory=dict)
    tasks: list[dict[str, Any]] = field(default_factory=list)
    task_total: dict[str, Any] = field(default_factory=dict)
    reports: dict[str, int] = field(default_factory=dict)


def _by_level(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    labels = dict(UnitLevel.choices)
    for row in rows:
        row["label"] = labels.get(row["level"], row["level"])
    return sorted(rows, key=lambda r: LEVEL_ORDER.get(r["level"], 99))


def _rows(qs: Any) -> list[dict[str, Any]]:
    return [dict(row) for row in qs]


def _total(rows: list[dict[str, Any]], keys: list[str]) -> dict[str, Any]:
    return {key: sum(row[key] for row in rows) for key in keys}


def _with_rate(row: dict[str, Any]) -> dict[str, Any]:
    """The share of the units that received the directive and have completed it, in percent."""
    received = row.get("received") or 0
    row["rate"] = round(100 * row.get("done", 0) / received, 1) if received else None
    return row


def directive_summary(scope: Scope, *, today: datetime.date) -> Summary:
    """Counts per level (received, plan issued, reported, overdue, on time, late), tasks, reports."""
    metrics = assignment_metrics(today, scope.requirement)
    levels = _rows(scoped_assignments(scope).order_by().values("level").annotate(**metrics))
    summary = Summary(
        levels=[_with_rate(row) for row in _by_level(levels)],
        total=_with_rate(_total(levels, list(metrics))),
    )
    if not scope.requirement or scope.requirement == "tasks":
        tmetrics = task_metrics(today)
        tasks = _rows(scoped_tasks(scope).order_by().values("level").annotate(**tmetrics))
        summary.tasks, summary.task_total = _by_level(tasks), _total(tasks, list(tmetrics))
    summary.reports = report_counts(scope)
    return summary


def report_counts(scope: Scope) -> dict[str, int]:
    """Reports of the scope by state (submitted, accepted, returned)."""
    qs = Report.objects.restrict(scope.viewer).filter(directive=scope.directive)
    if scope.subtree is not None:
        qs = qs.filter(units_in("unit", [scope.subtree.path]))
    rows = qs.order_by().values("state").annotate(n=Count("unit"))
    counts = dict.fromkeys(ReportState.values, 0)
    counts.update({row["state"]: row["n"] for row in rows})
    return counts


def late_assignments(scope: Scope, *, today: datetime.date) -> QuerySet[Assignment]:
    """The units that are late: a deadline passed with its milestone still empty."""
    kinds = (scope.requirement,) if scope.requirement else KINDS
    return (
        scoped_assignments(scope, joined=True)
        .filter(overdue_q(today, kinds))
        .exclude(state=AssignmentState.DONE)
        .select_related("unit")
        .order_by("unit__path")
    )


def missing(a: Assignment, today: datetime.date) -> list[tuple[str, datetime.date]]:
    """(requirement kind, due date) of what ``a`` still owes past its deadline."""
    return [
        (k, getattr(a, f"{k}_due"))
        for k in KINDS
        if getattr(a, f"{k}_due") is not None
        and getattr(a, f"{k}_on") is None
        and getattr(a, f"{k}_due") < today
    ]


def subtree_counts(
    scope: Scope, nodes: list[Assignment], *, today: datetime.date
) -> dict[str, dict[str, Any]]:
    """For each node, counts over the assignments in its unit's subtree (one query per depth)."""
    metrics = {
        "units": Count("unit"),
        "done": Count("unit", filter=Q(state=AssignmentState.DONE)),
        "reported": Count("unit", filter=Q(report_on__isnull=False)),
        "overdue": Count("unit", filter=overdue_q(today) & ~Q(state=AssignmentState.DONE)),
    }
    counts: dict[str, dict[str, Any]] = {}
    for depth in sorted({n.unit.depth for n in nodes}):
        paths = [n.unit.path for n in nodes if n.unit.depth == depth]
        qs = scoped_assignments(scope, joined=True)
        common = _common_prefix(paths)
        if common:
            qs = qs.filter(unit__path__startswith=common)
        rows = (
            qs.annotate(prefix=Substr("unit__path", 1, depth * Unit.steplen))
            .filter(prefix__in=paths)
            .order_by()
            .values("prefix")
            .annotate(**metrics)
        )
        for row in _rows(rows):
            counts[row.pop("prefix")] = row
    return counts


def _common_prefix(paths: list[str]) -> str:
    first, last = min(paths), max(paths)
    n = 0
    while n < len(first) and first[n] == last[n]:
        n += 1
    return first[: n - n % Unit.steplen]


def sees_all(scope: Scope) -> bool:
    """The viewer sees the whole cascade (an administrator, or someone over the issuer)."""
    viewer = scope.viewer
    return bool(viewer.is_superuser) or covers(viewer, scope.directive.issuer)


def cascade_nodes(scope: Scope, parent: Assignment | None) -> QuerySet[Assignment]:
    """The assignments one level below ``parent`` in the cascade (with no ``parent``, the top of
    what the viewer sees: those whose own sender's assignment is out of sight)."""
    qs = scoped_assignments(scope, joined=True).select_related("unit")
    if parent is not None:
        return qs.filter(parent=parent).order_by("unit__path")
    if not scope.requirement and sees_all(scope):
        if scope.subtree is None:
            return qs.filter(parent__isnull=True).order_by("unit__path")
        own = qs.filter(unit=scope.subtree)  # the branch's own unit heads it when it took part
        if own.exists():
            return own
    # the parent out of sight: a condition on the joined parent row, not a correlated subquery
    return qs.exclude(Q(parent__isnull=False) & in_scope_q(scope, "parent__")).order_by(
        "unit__path"
    )


def milestones(a: Assignment, today: datetime.date) -> list[dict[str, Any]]:
    """Each requirement of ``a``: its deadline, when it was met, and whether on time or late."""
    rows = []
    for kind in KINDS:
        due, on = getattr(a, f"{kind}_due"), getattr(a, f"{kind}_on")
        if due is None:
            continue
        if on is not None:
            status = "on_time" if on <= due else "late"
        else:
            status = "overdue" if due < today else "pending"
        document = getattr(a, f"{kind}_document", None) if kind in ("plan", "forward") else None
        rows.append({"kind": kind, "due": due, "on": on, "status": status, "document": document})
    return rows
