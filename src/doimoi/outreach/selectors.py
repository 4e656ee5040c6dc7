"""Reads of the outreach app, always through the viewer's scope: plans, activities, and the
coverage of a plan (or of all plans) over a unit's subtree and a period of months.

Coverage figures are read from the tallies (``Tally``): a unit's row holds the sums of its whole
subtree, so a page reads the rows of one unit and of its children, whatever the subtree's size.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import Substr

from doimoi.organizations.models import Unit
from doimoi.organizations.scope import scope_of
from doimoi.outreach.models import LOG_ROLES, Activity, ContentItem, Form, Plan, Tally
from doimoi.outreach.services.tally import SUMS


def plan_list(*, viewer: Any) -> QuerySet[Plan]:
    """The plans the viewer sees (its subtree's, and those assigning a task to it)."""
    return Plan.objects.restrict(viewer).select_related("document", "unit")


def plan_get(*, viewer: Any, pk: int) -> Plan | None:
    return plan_list(viewer=viewer).filter(pk=pk).first()


def activity_list(
    *,
    viewer: Any,
    unit: Unit | None = None,
    plan: Plan | None = None,
    start: datetime.date | None = None,
    end: datetime.date | None = None,
) -> QuerySet[Activity]:
    """Activities the viewer sees, in ``unit``'s subtree, for ``plan``, held in [start, end]."""
    qs = Activity.objects.restrict(viewer).select_related("unit", "form", "plan__document")
    if unit is not None:
        qs = qs.filter(unit__path__under=unit.path)
    if plan is not None:
        qs = qs.filter(plan=plan)
    if start is not None:
        qs = qs.filter(held_on__gte=start)
    if end is not None:
        qs = qs.filter(held_on__lte=end)
    return qs


def log_units(*, viewer: Any, on: datetime.date | None = None) -> list[Unit]:
    """The units, in force, the viewer may log activities for (its units and those below)."""
    scope = scope_of(viewer, on)
    if viewer.is_superuser:
        paths: frozenset[str] = frozenset(u.path for u in Unit.objects.get_root_nodes())
    else:
        paths = scope.paths(LOG_ROLES)
    if not paths:
        return []
    q = Q()
    for p in paths:
        q |= Q(path__under=p)
    day = scope.on
    return list(
        Unit.objects.filter(q, valid_from__lte=day).exclude(valid_to__lte=day).order_by("path")
    )


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def months_between(start: datetime.date, end: datetime.date) -> list[datetime.date]:
    months, day = [], month_start(start)
    while day <= end:
        months.append(day)
        day = (day + datetime.timedelta(days=32)).replace(day=1)
    return months


@dataclass
class Figures:
    """The sums of a subtree: activities, participants, audience, study sessions and attendance."""

    activities: int = 0
    participants: int = 0
    audience: int = 0
    sessions: int = 0
    attended: int = 0
    expected: int = 0

    @property
    def coverage(self) -> float | None:
        """Study-session attendance as a share of those expected (members less the excused)."""
        return self.attended / self.expected if self.expected else None

    @property
    def coverage_pct(self) -> float | None:
        return None if self.coverage is None else round(100 * self.coverage, 1)

    def add(self, row: Any) -> None:
        for name in SUMS:
            setattr(self, name, getattr(self, name) + (row.get(name) or 0))


@dataclass
class UnitRow:
    unit: Unit
    figures: Figures


@dataclass
class Coverage:
    """The coverage page's figures for one subtree and period (one plan, or all plans)."""

    root: Unit
    plan: Plan | None
    start: datetime.date
    end: datetime.date
    total: Figures = field(default_factory=Figures)
    children: list[UnitRow] = field(default_factory=list)
    forms: list[tuple[Form, Figures]] = field(default_factory=list)
    items: list[tuple[ContentItem, Figures]] = field(default_factory=list)
    months: list[tuple[datetime.date, Figures]] = field(default_factory=list)
    month_forms: dict[datetime.date, dict[int, int]] = field(default_factory=dict)
    assigned: list[tuple[Unit, bool]] = field(default_factory=list)

    @property
    def held(self) -> list[UnitRow]:
        return [r for r in self.children if r.figures.sessions]

    @property
    def not_held(self) -> list[UnitRow]:
        return [r for r in self.children if not r.figures.sessions]


def _tallies(plan: Plan | None, start: datetime.date, end: datetime.date) -> QuerySet[Tally]:
    qs = Tally.objects.filter(month__gte=month_start(start), month__lte=month_start(end))
    return qs.filter(plan_key=plan.pk) if plan is not None else qs


def _dicts(rows: Any) -> list[dict[str, Any]]:
    return [dict(row) for row in rows]


def _sums() -> dict[str, Any]:
    return {name: Sum(name) for name in SUMS}


def totals(
    *, viewer: Any, root: Unit, start: datetime.date, end: datetime.date, plan: Plan | None = None
) -> Figures:
    """The sums of ``root``'s subtree over the months of [start, end] (one indexed query on the
    tallies); nothing when the viewer may not see ``root``. Periodic reports read this."""
    figures = Figures()
    if scope_of(viewer).covers(root):
        rows = _tallies(plan, start, end).filter(unit=root, item_key=0).aggregate(**_sums())
        figures.add(rows)
    return figures


def _children(root: Unit, end: datetime.date) -> list[Unit]:
    """The units directly below ``root`` that existed in the period (closed ones still count for
    the months they worked)."""
    return list(Unit.objects.get_children(root).filter(valid_from__lte=end).order_by("name"))


def coverage(
    *,
    viewer: Any,
    root: Unit,
    plan: Plan | None,
    start: datetime.date,
    end: datetime.date,
) -> Coverage | None:
    """The coverage of ``plan`` (None: every plan and activity) in ``root``'s subtree, months of
    [start, end]; None when the viewer may not see ``root`` (the caller answers 404)."""
    if not scope_of(viewer).covers(root):
        return None
    result = Coverage(root=root, plan=plan, start=start, end=end)
    tallies = _tallies(plan, start, end)
    own = tallies.filter(unit=root)
    by_form = own.filter(item_key=0).values("month", "form_key").annotate(**_sums()).order_by()
    forms = {f.pk: f for f in Form.objects.all()}
    per_form: dict[int, Figures] = defaultdict(Figures)
    per_month: dict[datetime.date, Figures] = {m: Figures() for m in months_between(start, end)}
    for row in _dicts(by_form):
        result.total.add(row)
        per_form[row["form_key"]].add(row)
        per_month.setdefault(row["month"], Figures()).add(row)
        result.month_forms.setdefault(row["month"], {})[row["form_key"]] = row["activities"]
    result.forms = sorted(
        ((forms[k], f) for k, f in per_form.items() if k in forms),
        key=lambda pair: (-pair[1].activities, pair[0].order),
    )
    result.months = sorted(per_month.items())
    _item_rows(result, own, plan)
    _child_rows(result, tallies, end)
    _assigned(result, tallies)
    return result


def _item_rows(result: Coverage, own: QuerySet[Tally], plan: Plan | None) -> None:
    if plan is None:
        return
    counts = {
        row["item_key"]: row
        for row in own.filter(item_key__gt=0).values("item_key").annotate(**_sums()).order_by()
    }
    for item in plan.items.all():
        figures = Figures()
        figures.add(counts.get(item.pk, {}))
        result.items.append((item, figures))


def _child_rows(result: Coverage, tallies: QuerySet[Tally], end: datetime.date) -> None:
    children = _children(result.root, end)
    rows = (
        tallies.filter(unit__in=[c.pk for c in children], item_key=0)
        .values("unit_id")
        .annotate(**_sums())
        .order_by()
    )
    sums = {row["unit_id"]: row for row in rows}
    for child in children:
        figures = Figures()
        figures.add(sums.get(child.pk, {}))
        if child.is_active or figures.activities:
            result.children.append(UnitRow(child, figures))


def _assigned(result: Coverage, tallies: QuerySet[Tally]) -> None:
    """The plan's assigned units inside the subtree, each with whether it (or a unit below it)
    held a study session for the plan in the period."""
    if result.plan is None:
        return
    units = [
        u
        for a in result.plan.assignments.prefetch_related("units")
        for u in a.units.all()
        if u.path.startswith(result.root.path)
    ]
    held = set(
        tallies.filter(unit__in=[u.pk for u in units], item_key=0, sessions__gt=0).values_list(
            "unit_id", flat=True
        )
    )
    seen: set[int] = set()
    for u in units:
        if u.pk not in seen:
            seen.add(u.pk)
            result.assigned.append((u, u.pk in held))


def raw_children_counts(
    *, root: Unit, plan: Plan | None, start: datetime.date, end: datetime.date
) -> list[dict[str, Any]]:
    """The same per-child figures counted from the activities themselves (one GROUP BY over the
    subtree's rows, by tree-path prefix): what the tallies spare the page; bench/rollup.py
    compares the two, and the tests check they agree."""
    depth = (root.depth + 1) * Unit.steplen
    qs = Activity.objects.filter(
        unit__path__under=root.path,
        unit__depth__gt=root.depth,
        held_on__gte=start,
        held_on__lte=end,
    )
    if plan is not None:
        qs = qs.filter(plan=plan)
    study = Q(study=True)
    return _dicts(
        qs.annotate(prefix=Substr("unit__path", 1, depth))
        .values("prefix")
        .annotate(
            activities=Count("pk"),
            reached=Sum("cadres") + Sum("party_members") + Sum("people"),
            audience=Sum("audience"),
            sessions=Count("pk", filter=study),
            attended=Sum("attended", filter=study),
        )
        .order_by("prefix")
    )
