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

from django.db import connection
from django.db.models import IntegerField, Q, QuerySet
from django.db.models.expressions import RawSQL

from doimoi.core.statements import Statements
from doimoi.directives.models import KINDS, Assignment, Directive, Report, Task
from doimoi.directives.rules import assignment_visible_q
from doimoi.directives.selectors.children import UNKNOWN, Runs, by_child, by_runs, unit_runs
from doimoi.directives.selectors.compiled import assignments_among
from doimoi.directives.states import AssignmentState, ReportState, TaskState
from doimoi.organizations.models import Unit, UnitLevel
from doimoi.organizations.scope import scope_of, units_in

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
        q &= Q(**{f"{prefix}unit__path__under": scope.subtree.path})
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


class Counted(RawSQL):
    """``COUNT(*) [FILTER (WHERE …)]`` written out. A rollup row carries ten such counts; built
    as ``Count(filter=Q(...))`` each resolves its Q on every call, which cost more than the
    query itself (a province's summary: about 20 ms of Python for 1 ms of SQL)."""

    contains_aggregate = True

    def __init__(self, condition: str = "", params: tuple[Any, ...] = ()) -> None:
        where = f" FILTER (WHERE {condition})" if condition else ""
        super().__init__(f"COUNT(*){where}", params, output_field=IntegerField())

    def get_group_by_cols(self) -> list[Any]:
        return []


def _columns(model: Any) -> Any:
    table = model._meta.db_table
    return lambda name: f'"{table}"."{name}"'


def _overdue_sql(c: Any, kinds: tuple[str, ...]) -> str:
    """As ``overdue_q``: a due date before today whose milestone is still empty."""
    return (
        "(" + " OR ".join(f"({c(k + '_due')} < %s AND {c(k + '_on')} IS NULL)" for k in kinds) + ")"
    )


def assignment_metrics(today: datetime.date, requirement: str = "") -> dict[str, Any]:
    """The conditional counts every rollup row carries."""
    c = _columns(Assignment)
    done, kinds = f"{c('state')} = %s", (requirement,) if requirement else KINDS
    metrics: dict[str, Any] = {
        "received": Counted(),
        "acknowledged": Counted(f"{c('state')} <> %s", (AssignmentState.RECEIVED,)),
        "plan": Counted(f"{c('plan_on')} IS NOT NULL"),
        "forwarded": Counted(f"{c('forward_on')} IS NOT NULL"),
        "studied": Counted(f"{c('study_on')} IS NOT NULL"),
        "reported": Counted(f"{c('report_on')} IS NOT NULL"),
        "done": Counted(done, (AssignmentState.DONE,)),
        "overdue": Counted(
            f"{_overdue_sql(c, kinds)} AND NOT ({done})",
            (*(today for _k in kinds), AssignmentState.DONE),
        ),
    }
    if requirement:
        on, due = c(f"{requirement}_on"), c(f"{requirement}_due")
        metrics["on_time"] = Counted(f"{on} <= {due}")
        metrics["late"] = Counted(f"{on} > {due}")
    else:
        on, due = c("done_on"), c("due_final")
        metrics["on_time"] = Counted(f"{done} AND {on} <= {due}", (AssignmentState.DONE,))
        metrics["late"] = Counted(f"{done} AND {on} > {due}", (AssignmentState.DONE,))
    return metrics


def task_metrics(today: datetime.date) -> dict[str, Any]:
    c = _columns(Task)
    done, is_done = f"{c('state')} = %s", (TaskState.DONE,)
    return {
        "total": Counted(),
        "reported": Counted(f"{c('state')} = %s", (TaskState.REPORTED,)),
        "done": Counted(done, is_done),
        "on_time": Counted(f"{done} AND {c('done_on')} <= {c('due_date')}", is_done),
        "late": Counted(f"{done} AND {c('done_on')} > {c('due_date')}", is_done),
        "overdue": Counted(
            f"NOT ({done}) AND {c('reported_on')} IS NULL AND {c('due_date')} < %s",
            (TaskState.DONE, today),
        ),
    }


@dataclass
class Summary:
    """A directive's rollup: assignments and tasks per level, totals, reports by state."""

    levels: list[dict[str, Any]] = field(default_factory=list)
    total: dict[str, Any] = field(default_factory=dict)
    tasks: list[dict[str, Any]] = field(default_factory=list)
    task_total: dict[str, Any] = field(default_factory=dict)
    reports: dict[str, int] = field(default_factory=dict)
    subtrees: dict[str, dict[str, Any]] = field(default_factory=dict)


