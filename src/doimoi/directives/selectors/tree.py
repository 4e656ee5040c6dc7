"""The cascade tree of a directive's page: its nodes one level at a time, and the counts over
each node's subtree (path prefix)."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Substr

from doimoi.directives.models import Assignment
from doimoi.directives.rules import covers
from doimoi.directives.selectors.compiled import assignments_among
from doimoi.directives.selectors.rollup import (
    Scope,
    Summary,
    directive_summary,
    in_scope_q,
    overdue_q,
    scoped_assignments,
)
from doimoi.directives.states import AssignmentState
from doimoi.organizations.models import Unit
from doimoi.organizations.scope import scope_of


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
            qs = qs.filter(unit__path__under=common)
        rows = (
            qs.annotate(prefix=Substr("unit__path", 1, depth * Unit.steplen))
            .filter(prefix__in=paths)
            .order_by()
            .values("prefix")
            .annotate(**metrics)
        )
        for row in rows:
            found: dict[str, Any] = dict(row)
            counts[found.pop("prefix")] = found
    return counts


def cascade_top(
    scope: Scope, *, today: datetime.date, shown: int
) -> tuple[Summary, list[Assignment], dict[str, dict[str, Any]]]:
    """The summary, the top of the cascade tree (``shown`` nodes at most) and the counts over
    each node's subtree. Nodes of one depth (the usual case) are counted in the summary's own
    scan; otherwise (a subtree holds another) by ``subtree_counts``."""
    nodes = top_nodes(scope, shown)
    paths = tuple(sorted(n.unit.path for n in nodes))
    one_depth = len({len(path) for path in paths}) == 1
    summary = directive_summary(scope, today=today, children=paths if one_depth else ())
    if one_depth or not nodes:
        return summary, nodes, summary.subtrees
    return summary, nodes, subtree_counts(scope, nodes, today=today)


def top_nodes(scope: Scope, shown: int) -> list[Assignment]:
    """``cascade_nodes(scope, None)[:shown]``, their statement compiled once per directive,
    viewer's scope, requirement and whether the viewer sees it all (a branch's is not: whether
    its own unit heads it is read from the data)."""
    if scope.subtree is not None:
        return list(cascade_nodes(scope, None)[:shown])
    key = ("top", scope.directive.pk, scope_of(scope.viewer), scope.requirement, sees_all(scope))
    return assignments_among((*key, shown), lambda: cascade_nodes(scope, None).values("pk")[:shown])


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
