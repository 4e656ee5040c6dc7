"""Which of a few units' subtrees (the top of the cascade tree) each assignment's unit is in, for
the summary's own scan to count each subtree (``rollup.directive_summary(children=...)``).

Read from the unit's tree path, it is a join of every assignment to its unit and a second one to
the children (``by_child``): on PostgreSQL at national scale (60,000 assignments) that doubled
the summary's scan of the assignments. The units in id order fall into runs under one child (a
tree is loaded or grown a branch at a time): the first id of each run, a few dozen numbers, tells
each unit's child from its id alone by a binary search (``width_bucket``), joined to the runs'
few rows (``by_runs``). The runs are read once per scope stamp (renewed by every write to the
units) and kept. A unit newer than the runs (written after the stamp this request read) falls in
a run marked ``UNKNOWN``; the caller then counts again by the join.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from django.core.cache import cache
from django.db import connection

from doimoi.organizations.models import Unit
from doimoi.organizations.scope import KEPT_SECONDS, STAMP

UNKNOWN = "?"  # the run of ids past the newest unit the runs know
Runs = tuple[tuple[int, ...], tuple[str, ...]]  # each run's first id, and its child ('' for none)

_PATH = re.compile(r"[0-9A-Z]+")  # a tree path (treebeard's alphabet): safe as a literal
_RUNS = f"""
SELECT id, child FROM (
    SELECT id, child, LAG(child) OVER (ORDER BY id) AS before FROM (
        SELECT id, CASE WHEN SUBSTR(path, 1, %s) = ANY(%s) THEN SUBSTR(path, 1, %s) ELSE ''
        END AS child FROM {Unit._meta.db_table}
    ) unit
) run WHERE before IS DISTINCT FROM child
UNION ALL SELECT MAX(id) + 1, %s FROM {Unit._meta.db_table}
"""


def check_paths(children: tuple[str, ...]) -> None:
    if len({len(path) for path in children}) != 1 or not all(map(_PATH.fullmatch, children)):
        raise ValueError(f"not paths of one depth: {children}")


def unit_runs(viewer: Any, children: tuple[str, ...]) -> Runs | None:
    """The runs of unit ids under each of ``children`` (paths of one depth), kept under the scope
    stamp read with the viewer in this request; None on SQLite (no ``width_bucket``: the join is
    quick there) or for a viewer loaded without the stamp."""
    stamp = getattr(viewer, STAMP, None)
    if connection.vendor != "postgresql" or not stamp or not children:
        return None
    check_paths(children)
    digest = hashlib.sha256(",".join(children).encode()).hexdigest()[:16]
    key = f"doimoi:unit-runs:{stamp}:{digest}"
    runs: Runs | None = cache.get(key)
    if runs is None:
        runs = _read_runs(children)
        cache.set(key, runs, KEPT_SECONDS)
    return runs


def _read_runs(children: tuple[str, ...]) -> Runs:
    size = len(children[0])
    with connection.cursor() as cursor:
        cursor.execute(_RUNS, [size, list(children), size, UNKNOWN])
        rows = sorted((first, child) for first, child in cursor.fetchall() if first is not None)
    # ids below the first unit's (none today) are unknown too: width_bucket gives them 0
    return (0, *(first for first, _c in rows)), (UNKNOWN, *(child for _f, child in rows))


def _grouped(sql: str, child: str, joins: str, group: str = "") -> str:
    """The grouped assignments' SQL, with ``child`` selected after the level, ``joins`` after
    the assignments' table, and grouped by level and ``group`` (the child by default)."""
    where = sql.index(" WHERE ", sql.index(' FROM "directives_assignment"'))
    head, rest = sql[:where], sql[where:]
    head = head.replace(' AS "level", ', f' AS "level", {child} AS "child", ', 1)
    rest = rest.rsplit(" GROUP BY ", 1)[0]
    return f'{head}{joins}{rest} GROUP BY "directives_assignment"."level", {group or child}'


def by_child(sql: str, children: tuple[str, ...]) -> str:
    """Grouped also by the child subtree the unit is in ('' for none), read from a join to the
    children's own unit rows: the unit's path cut to their length is one of theirs. Grouped by
    an expression instead (the cut path), PostgreSQL guesses a group per row and sorts them all
    on disk (80 ms, against 40 ms for this and 50 ms for the separate query by
    ``subtree_counts``)."""
    check_paths(children)
    listed = ", ".join(f"'{path}'" for path in children)
    joins = (
        ' INNER JOIN "organizations_unit" own_unit'
        ' ON ("directives_assignment"."unit_id" = own_unit."id")'
        ' LEFT JOIN "organizations_unit" child_unit'
        f' ON (child_unit."path" = SUBSTR(own_unit."path", 1, {len(children[0])})'
        f' AND child_unit."path" IN ({listed}))'
    )
    return _grouped(sql, "COALESCE(child_unit.\"path\", '')", joins, 'child_unit."path"')


def by_runs(sql: str, runs: Runs) -> str:
    """Grouped also by the child subtree the unit is in ('' for none, ``UNKNOWN`` past the runs),
    read from the run its id falls in: a join to the runs' rows (a column of a small relation,
    which PostgreSQL groups in memory) on the run's number, found by binary search. An outer
    join: PostgreSQL then expects every assignment to stay and scans them in parallel (an inner
    join it guessed would keep a fifth, and scanned alone: 50-70 ms against 40)."""
    firsts, labels = runs
    if not all(label in ("", UNKNOWN) or _PATH.fullmatch(label) for label in labels):
        raise ValueError(f"not paths: {labels}")
    listed = ", ".join(f"'{label}'" for label in labels)
    bounds = ", ".join(str(int(first)) for first in firsts)
    joins = (
        f" LEFT JOIN unnest(ARRAY[{listed}]::text[]) WITH ORDINALITY AS own_run(child, n)"
        ' ON (own_run.n = width_bucket("directives_assignment"."unit_id",'
        f" ARRAY[{bounds}]::bigint[]))"
    )
    return _grouped(sql, f"COALESCE(own_run.child, '{UNKNOWN}')", joins, "own_run.child")
