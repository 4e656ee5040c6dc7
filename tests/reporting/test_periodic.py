"""Acceptance 4: the report of the demo's provincial committee for the current half-year gives the
figures that plain SQL, written here without the report code, counts in the database."""

from __future__ import annotations

import datetime
import io
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from openpyxl import load_workbook

from doimoi.directives.models import Assignment
from doimoi.initiatives.models import Adoption, Case, Decision, Protection, Reward
from doimoi.organizations.models import Unit
from doimoi.outreach.models import Activity
from doimoi.reporting import drafting
from doimoi.reporting.periodic.draft import report
from doimoi.reporting.periodic.exports import report_xlsx
from doimoi.reporting.periodic.periods import Period, custom, period_of

PROVINCE = ("Tỉnh ủy Lâm Đồng", "Tỉnh ủy Lâm Đồng (từ 01/7/2025)")
T = {
    m.__name__: m._meta.db_table for m in (Case, Decision, Protection, Adoption, Reward, Assignment)
}
U = Unit._meta.db_table
ACTIVITY = Activity._meta.db_table


def _one(sql: str, params: list[Any]) -> int:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return int(cursor.fetchone()[0])


def _cases(where: str) -> str:
    return (
        f"SELECT COUNT(*) FROM {T['Case']} c JOIN {U} u ON u.id = c.unit_id "
        f"WHERE u.path LIKE %s AND c.state <> 'draft' AND {where}"
    )


def _decided(kind: str) -> str:
    return (
        f"SELECT COUNT(DISTINCT d.case_id) FROM {T['Decision']} d "
        f"JOIN {T['Case']} c ON c.id = d.case_id JOIN {U} u ON u.id = c.unit_id "
        f"WHERE u.path LIKE %s AND c.state <> 'draft' AND d.kind = '{kind}' "
        "AND d.decided_on BETWEEN %s AND %s"
    )


def _expected(unit: Unit, start: datetime.date, end: datetime.date) -> dict[str, int]:
    p, span = unit.path + "%", [start, end]
    protections = (
        f"SELECT COUNT(*) FROM {T['Protection']} pr JOIN {T['Decision']} d ON d.id = pr.decision_id "
        f"JOIN {T['Case']} c ON c.id = pr.case_id JOIN {U} u ON u.id = c.unit_id "
        "WHERE u.path LIKE %s AND c.state <> 'draft' AND pr.revoked = %s "
        "AND d.decided_on BETWEEN %s AND %s"
    )
    adoptions = (
        f"SELECT COUNT(*) FROM {T['Adoption']} a JOIN {T['Case']} c ON c.id = a.model_case_id "
        f"JOIN {U} u ON u.id = c.unit_id WHERE u.path LIKE %s AND c.state <> 'draft' "
        "AND a.adopted_on BETWEEN %s AND %s"
    )
    rewards = (
        f"SELECT COUNT(*) FROM {T['Reward']} r JOIN {T['Decision']} d ON d.id = r.decision_id "
        f"JOIN {T['Case']} c ON c.id = r.case_id JOIN {U} u ON u.id = c.unit_id "
        "WHERE u.path LIKE %s AND c.state <> 'draft' AND r.granted = %s "
        "AND d.decided_on BETWEEN %s AND %s"
    )
    assignments = f"SELECT COUNT(*) FROM {T['Assignment']} a JOIN {U} u ON u.id = a.unit_id WHERE u.path LIKE %s AND "
    done = "a.state = 'done' AND a.done_on BETWEEN %s AND %s"
    activities = (
        f"SELECT {{}} FROM {ACTIVITY} a JOIN {U} u ON u.id = a.unit_id "
        "WHERE u.path LIKE %s AND a.held_on BETWEEN %s AND %s"
    )

    def outreach(what: str) -> int:
        return _one(activities.format(what), [p, *span])

    return {
        "submitted": _one(_cases("c.submitted_on BETWEEN %s AND %s"), [p, *span]),
        "approved": _one(_decided("approve"), [p, *span]),
        "pilots": _one(_decided("pilot"), [p, *span]),
        "rejected": _one(_decided("reject"), [p, *span]),
        "suspended": _one(_decided("suspend"), [p, *span]),
        "running": _one(
            _cases("c.state IN ('in_progress', 'suspended') AND c.started_on <= %s"), [p, end]
        ),
        "evaluated": _one(_cases("c.evaluated_on BETWEEN %s AND %s"), [p, *span]),
        "models": _one(_cases("c.recognized_on BETWEEN %s AND %s"), [p, *span]),
        "adoptions": _one(adoptions, [p, *span]),
        "rewards": _one(rewards, [p, True, *span]),
        "protected": _one(protections, [p, False, *span]),
        "received": _one(assignments + "a.received_on BETWEEN %s AND %s", [p, *span]),
        "done": _one(assignments + done, [p, *span]),
        "on_time": _one(assignments + done + " AND a.done_on <= a.due_final", [p, *span]),
        "late": _one(assignments + done + " AND a.done_on > a.due_final", [p, *span]),
        "outreach_activities": outreach("COUNT(*)"),
        "outreach_participants": outreach(
            "COALESCE(SUM(a.cadres + a.party_members + a.people), 0)"
        ),
        "outreach_audience": outreach("COALESCE(SUM(a.audience), 0)"),
        "outreach_sessions": outreach("COALESCE(SUM(CASE WHEN a.study THEN 1 ELSE 0 END), 0)"),
    }


