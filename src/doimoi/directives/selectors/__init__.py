"""Reads of the directives app, always with ``viewer=`` (other apps call these)."""

from doimoi.directives.selectors.directives import (
    Dashboard,
    assignment_detail,
    assignment_get,
    assignment_list,
    directive_get,
    directive_list,
    notification_list,
    report_get,
    task_get,
    unit_dashboard,
    unit_todo,
    urging_get,
)
from doimoi.directives.selectors.rollup import (
    Scope,
    Summary,
    directive_summary,
    late_assignments,
    late_page,
    milestones,
    missing,
    overdue_q,
)
from doimoi.directives.selectors.timeline import cascade_events
from doimoi.directives.selectors.tree import cascade_nodes, cascade_top, subtree_counts

__all__ = [
    "Dashboard",
    "Scope",
    "Summary",
    "assignment_detail",
    "assignment_get",
    "assignment_list",
    "cascade_events",
    "cascade_nodes",
    "cascade_top",
    "directive_get",
    "directive_list",
    "directive_summary",
    "late_assignments",
    "late_page",
    "milestones",
    "missing",
    "notification_list",
    "overdue_q",
    "report_get",
    "subtree_counts",
    "task_get",
    "unit_dashboard",
    "unit_todo",
    "urging_get",
]
