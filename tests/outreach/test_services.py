"""Plans recorded from their text, activities and study sessions logged, and their coverage."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from doimoi.core.errors import ApplicationError
from doimoi.outreach import selectors, services
from doimoi.outreach.models import Activity, Tally
from doimoi.outreach.selectors import month_start
from tests.outreach.conftest import BL1, CELL_LP, CELL_LT, days_ago, form, log, unit

pytestmark = pytest.mark.django_db
STUDY = "Hội nghị học tập, quán triệt"


def test_a_plan_is_recorded_with_its_parts_proposed_from_the_text(
    ledger_probe: Any, plan64: Any
) -> None:
    assert [i.number for i in plan64.items.all()] == ["1", "2", "3", "4", "5", "6"]
    assert [f.name for f in plan64.forms.all().order_by("order")] == [
        "Sinh hoạt thường kỳ của tổ chức đảng, đoàn thể",
        "Trang thông tin điện tử của đơn vị",
        "Hệ thống truyền thanh phường, xã",
    ]
    assert [a.heading for a in plan64.assignments.all()] == [
        "Ủy ban nhân dân thành phố",
        "Các tổ chức cơ sở đảng trực thuộc Thành ủy",
        "Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội thành phố",
        "Ban Tuyên giáo Thành ủy",
    ]
    assert plan64.confirmed_at is None
    ledger_probe.assert_recorded("outreach.plan.created", plan64)


def test_the_clerk_confirms_the_parts_kept(plan64: Any, clerk: Any, ledger_probe: Any) -> None:
    parts = services.propose(plan64)
    parts.items = parts.items[:4]
    parts.assignments[0].units = [unit("Ủy ban nhân dân phường 1 Bảo Lộc")]
    plan = services.plan_confirm(actor=clerk, plan=plan64, parts=parts)
    assert plan.confirmed_at is not None
    assert plan.items.count() == 4
    assert [u.name for u in plan.assignments.first().units.all()] == [
        "Ủy ban nhân dân phường 1 Bảo Lộc"
    ]
    ledger_probe.assert_recorded("outreach.plan.confirmed", plan)


def test_an_item_with_activities_cannot_be_dropped(plan64: Any, clerk: Any) -> None:
    item = plan64.items.get(number="6")
    log(clerk, unit=unit(CELL_LP), plan=plan64, items=[item])
    parts = services.propose(plan64)
    parts.items = parts.items[:5]
    with pytest.raises(ApplicationError):
        services.plan_confirm(actor=clerk, plan=plan64, parts=parts)
    assert plan64.items.count() == 6


def _sessions(clerk: Any, plan: Any) -> None:
    # 36 members, 2 excused, 30 attended: 30 / 34; 29 members, 1 excused, 28 attended: 28 / 28
    log(
        clerk,
        unit=unit(CELL_LP),
        form=form(STUDY),
        plan=plan,
        excused=2,
        attended=30,
        title="Quán triệt Kết luận 14-KL/TW",
        held_on=days_ago(75),
    )
    log(
        clerk,
        unit=unit(CELL_LT),
        form=form(STUDY),
        plan=plan,
        excused=1,
        attended=28,
        title="Quán triệt Kết luận 14-KL/TW",
        held_on=days_ago(5),
    )


def test_coverage_is_attendance_against_members_less_the_excused(plan64: Any, clerk: Any) -> None:
    _sessions(clerk, plan64)
    cov = selectors.coverage(
        viewer=clerk, root=unit(BL1), plan=plan64, start=days_ago(150), end=days_ago(0)
    )
    rows = {r.unit.name: r.figures for r in cov.children}
    assert rows[CELL_LP].coverage_pct == round(100 * 30 / 34, 1) == 88.2
    assert rows[CELL_LT].coverage_pct == 100.0
    assert rows[CELL_LP].expected == 34 and rows[CELL_LT].expected == 28
    assert cov.total.coverage_pct == round(100 * 58 / 62, 1)
    assert cov.total.sessions == 2
    held = {r.unit.name for r in cov.held}
    assert held == {CELL_LP, CELL_LT}
    assert "Ban Xây dựng Đảng Đảng ủy phường 1 Bảo Lộc" in {r.unit.name for r in cov.not_held}


def test_a_session_takes_the_member_count_of_its_day_and_refuses_impossible_numbers(
    plan64: Any, clerk: Any
) -> None:
    with pytest.raises(ApplicationError) as excused:
        log(clerk, unit=unit(CELL_LP), form=form(STUDY), plan=plan64, excused=37, attended=0)
    assert "37" in str(excused.value)
    with pytest.raises(ApplicationError):
        log(clerk, unit=unit(CELL_LP), form=form(STUDY), plan=plan64, excused=2, attended=35)
    session = log(clerk, unit=unit(CELL_LP), form=form(STUDY), plan=plan64, excused=2, attended=34)
    assert (session.members, session.expected) == (36, 34)
    with pytest.raises(
        ApplicationError
    ):  # one session per unit and plan: the record the plan reads
        log(clerk, unit=unit(CELL_LP), form=form(STUDY), plan=plan64, attended=10)
    assert Activity.objects.filter(study=True).count() == 1


def test_subtree_and_period_filters(plan64: Any, clerk: Any) -> None:
    _sessions(clerk, plan64)
    log(
        clerk,
        unit=unit(CELL_LP),
        plan=plan64,
        cadres=3,
        party_members=20,
        people=10,
        held_on=days_ago(75),
    )
    log(
        clerk,
        unit=unit(BL1),
        form=form("Hệ thống truyền thanh phường, xã"),
        plan=plan64,
        audience=1200,
        held_on=days_ago(5),
    )
    recent = selectors.coverage(
        viewer=clerk, root=unit(BL1), plan=plan64, start=month_start(days_ago(5)), end=days_ago(0)
    )
    assert (recent.total.activities, recent.total.audience, recent.total.sessions) == (2, 1200, 1)
    whole = selectors.coverage(
        viewer=clerk, root=unit(BL1), plan=plan64, start=days_ago(150), end=days_ago(0)
    )
    assert (whole.total.activities, whole.total.participants) == (4, 33 + 30 + 28)
    cell = selectors.coverage(
        viewer=clerk, root=unit(CELL_LP), plan=plan64, start=days_ago(150), end=days_ago(0)
    )
    assert (cell.total.activities, cell.total.sessions, cell.total.audience) == (2, 1, 0)
    assert cell.children == []
    by_month = {m: f.activities for m, f in whole.months if f.activities}
    assert by_month == {month_start(days_ago(75)): 2, month_start(days_ago(5)): 2}


def test_all_plans_of_a_period_add_up_every_activity(plan64: Any, clerk: Any) -> None:
    log(clerk, unit=unit(CELL_LP), plan=plan64)
    log(clerk, unit=unit(CELL_LT))  # an activity that serves no plan
    every = selectors.coverage(
        viewer=clerk, root=unit(BL1), plan=None, start=days_ago(30), end=days_ago(0)
    )
    assert every.total.activities == 2


def test_tallies_agree_with_counting_the_activities(plan64: Any, clerk: Any) -> None:
    _sessions(clerk, plan64)
    log(clerk, unit=unit(CELL_LP), plan=plan64, cadres=2, party_members=5, people=40)
    log(clerk, unit=unit("Ban Xây dựng Đảng Đảng ủy phường 1 Bảo Lộc"), plan=plan64, people=7)
    root = unit(BL1)
    cov = selectors.coverage(
        viewer=clerk, root=root, plan=plan64, start=days_ago(150), end=days_ago(0)
    )
    raw = selectors.raw_children_counts(
        root=root, plan=plan64, start=month_start(days_ago(150)), end=days_ago(0)
    )
    from_tallies = {
        r.unit.path: (r.figures.activities, r.figures.participants, r.figures.sessions)
        for r in cov.children
        if r.figures.activities
    }
    assert from_tallies == {
        r["prefix"]: (r["activities"], r["reached"], r["sessions"]) for r in raw
    }
    before = sorted(
        Tally.objects.values_list(
            "unit_id",
            "plan_key",
            "month",
            "form_key",
            "item_key",
            "activities",
            "participants",
            "sessions",
            "attended",
            "expected",
        )
    )
    services.tally_rebuild()
    after = sorted(
        Tally.objects.values_list(
            "unit_id",
            "plan_key",
            "month",
            "form_key",
            "item_key",
            "activities",
            "participants",
            "sessions",
            "attended",
            "expected",
        )
    )
    assert after == before


def test_deleting_an_activity_takes_its_tallies_back(
    plan64: Any, clerk: Any, ledger_probe: Any
) -> None:
    activity = log(clerk, unit=unit(CELL_LP), plan=plan64, people=12)
    services.activity_delete(actor=clerk, activity=activity)
    cov = selectors.coverage(
        viewer=clerk, root=unit(BL1), plan=plan64, start=days_ago(30), end=days_ago(0)
    )
    assert (cov.total.activities, cov.total.participants) == (0, 0)
    assert any(e.action == "outreach.activity.deleted" for e in ledger_probe.new())


def test_out_of_scope_coverage_is_none_and_logging_is_refused(
    plan64: Any, clerk: Any, persona: Any
) -> None:
    other = persona("vanthu.dukdn")  # a committee of another branch
    assert (
        selectors.coverage(
            viewer=other, root=unit(BL1), plan=plan64, start=days_ago(30), end=days_ago(0)
        )
        is None
    )
    cell_head = persona("bithu.phuong1")
    assert (
        selectors.coverage(
            viewer=cell_head, root=unit(BL1), plan=None, start=days_ago(30), end=days_ago(0)
        )
        is None
    )
    assert (
        selectors.coverage(
            viewer=cell_head, root=unit(CELL_LP), plan=None, start=days_ago(30), end=days_ago(0)
        )
        is not None
    )
    with pytest.raises(PermissionDenied):
        log(other, unit=unit(CELL_LP))
    with pytest.raises(PermissionDenied):
        log(cell_head, unit=unit(CELL_LT))  # a sibling cell
    assert not selectors.activity_list(viewer=other).exists()


def test_a_date_to_come_or_a_closed_unit_is_refused(plan64: Any, clerk: Any, persona: Any) -> None:
    with pytest.raises(ApplicationError):
        log(clerk, unit=unit(CELL_LP), held_on=days_ago(-1))
    with pytest.raises(ApplicationError):
        log(persona("bithu.baoloc"), unit=unit("Thành ủy Bảo Lộc"))  # closed on 01/07/2025
    with pytest.raises(ApplicationError):
        log(clerk, unit=unit(CELL_LP), link="javascript:alert(1)")
    assert not Activity.objects.exists()