def _by_level(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    labels = dict(UnitLevel.choices)
    for row in rows:
        row["label"] = labels.get(row["level"], row["level"])
    return sorted(rows, key=lambda r: LEVEL_ORDER.get(r["level"], 99))


def _total(rows: list[dict[str, Any]], keys: list[str]) -> dict[str, Any]:
    return {key: sum(row[key] for row in rows) for key in keys}


def _with_rate(row: dict[str, Any]) -> dict[str, Any]:
    """The share of the units that received the directive and have completed it, in percent."""
    received = row.get("received") or 0
    row["rate"] = round(100 * row.get("done", 0) / received, 1) if received else None
    return row


def directive_summary(
    scope: Scope, *, today: datetime.date, children: tuple[str, ...] = ()
) -> Summary:
    """Counts per level (received, plan issued, reported, overdue, on time, late), tasks, reports.

    ``children``: paths of units of one depth (the top of the cascade tree); the counts over each
    one's subtree, as ``subtree_counts`` gives them, come from the same scan of the assignments
    (grouped by level and by which child's subtree the unit is in) into ``Summary.subtrees``.
    """
    runs = unit_runs(scope.viewer, children) if children else None
    rows = _rows(scope, today, children, runs)
    if runs is not None and any(row[-1] == UNKNOWN for row in rows):
        rows = _rows(scope, today, children, None)  # a unit newer than the runs: by the join
    parts: dict[str, list[dict[str, Any]]] = {"a": [], "t": [], "r": []}
    for tag, *values in rows:
        names = _NAMES[tag]
        parts[tag].append(dict(zip(names, values[: len(names)], strict=True)))
        parts[tag][-1]["child"] = values[-1]
    levels, subtrees = _fold(parts["a"])
    summary = Summary(
        levels=[_with_rate(row) for row in _by_level(levels)],
        total=_with_rate(_total(levels, _METRICS)),
        subtrees=subtrees,
    )
    if not scope.requirement or scope.requirement == "tasks":
        summary.tasks = _by_level(parts["t"])
        summary.task_total = _total(parts["t"], _NAMES["t"][1:])
    summary.reports = dict.fromkeys(ReportState.values, 0)
    summary.reports.update({row["state"]: row["n"] for row in parts["r"]})
    return summary


def _rows(
    scope: Scope, today: datetime.date, children: tuple[str, ...], runs: Runs | None
) -> list[tuple[Any, ...]]:
    sql, params = _statement(scope, today, children, runs)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return list(cursor.fetchall())


def _fold(
    rows: list[dict[str, Any]],
) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """Rows per (level, child subtree) summed per level, and per child subtree as
    ``subtree_counts`` counts it (units, done, reported, overdue on every requirement)."""
    levels: dict[str, dict[str, Any]] = {}
    subtrees: dict[str, dict[str, Any]] = {}
    for row in rows:
        child, overdue_any = row.pop("child"), row.pop("overdue_any")
        level = levels.setdefault(
            row["level"], {"level": row["level"]} | dict.fromkeys(_METRICS, 0)
        )
        for key in _METRICS:
            level[key] += row[key]
        if child:
            sub = subtrees.setdefault(child, dict.fromkeys(_SUBTREE, 0))
            for key, value in zip(
                _SUBTREE, (row["received"], row["done"], row["reported"], overdue_any), strict=True
            ):
                sub[key] += value
    return list(levels.values()), subtrees


_METRICS = list(assignment_metrics(datetime.date.min))
_SUBTREE = ("units", "done", "reported", "overdue")
_NAMES = {
    "a": ["level", *_METRICS, "overdue_any"],
    "t": ["level", *task_metrics(datetime.date.min)],
    "r": ["state", "n"],
}
_WIDTH = max(len(names) for names in _NAMES.values())
_STATEMENTS = Statements(512)


def _statement(
    scope: Scope, today: datetime.date, children: tuple[str, ...], runs: Runs | None = None
) -> tuple[str, tuple[Any, ...]]:
    """The summary as one statement (the three grouped queries joined by UNION ALL), compiled
    once per directive, viewer's scope, branch, requirement, children (and their runs of unit
    ids) and day: building and compiling the querysets cost several times what running them
    does. The SQL is a function of that key alone, so nothing needs to be forgotten when data
    changes."""
    branch = scope.subtree.path if scope.subtree is not None else None
    key = (scope.directive.pk, scope_of(scope.viewer), branch, scope.requirement, children, today)
    return _STATEMENTS.get(
        (*key, runs), lambda: _union(_summary_parts(scope, today, children, runs))
    )


Part = tuple[str, str, tuple[Any, ...], set[str]]  # tag, SQL, parameters, its columns


def _summary_parts(
    scope: Scope, today: datetime.date, children: tuple[str, ...], runs: Runs | None
) -> list[Part]:
    parts = [_assignment_part(scope, today, children, runs)]
    if not scope.requirement or scope.requirement == "tasks":
        tasks = scoped_tasks(scope).order_by().values("level").annotate(**task_metrics(today))
        parts.append(_part("t", tasks))
    reports = scoped_reports(scope).order_by().values("state").annotate(n=Counted())
    parts.append(_part("r", reports))
    return parts


def _part(tag: str, qs: QuerySet[Any]) -> Part:
    sql, params = qs.query.sql_with_params()
    return tag, sql, tuple(params), {*qs.query.values_select, *qs.query.annotation_select}


def _assignment_part(
    scope: Scope, today: datetime.date, children: tuple[str, ...], runs: Runs | None
) -> Part:
    """Assignments grouped by level and, with ``children``, by the child subtree each unit is in
    (by the ``runs`` of unit ids when given: see ``selectors.children``)."""
    metrics = assignment_metrics(today, scope.requirement)
    if children and scope.requirement:  # the subtree counts are overdue on any requirement
        c = _columns(Assignment)
        metrics["overdue_any"] = Counted(
            f"{_overdue_sql(c, KINDS)} AND NOT ({c('state')} = %s)",
            (*(today for _k in KINDS), AssignmentState.DONE),
        )
    tag, sql, params, columns = _part(
        "a", scoped_assignments(scope).order_by().values("level").annotate(**metrics)
    )
    if not children:
        return tag, sql, params, columns
    grouped = by_runs(sql, runs) if runs is not None else by_child(sql, children)
    return tag, grouped, params, columns | {"child"}


def _union(parts: list[Part]) -> tuple[str, tuple[Any, ...]]:
    """Each part's columns in the order of its names, padded with zeros to the widest part, then
    the child subtree of an assignment row ('' elsewhere)."""
    selects: list[str] = []
    params: list[Any] = []
    for tag, sql, part_params, present in parts:
        columns = [_column(tag, name, present) for name in _NAMES[tag]]
        columns += ["0"] * (_WIDTH - len(columns))
        columns.append(f"s{tag}.child" if "child" in present else "''")
        selects.append(f"SELECT '{tag}' AS part, {', '.join(columns)} FROM ({sql}) s{tag}")
        params += part_params
    return " UNION ALL ".join(selects), tuple(params)


def _column(tag: str, name: str, present: set[str]) -> str:
    if name == "overdue_any" and name not in present:
        name = "overdue"  # no requirement: the same condition
    return f's{tag}."{name}"'


def scoped_reports(scope: Scope) -> QuerySet[Report]:
    qs = Report.objects.restrict(scope.viewer).filter(directive=scope.directive)
    if scope.subtree is not None:
        qs = qs.filter(units_in("unit", [scope.subtree.path]))
    return qs


def report_counts(scope: Scope) -> dict[str, int]:
    """Reports of the scope by state (submitted, accepted, returned)."""
    rows = scoped_reports(scope).order_by().values("state").annotate(n=Counted())
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


def late_page(scope: Scope, *, today: datetime.date, start: int, count: int) -> list[Assignment]:
    """``late_assignments`` from the ``start``-th, ``count`` of them, their statement compiled
    once per directive, viewer's scope, branch, requirement, day and page."""
    branch = scope.subtree.path if scope.subtree is not None else None
    key = ("late", scope.directive.pk, scope_of(scope.viewer), branch, scope.requirement, today)
    return assignments_among(
        (*key, start, count),
        lambda: late_assignments(scope, today=today).values("pk")[start : start + count],
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
