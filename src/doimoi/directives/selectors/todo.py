"""What a unit must do (its open assignments and tasks by deadline) and how many of its
subordinate units' assignments are open and overdue, each read by a statement compiled once per
unit, viewer's scope, day and count, as the directive page's summary is (``rollup._statement``).

The start page asks it on every visit: building and compiling its three scoped querysets (the
viewer's subtrees and clearances as subqueries) cost several times what running them did. The
SQL is a function of the key alone (``restrict`` asks only the viewer's scope), so nothing needs
forgetting when data changes; the rows are read through ``raw()``, which converts each column as
the ORM does."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import connection
from django.db.models import Count, F, QuerySet

from doimoi.core.statements import Statements
from doimoi.directives.models import Assignment, Task
from doimoi.directives.selectors.rollup import overdue_q
from doimoi.directives.states import AssignmentState, TaskState
from doimoi.organizations.models import Unit
from doimoi.organizations.scope import scope_of

_KEPT = Statements(512)


def _open(viewer: Any) -> QuerySet[Assignment]:
    return Assignment.objects.restrict(viewer).exclude(state=AssignmentState.DONE)


def owed_counts(*, viewer: Any, unit: Unit, today: datetime.date) -> dict[str, int]:
    """How many of the assignments ``unit`` sent (that the viewer sees) are open, and overdue."""
    sql, params = _KEPT.compiled(
        ("owed", unit.pk, scope_of(viewer), today),
        lambda: (
            _open(viewer)
            .filter(sender=unit)
            .order_by()
            .values("sender")
            .annotate(owed=Count("pk"), overdue=Count("pk", filter=overdue_q(today)))
        ),
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return {"owed": row[1], "overdue": row[2]} if row else {"owed": 0, "overdue": 0}


def owes(*, viewer: Any, unit: Unit, limit: int) -> list[Assignment]:
    """``unit``'s open assignments the viewer sees, by deadline, with ``directive_title``."""
    sql, params = _KEPT.compiled(
        ("owes", unit.pk, scope_of(viewer), limit),
        lambda: (
            _open(viewer)
            .filter(unit=unit)
            .annotate(directive_title=F("directive__title"))
            .order_by("due_final", "pk")[:limit]
        ),
    )
    return list(Assignment.objects.raw(sql, params))


def open_tasks(*, viewer: Any, unit: Unit, limit: int) -> list[Task]:
    """``unit``'s open tasks the viewer sees, by deadline."""
    sql, params = _KEPT.compiled(
        ("tasks", unit.pk, scope_of(viewer), limit),
        lambda: (
            Task.objects.restrict(viewer)
            .filter(unit=unit)
            .exclude(state=TaskState.DONE)
            .order_by("due_date", "pk")[:limit]
        ),
    )
    return list(Task.objects.raw(sql, params))
