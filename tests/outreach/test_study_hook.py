"""A study session logged in outreach answers the directive's "study session" requirement for its
unit (one record, two views), though directives and outreach never import each other."""

from __future__ import annotations

from typing import Any

import pytest

from doimoi.directives import services as directives
from doimoi.directives.models import Assignment
from doimoi.documents import services as documents
from doimoi.outreach import services
from tests.outreach.conftest import BL1, CELL_LP, CELL_LT, days_ago, form, log, unit

pytestmark = pytest.mark.django_db


def ward_plan_text() -> str:
    day = days_ago(20)
    return f"""ĐẢNG BỘ TỈNH LÂM ĐỒNG
ĐẢNG ỦY PHƯỜNG 1 BẢO LỘC
*
Số 15-KH/ĐU
ĐẢNG CỘNG SẢN VIỆT NAM
Bảo Lộc, ngày {day.day:02d} tháng {day.month} năm {day.year}

KẾ HOẠCH
tuyên truyền, quán triệt Kết luận số 14-KL/TW của Bộ Chính trị
-----
II. NỘI DUNG TUYÊN TRUYỀN
1. Nâng cao nhận thức về chủ trương khuyến khích và bảo vệ cán bộ năng động, sáng tạo.
2. Nhân rộng những mô hình, giải pháp đổi mới, sáng tạo có hiệu quả.
III. HÌNH THỨC TUYÊN TRUYỀN
Tuyên truyền trên hệ thống truyền thanh của phường; sinh hoạt thường kỳ của các chi bộ.
IV. TỔ CHỨC THỰC HIỆN
1. Các chi bộ trực thuộc
Tổ chức quán triệt đến toàn thể đảng viên.

Nơi nhận:
- Các chi bộ,
- Lưu Văn phòng.

T/M ĐẢNG ỦY
BÍ THƯ

Trần Minh Khải
"""


@pytest.fixture
def sent(clerk: Any) -> Any:
    """The ward's plan, followed in outreach and sent as a directive to its two cells, each to
    hold a study session."""
    document = documents.document_create_from_text(
        actor=None, unit=unit(BL1), text=ward_plan_text()
    )
    plan = services.plan_create(
        actor=clerk,
        document=document,
        unit=unit(BL1),
        starts_on=days_ago(20),
        ends_on=days_ago(-90),
    )
    directive = directives.directive_create(actor=clerk, document=document, issuer=unit(BL1))
    directives.directive_distribute(
        actor=clerk,
        directive=directive,
        recipients=[unit(CELL_LP), unit(CELL_LT)],
        requirements=[directives.RequirementSpec(kind="study", date=days_ago(-20))],
        sent_on=days_ago(20),
    )
    return plan, directive


def test_a_study_session_answers_the_directive_for_its_unit(
    sent: Any, clerk: Any, ledger_probe: Any
) -> None:
    plan, directive = sent
    assert [a.heading for a in plan.assignments.all()] == ["Các chi bộ trực thuộc"]
    assert sorted(u.name for u in plan.assignments.get().units.all()) == [CELL_LP, CELL_LT]
    session = log(
        clerk,
        unit=unit(CELL_LP),
        form=form("Hội nghị học tập, quán triệt"),
        plan=plan,
        excused=1,
        attended=33,
        held_on=days_ago(3),
    )
    answered = Assignment.objects.get(directive=directive, unit__name=CELL_LP)
    assert answered.study_on == session.held_on == days_ago(3)
    assert answered.state == "done"  # the session was all it owed
    untouched = Assignment.objects.get(directive=directive, unit__name=CELL_LT)
    assert untouched.study_on is None
    verbs = [e.action for e in ledger_probe.new()]
    assert verbs == ["outreach.study.recorded", "directives.assignment.answered"]


def test_an_ordinary_activity_answers_nothing(sent: Any, clerk: Any) -> None:
    plan, directive = sent
    log(clerk, unit=unit(CELL_LP), plan=plan, party_members=20, held_on=days_ago(3))
    assert not Assignment.objects.filter(directive=directive, study_on__isnull=False).exists()
