"""The demo: both seed plans confirmed, activities and study sessions of several units over the
last months (dates relative to today), so the coverage pages show real figures and charts."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from doimoi.outreach import selectors
from doimoi.outreach.demo import seed_demo
from doimoi.outreach.models import Activity, Plan
from tests.outreach.conftest import BL1, CELL_LP, days_ago, unit

pytestmark = pytest.mark.django_db


def test_the_demo_has_both_plans_confirmed_and_recent_activities(
    demo: dict[str, Any], persona: Any
) -> None:
    seed_demo(demo)
    seed_demo(demo)  # idempotent
    plans = {p.document.reference: p for p in Plan.objects.all()}
    assert sorted(plans) == ["39-KH/ĐUK", "64-KH/ThU"]
    assert all(p.confirmed_at for p in plans.values())
    assert plans["64-KH/ThU"].items.count() == 6 and plans["39-KH/ĐUK"].items.count() == 14
    assert Activity.objects.count() == 19
    assert {a.held_on for a in Activity.objects.all()} <= {days_ago(n) for n in range(0, 151)}
    clerk = persona("vanthu.baoloc")
    cov = selectors.coverage(
        viewer=clerk, root=unit(BL1), plan=plans["64-KH/ThU"], start=days_ago(150), end=days_ago(0)
    )
    rows = {r.unit.name: r.figures for r in cov.children}
    assert rows[CELL_LP].coverage_pct == round(100 * 33 / 34, 1)
    assert cov.total.sessions == 3 and cov.total.activities == 12
    assert dict((u.name, held) for u, held in cov.assigned)[CELL_LP] is True
    client = Client()
    client.force_login(clerk)
    page = client.get(reverse("outreach:plan_coverage", args=[plans["64-KH/ThU"].pk]))
    assert page.status_code == 200 and page.content.decode().count("<svg") == 5
