"""The outreach part of bench/rollup.py: a plan's coverage page on the 60,000-unit tree with
1,000,000 activities (PostgreSQL).

Loads, on top of rollup.py's tree, one national dissemination plan with 14 content items,
~50,000 study sessions (one in nine cells of ten: 30 members, some excused) and ordinary
activities up to 1,000,000 rows over the 240 days before the bench's today, 80 % of them for the
plan, each serving one or two content items; rows are written with set-based SQL
(``generate_series``), then the tallies are rebuilt by the app's own ``tally_rebuild`` (timed).

Then it times, median and p95: the coverage selector for the whole country (34 provinces below)
and for one province (its ~98 communes below), the full coverage page rendered by Django for the
national administrator, and, for comparison, one raw GROUP BY over the same rows (the plan's
activities in the period, grouped by the province's tree-path prefix, on the indexes of
(plan, held_on) and the tree's path) — what the page would cost without the tallies.
"""

from __future__ import annotations

import datetime
import os
import time
from collections.abc import Callable
from typing import Any

ACTIVITIES = int(os.environ.get("DOIMOI_BENCH_ACTIVITIES", "1000000"))  # smaller for a smoke run
DAYS = 240
ITEMS = 14


def _plan(root_id: int) -> dict[str, Any]:
    from doimoi.documents.models import Document
    from doimoi.outreach.models import ContentItem, Form, Plan

    document = Document.objects.create(
        state="confirmed",
        kind="party",
        number="02",
        symbol="KH/TW",
        symbol_key="kh/tw",
        type_code="KH",
        type_name="Kế hoạch",
        title="tuyên truyền trên toàn quốc",
        issuer_unit_id=root_id,
        unit_id=root_id,
        date=datetime.date(2025, 7, 15),
    )
    plan = Plan.objects.create(
        document=document,
        unit_id=root_id,
        title="02-KH/TW — tuyên truyền",
        starts_on=datetime.date(2025, 7, 1),
        ends_on=datetime.date(2026, 6, 30),
    )
    ContentItem.objects.bulk_create(
        [
            ContentItem(
                plan=plan, number=f"{1 + n // 7}.{1 + n % 7}", text=f"Nội dung số {n + 1}", order=n
            )
            for n in range(ITEMS)
        ]
    )
    forms = list(Form.objects.filter(study=False).values_list("pk", flat=True))
    study = Form.objects.filter(study=True).values_list("pk", flat=True).first()
    plan.forms.set(forms)
    items = list(plan.items.values_list("pk", flat=True))
    return {"plan": plan.pk, "forms": forms, "study": study, "items": items}


_SESSIONS = """
INSERT INTO outreach_activity (unit_id, plan_id, form_id, held_on, title, place, cadres,
    party_members, people, audience, study, members, excused, attended, link, notes, import_key,
    created_at)
SELECT u.id, %(plan)s, %(study)s, %(today)s::date - (u.id %% %(days)s)::int, 'Học tập, quán triệt', '',
    0, 30 - u.id %% 3 - u.id %% 4, 0, 0, true, 30, u.id %% 3, 30 - u.id %% 3 - u.id %% 4, '', '',
    '', now()
FROM organizations_unit u WHERE u.depth = 4 AND u.id %% 10 <> 0
"""
_ACTIVITIES = """
INSERT INTO outreach_activity (unit_id, plan_id, form_id, held_on, title, place, cadres,
    party_members, people, audience, study, members, excused, attended, link, notes, import_key,
    created_at)
SELECT %(first)s + (g::bigint * 7919) %% %(units)s,
    CASE WHEN g %% 5 = 0 THEN NULL ELSE %(plan)s END,
    (%(forms)s::int[])[1 + g %% %(nforms)s],
    %(today)s::date - (g %% %(days)s)::int, 'Hoạt động tuyên truyền', '',
    g %% 7, 5 + g %% 40, g %% 60, CASE WHEN g %% 4 = 0 THEN 100 + g %% 3000 ELSE 0 END,
    false, 0, 0, 0, '', '', '', now()
FROM generate_series(1, %(n)s) g
"""
_ITEMS = """
INSERT INTO outreach_activity_items (activity_id, contentitem_id)
SELECT a.id, (%(items)s::int[])[1 + a.id %% %(nitems)s] FROM outreach_activity a
WHERE a.plan_id = %(plan)s
UNION ALL
SELECT a.id, (%(items)s::int[])[1 + (a.id + 5) %% %(nitems)s] FROM outreach_activity a
WHERE a.plan_id = %(plan)s AND a.id %% 3 = 0
"""


