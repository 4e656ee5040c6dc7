"""The tallies (``Tally``): an activity's sums added to its unit and every unit above it, per
plan, month and form, and per content item; and a rebuild from the activities, set-based."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable

from django.db import IntegrityError, connection, transaction
from django.db.models import F

from doimoi.organizations.models import Unit
from doimoi.outreach.models import Activity, Tally

SUMS = ("activities", "participants", "audience", "sessions", "attended", "expected")
Key = tuple[int, int, datetime.date, int, int]


def _ancestors(paths: Iterable[str]) -> dict[str, list[int]]:
    """Each path's unit and the units above it (ids), in one query."""
    step = Unit.steplen
    wanted = {p[:i] for p in paths for i in range(step, len(p) + 1, step)}
    ids = dict(Unit.objects.filter(path__in=wanted).values_list("path", "pk"))
    return {p: [ids[p[:i]] for i in range(step, len(p) + 1, step) if p[:i] in ids] for p in paths}


def _sums(a: Activity) -> tuple[int, ...]:
    study = a.study
    return (
        1,
        a.participants,
        a.audience,
        1 if study else 0,
        a.attended if study else 0,
        a.expected if study else 0,
    )


def _deltas(activities: list[Activity], sign: int) -> dict[Key, list[int]]:
    above = _ancestors({a.unit.path for a in activities})
    deltas: dict[Key, list[int]] = defaultdict(lambda: [0] * len(SUMS))
    for a in activities:
        month, plan_key = a.held_on.replace(day=1), a.plan_id or 0
        sums = _sums(a)
        item_ids = [i.pk for i in a.items.all()]
        for unit_id in above[a.unit.path]:
            row = deltas[(unit_id, plan_key, month, a.form_id, 0)]
            for n, value in enumerate(sums):
                row[n] += sign * value
            for item_id in item_ids:
                item_row = deltas[(unit_id, plan_key, month, 0, item_id)]
                for n in (0, 1, 2):
                    item_row[n] += sign * sums[n]
    return deltas


def _apply(key: Key, values: list[int]) -> None:
    unit_id, plan_key, month, form_key, item_key = key
    where = {
        "unit_id": unit_id,
        "plan_key": plan_key,
        "month": month,
        "form_key": form_key,
        "item_key": item_key,
    }
    changes = {name: F(name) + v for name, v in zip(SUMS, values, strict=True) if v}
    if not changes or Tally.objects.filter(**where).update(**changes):
        return
    try:
        with transaction.atomic():
            Tally.objects.create(**where, **dict(zip(SUMS, values, strict=True)))
    except IntegrityError:  # created meanwhile by another transaction
        Tally.objects.filter(**where).update(**changes)


def tally_add(activities: list[Activity], sign: int = 1) -> None:
    """Add (``sign=-1``: take away) the activities' sums, in the caller's transaction."""
    if not activities:
        return
    for key, values in sorted(_deltas(activities, sign).items()):
        _apply(key, values)


def _month_sql() -> str:
    if connection.vendor == "postgresql":
        return "date_trunc('month', a.held_on)::date"
    return "date(a.held_on, 'start of month')"


_FORM_ROWS = """
INSERT INTO outreach_tally (unit_id, plan_key, month, form_key, item_key, activities,
    participants, audience, sessions, attended, expected)
SELECT top.id, COALESCE(a.plan_id, 0), {month}, a.form_id, 0, COUNT(*),
    SUM(a.cadres + a.party_members + a.people), SUM(a.audience),
    SUM(CASE WHEN a.study THEN 1 ELSE 0 END), SUM(CASE WHEN a.study THEN a.attended ELSE 0 END),
    SUM(CASE WHEN a.study THEN a.members - a.excused ELSE 0 END)
FROM outreach_activity a
JOIN organizations_unit u ON u.id = a.unit_id
JOIN organizations_unit top ON top.path = SUBSTR(u.path, 1, %s)
WHERE u.depth >= %s
GROUP BY top.id, COALESCE(a.plan_id, 0), {month}, a.form_id
"""
_ITEM_ROWS = """
INSERT INTO outreach_tally (unit_id, plan_key, month, form_key, item_key, activities,
    participants, audience, sessions, attended, expected)
SELECT top.id, COALESCE(a.plan_id, 0), {month}, 0, ai.contentitem_id, COUNT(*),
    SUM(a.cadres + a.party_members + a.people), SUM(a.audience), 0, 0, 0
FROM outreach_activity_items ai
JOIN outreach_activity a ON a.id = ai.activity_id
JOIN organizations_unit u ON u.id = a.unit_id
JOIN organizations_unit top ON top.path = SUBSTR(u.path, 1, %s)
WHERE u.depth >= %s
GROUP BY top.id, COALESCE(a.plan_id, 0), {month}, ai.contentitem_id
"""


@transaction.atomic
def tally_rebuild() -> int:
    """Recount every tally from the activities (a repair, and the bench's loader): one grouped
    insert per depth of the tree. Returns the number of tally rows."""
    Tally.objects.all().delete()
    deepest = Unit.objects.order_by("-depth").values_list("depth", flat=True).first() or 0
    month = _month_sql()
    with connection.cursor() as cursor:
        for depth in range(1, deepest + 1):
            length = depth * Unit.steplen
            cursor.execute(_FORM_ROWS.format(month=month), [length, depth])
            cursor.execute(_ITEM_ROWS.format(month=month), [length, depth])
    return Tally.objects.count()
