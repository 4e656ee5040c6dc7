"""The floors of bench/floors.py: the same figures as the project's paths, in hand-written SQL.

Each function runs the least SQL that gives the figures a page shows, and returns them in the
shape the equality check compares. The SQL is the same on SQLite and PostgreSQL but for the
subtree filter (see ``subtree``): ``= ANY(ARRAY(...))`` on PostgreSQL, a path range on SQLite.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import connection

ASSIGNMENT_COLUMNS = (
    "received",
    "acknowledged",
    "plan",
    "forwarded",
    "studied",
    "reported",
    "done",
    "overdue",
    "on_time",
    "late",
)
TASK_COLUMNS = ("total", "reported", "done", "on_time", "late", "overdue")
KINDS = ("plan", "forward", "study", "tasks", "report")


def _overdue(alias: str = "") -> str:
    return (
        "("
        + " OR ".join(f"({alias}{k}_due < %(today)s AND {alias}{k}_on IS NULL)" for k in KINDS)
        + ")"
    )


def subtree(column: str) -> str:
    """``column`` (a unit id) in the subtree at ``%(path)s``, the fastest way each database has."""
    units = "SELECT id FROM organizations_unit WHERE "
    if connection.vendor == "postgresql":
        return f"{column} = ANY(ARRAY({units}path LIKE %(like)s))"
    return f"{column} IN ({units}path >= %(path)s AND path < %(end)s)"


def _summary_sql(where: str) -> str:
    """One statement: assignments and tasks per level, reports by state (UNION ALL)."""
    a = [
        "COUNT(*)",
        "COUNT(*) FILTER (WHERE state <> 'received')",
        "COUNT(*) FILTER (WHERE plan_on IS NOT NULL)",
        "COUNT(*) FILTER (WHERE forward_on IS NOT NULL)",
        "COUNT(*) FILTER (WHERE study_on IS NOT NULL)",
        "COUNT(*) FILTER (WHERE report_on IS NOT NULL)",
        "COUNT(*) FILTER (WHERE state = 'done')",
        f"COUNT(*) FILTER (WHERE {_overdue()} AND state <> 'done')",
        "COUNT(*) FILTER (WHERE state = 'done' AND done_on <= due_final)",
        "COUNT(*) FILTER (WHERE state = 'done' AND done_on > due_final)",
    ]
    t = [
        "COUNT(*)",
        "COUNT(*) FILTER (WHERE state = 'reported')",
        "COUNT(*) FILTER (WHERE state = 'done')",
        "COUNT(*) FILTER (WHERE state = 'done' AND done_on <= due_date)",
        "COUNT(*) FILTER (WHERE state = 'done' AND done_on > due_date)",
        "COUNT(*) FILTER (WHERE state <> 'done' AND reported_on IS NULL AND due_date < %(today)s)",
    ]
    pad = ", 0" * (len(a) - len(t))
    pad_r = ", 0" * (len(a) - 1)
    return (
        f"SELECT 'a', level, {', '.join(a)} FROM directives_assignment WHERE {where} GROUP BY level "
        f"UNION ALL SELECT 't', level, {', '.join(t)}{pad} FROM directives_task WHERE {where} "
        "GROUP BY level "
        f"UNION ALL SELECT 'r', state, COUNT(*){pad_r} FROM directives_report WHERE {where} "
        "GROUP BY state"
    )


def _params(directive_id: int, today: datetime.date, path: str = "") -> dict[str, Any]:
    return {
        "directive": directive_id,
        "today": today,
        "path": path,
        "end": path + "~",
        "like": path + "%",
    }


def _fetch(sql: str, params: dict[str, Any]) -> list[tuple[Any, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def summary(directive_id: int, today: datetime.date, path: str = "") -> dict[str, Any]:
    """The directive's totals (assignments, tasks, reports), the whole cascade or one subtree."""
    where = "directive_id = %(directive)s" + (f" AND {subtree('unit_id')}" if path else "")
    rows = _fetch(_summary_sql(where), _params(directive_id, today, path))
    return _shape(rows)


def _shape(rows: list[tuple[Any, ...]]) -> dict[str, Any]:
    out: dict[str, Any] = {"levels": {}, "tasks": {}, "reports": {}}
    for part, key, *numbers in rows:
        if part == "a":
            out["levels"][key] = dict(zip(ASSIGNMENT_COLUMNS, numbers, strict=True))
        elif part == "t":
            out["tasks"][key] = dict(zip(TASK_COLUMNS, numbers[: len(TASK_COLUMNS)], strict=True))
        else:
            out["reports"][key] = numbers[0]
    return out


def project_shape(s: Any) -> dict[str, Any]:
    """The project's ``Summary`` in the floor's shape."""
    return {
        "levels": {r["level"]: {c: r[c] for c in ASSIGNMENT_COLUMNS} for r in s.levels},
        "tasks": {r["level"]: {c: r[c] for c in TASK_COLUMNS} for r in s.tasks},
        "reports": {k: v for k, v in s.reports.items() if v},
    }


LATE = (
    "SELECT a.id FROM directives_assignment a JOIN organizations_unit u ON u.id = a.unit_id "
    "WHERE a.directive_id = %(directive)s AND u.path >= %(path)s AND u.path < %(end)s "
    f"AND a.state <> 'done' AND {_overdue('a.')} ORDER BY u.path LIMIT 100"
)
BELOW = (
    "WITH counts AS (SELECT substr(u.path, 1, %(width)s) AS prefix, COUNT(*) AS units, "
    "COUNT(*) FILTER (WHERE a.state = 'done') AS done, "
    "COUNT(*) FILTER (WHERE a.report_on IS NOT NULL) AS reported, "
    f"COUNT(*) FILTER (WHERE a.state <> 'done' AND {_overdue('a.')}) AS overdue "
    "FROM directives_assignment a JOIN organizations_unit u ON u.id = a.unit_id "
    "WHERE a.directive_id = %(directive)s AND u.path > %(path)s AND u.path < %(end)s GROUP BY 1) "
    "SELECT c.id, u.path, counts.units, counts.done, counts.reported, counts.overdue "
    "FROM directives_assignment c JOIN organizations_unit u ON u.id = c.unit_id "
    "LEFT JOIN counts ON counts.prefix = u.path "
    "WHERE c.parent_id = (SELECT id FROM directives_assignment "
    "WHERE directive_id = %(directive)s AND unit_id = %(unit)s) ORDER BY u.path LIMIT 300"
)


def branch(directive_id: int, today: datetime.date, unit_id: int, path: str) -> dict[str, Any]:
    """What the page shows of one branch: its summary, its first 100 late units, the units one
    level below its head with each one's subtree counts — three statements."""
    params = _params(directive_id, today, path) | {"unit": unit_id, "width": len(path) + 4}
    late = [row[0] for row in _fetch(LATE, params)]
    below = _fetch(BELOW, params)
    return {
        "summary": summary(directive_id, today, path),
        "late": late,
        "below": [row[0] for row in below],
        "counts": {
            row[1]: {"units": row[2], "done": row[3], "reported": row[4], "overdue": row[5]}
            for row in below
            if row[2]
        },
    }