def load(today: datetime.date) -> dict[str, Any]:
    """The plan, the sessions, the activities and their items, then the tallies (timed)."""
    from django.db import connection, transaction

    from doimoi.organizations.models import Unit
    from doimoi.outreach.models import Activity, Tally
    from doimoi.outreach.services import tally_rebuild

    root = Unit.objects.get(depth=1)
    ids = _plan(root.pk)
    Unit.objects.filter(depth=4).update(member_count=30)
    first = Unit.objects.order_by("pk").values_list("pk", flat=True).first()
    params = {**ids, "today": today, "days": DAYS, "first": first, "units": Unit.objects.count()}
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(_SESSIONS, params)
        sessions = Activity.objects.count()
        params |= {"n": ACTIVITIES - sessions, "nforms": len(ids["forms"]), "nitems": ITEMS}
        cursor.execute(_ACTIVITIES, params)
        cursor.execute(_ITEMS, params)
    started = time.perf_counter()
    tally_rebuild()
    rebuild_s = time.perf_counter() - started
    return ids | {
        "root": root.pk,
        "activities": Activity.objects.count(),
        "sessions": sessions,
        "tallies": Tally.objects.count(),
        "rebuild_s": rebuild_s,
    }


def measure(
    ids: dict[str, Any], today: datetime.date, rounds: int, timer: Callable[..., dict[str, float]]
) -> dict[str, Any]:
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    from doimoi.organizations.models import Unit
    from doimoi.outreach import selectors
    from doimoi.outreach.models import Plan

    admin = get_user_model().objects.get(username="bench.admin")
    plan = Plan.objects.get(pk=ids["plan"])
    root = Unit.objects.get(pk=ids["root"])
    province = Unit.objects.filter(depth=2).order_by("path").first()
    start, end = today - datetime.timedelta(days=DAYS), today

    def cov(unit: Unit) -> Callable[[], Any]:
        return lambda: selectors.coverage(viewer=admin, root=unit, plan=plan, start=start, end=end)

    def raw(unit: Unit) -> Callable[[], Any]:
        return lambda: selectors.raw_children_counts(root=unit, plan=plan, start=start, end=end)

    client = Client()
    client.force_login(admin)
    url = reverse("outreach:plan_coverage", args=[plan.pk])
    query = {"tu": f"{start:%Y-%m}", "den": f"{end:%Y-%m}"}
    page = client.get(url, query)
    assert page.status_code == 200, page.status_code
    national = selectors.coverage(viewer=admin, root=root, plan=plan, start=start, end=end)
    counted = {r["prefix"]: r["activities"] for r in raw(root)()}
    tallied = {r.unit.path: r.figures.activities for r in national.children}  # type: ignore[union-attr]
    assert counted == {k: v for k, v in tallied.items() if v}, "tallies and the raw count disagree"
    return {
        "coverage_national": timer(cov(root), rounds),
        "coverage_province": timer(cov(province), rounds),
        "page": timer(lambda: client.get(url, query).content, rounds),
        "raw_national": timer(raw(root), max(5, rounds // 4)),
        "raw_province": timer(raw(province), rounds),
        "national": {
            "activities": national.total.activities,  # type: ignore[union-attr]
            "coverage": national.total.coverage_pct,  # type: ignore[union-attr]
        },
    }


def report(r: dict[str, Any], command: str, environment: str, target_ms: float) -> str:
    s = r["sizes"]
    page, raw = r["page"], r["raw_national"]
    verdict = "meets" if page["p95_ms"] <= target_ms else "**misses**"
    cell = lambda m: f"{m['median_ms']:.0f} / {m['p95_ms']:.0f}"  # noqa: E731
    return "\n".join(
        [
            f"### Outreach coverage at national scale ({datetime.date.today():%d/%m/%Y})",
            "",
            f"`{command}` — {environment}",
            f"{s['units']:,} units, {s['activities']:,} activities ({s['sessions']:,} study sessions), "
            f"{s['tallies']:,} tally rows rebuilt in {s['rebuild_s']:.0f} s; PostgreSQL.",
            "",
            "Times in ms, median / p95.",
            "",
            "| what | national (34 provinces below) | one province (its communes below) |",
            "| --- | ---: | ---: |",
            f"| coverage figures (selector, from the tallies) | {cell(r['coverage_national'])} | {cell(r['coverage_province'])} |",
            f"| raw indexed GROUP BY over the same activities | {cell(raw)} | {cell(r['raw_province'])} |",
            f"| coverage page rendered by Django (5 SVG charts, tables) | {cell(page)} (p95 ≤ {target_ms:.0f} ms: {verdict}) | |",
            "",
            f"The whole page takes {page['median_ms'] / raw['median_ms']:.2f}× the time of the one raw GROUP BY "
            f"over the plan's {r['national']['activities']:,} activities of the period (medians); the",
            "tallies keep one row per unit, plan, month and form (and per content item), added to in the",
            "same transaction as each activity, so the page reads the rows of a unit and of its children.",
        ]
    )