def _period(which: str) -> Period:
    """The half-year holding today, or the six months up to today (a custom period): the demo's
    initiatives and activities lie in the last months, so a half-year already closed may hold
    none of them and compare zeros with zeros."""
    today = datetime.date.today()
    if which == "half-year":
        return period_of("half", today)
    return custom(today - datetime.timedelta(days=182), today)


@pytest.mark.parametrize("which", ["half-year", "last six months"])
@pytest.mark.django_db
def test_half_year_report_of_the_provincial_committee_has_the_database_figures(
    which: str,
) -> None:
    call_command("seed_demo", verbosity=0)
    admin = get_user_model().objects.get(username="admin")
    period = _period(which)
    seen = 0
    for name in PROVINCE:
        unit = Unit.objects.get(name=name)
        r = report(admin, unit, period, "kl14")
        expected = _expected(unit, period.start, period.end)
        assert {k: r.total[k] for k in expected} == expected, name
        for below in r.below:  # each unit below, the same way
            sub = _expected(below.unit, period.start, period.end)
            assert {k: below[k] for k in sub} == sub, below.unit.name
        seen += sum(expected.values())
        assert f"{expected['submitted']} đề xuất đổi mới, sáng tạo được gửi" in r.body
        assert f"tổ chức {expected['outreach_activities']} hoạt động tuyên truyền" in r.body
    assert seen > 0  # the demo has activity in the half-year: the comparison is not of zeros


@pytest.mark.django_db
def test_every_table_exports_to_xlsx(demo: Any) -> None:
    admin = get_user_model().objects.get(username="admin")
    unit = Unit.objects.get(name=PROVINCE[0])
    r = report(admin, unit, period_of("year", datetime.date.today()), "kl14")
    book = load_workbook(io.BytesIO(report_xlsx(r)))
    assert book.sheetnames == [t.title[:31] for t in r.tables]
    first = book[book.sheetnames[0]]
    assert [c.value for c in first[1]] == r.tables[0].header
    assert first.max_row == len(r.tables[0].rows) + 1


def test_periods() -> None:
    day = datetime.date(2026, 12, 4)
    assert period_of("half", day).label == "6 tháng cuối năm 2026"
    assert (period_of("half", day).start, period_of("half", day).end) == (
        datetime.date(2026, 7, 1),
        datetime.date(2026, 12, 31),
    )
    assert period_of("quarter", day).label == "quý IV năm 2026"
    assert period_of("month", datetime.date(2024, 2, 10)).end == datetime.date(2024, 2, 29)


def _received(unit: Unit, directive: Any, period: Period) -> int:
    return _one(
        f"SELECT COUNT(*) FROM {T['Assignment']} a JOIN {U} u ON u.id = a.unit_id "
        "WHERE u.path LIKE %s AND a.directive_id = %s AND a.received_on BETWEEN %s AND %s",
        [unit.path + "%", directive.pk, period.start, period.end],
    )


@pytest.mark.django_db
def test_a_directives_report_counts_that_directives_assignments_only() -> None:
    call_command("seed_demo", verbosity=0)
    admin = get_user_model().objects.get(username="admin")
    # the root is above both provinces: both directives were received
    unit = Unit.objects.get_root_nodes().get()
    period = custom(datetime.date(2021, 1, 1), datetime.date.today())
    plan, kl14 = (drafting.directive_find(admin, ref) for ref in ("01-KH/TU", "14-KL/TW"))
    assert plan is not None and kl14 is not None
    assert drafting.directive_find(admin, "01-KH/XX") is None
    r = report(admin, unit, period, "directive", plan)
    expected = _received(unit, plan, period)
    assert r.total["received"] == expected > 0
    assert (
        report(admin, unit, period, "directive", kl14).total["received"]
        == _received(unit, kl14, period)
        != expected
    )
    everything = report(admin, unit, period, "directive").total["received"]
    assert everything >= expected + _received(unit, kl14, period)
    reference = "Kế hoạch số 01-KH/TU, ngày "
    assert r.title.startswith(f"sơ kết {period.label} thực hiện {reference}")
    assert r.body.startswith(f"Thực hiện {reference}")
    assert f"nhận {expected} văn bản chỉ đạo" in r.body
    assert [t.key for t in r.tables] == ["directives", "outreach"]


@pytest.mark.django_db
def test_a_dissemination_report_has_the_dissemination_figures_only() -> None:
    call_command("seed_demo", verbosity=0)
    admin = get_user_model().objects.get(username="admin")
    unit = Unit.objects.get(name=PROVINCE[1])
    r = report(admin, unit, _period("last six months"), "outreach")
    assert [t.key for t in r.tables] == ["outreach"]
    assert r.title.endswith("công tác tuyên truyền, học tập, quán triệt")
    activities = r.total["outreach_activities"]
    assert activities > 0 and f"tổ chức {activities} hoạt động tuyên truyền" in r.body
    assert "văn bản chỉ đạo phải thực hiện" not in r.body
