"""The periodic reports read the outreach figures (through outreach's selector, in the viewer's
scope): a table per unit below and a sentence in the draft."""

from __future__ import annotations

from typing import Any

import pytest

from doimoi.reporting.periodic.draft import report
from doimoi.reporting.periodic.periods import custom
from tests.outreach.conftest import BL1, CELL_LP, CELL_LT, days_ago, form, log, unit

pytestmark = pytest.mark.django_db


def test_a_periodic_report_carries_the_dissemination_figures(
    plan64: Any, clerk: Any, persona: Any
) -> None:
    log(
        clerk,
        unit=unit(CELL_LP),
        form=form("Hội nghị học tập, quán triệt"),
        plan=plan64,
        excused=2,
        attended=30,
    )
    log(clerk, unit=unit(CELL_LT), plan=plan64, party_members=20, people=5)
    period = custom(days_ago(40), days_ago(0))
    r = report(persona("bithu.baoloc"), unit(BL1), period)
    table = next(t for t in r.tables if t.key == "outreach")
    rows = {row[0]: row for row in table.rows}
    assert rows["Hoạt động tuyên truyền"][-1] == 2
    assert rows["Lượt người tham dự"][-1] == 30 + 25
    assert rows["Đảng viên tham dự học tập, quán triệt"][-1] == 30
    assert rows["Đảng viên phải dự (trừ vắng có lý do)"][-1] == 34
    assert "Công tác tuyên truyền: tổ chức 2 hoạt động tuyên truyền" in r.body
    assert "30/34 đảng viên tham dự (88,2 %)" in r.body
    outsider = report(persona("vanthu.dukdn"), unit(BL1), period)
    assert next(t for t in outsider.tables if t.key == "outreach").rows[0][-1] == 0
