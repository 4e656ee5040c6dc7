"""The live demo directive: dated from the day ``seed-demo`` runs, in the units in force today.

Tỉnh ủy Lâm Đồng sent its plan 20 working days ago to four ward committees and two provincial
party committees: a plan within 10 working days (now past) and a report due in 3 working days.
Each answered with its own plan but phường 3, which never answered: it is late. Đảng ủy phường 1
Bảo Lộc gave its two party cells tasks (one reported; the other's task is past due); phường 2
reported and waits for review; phường B'Lao's report was returned; Đảng ủy UBND tỉnh's report was
accepted; the reports of the others are due in 3 working days. So the pages show live deadlines, overdue and due-soon items on any day.
The plans' texts are illustrative (their numbers come from the units' outgoing registers).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from doimoi.directives.models import Assignment, Directive
from doimoi.directives.services import (
    RequirementSpec,
    TaskSpec,
    assignment_acknowledge,
    assignment_answer,
    directive_create,
    directive_distribute,
    plan_tasks_assign,
    report_accept,
    report_return,
    report_submit,
)
from doimoi.documents import services as documents
from doimoi.documents.models import Document
from doimoi.organizations.models import Unit
from doimoi.workdays.calendar import add_working_days, is_working_day

TU = "Tỉnh ủy Lâm Đồng (từ 01/7/2025)"
BL1, BL2, BL3, BLAO = (
    "Đảng ủy phường 1 Bảo Lộc",
    "Đảng ủy phường 2 Bảo Lộc",
    "Đảng ủy phường 3 Bảo Lộc",
    "Đảng ủy phường B'Lao",
)
DU_CQD, DU_UB = "Đảng ủy các cơ quan Đảng tỉnh Lâm Đồng", "Đảng ủy Ủy ban nhân dân tỉnh Lâm Đồng"
CELLS = ("Chi bộ khu phố Lộc Phát", "Chi bộ thôn Lộc Thanh")
SUBJECT = "triển khai ứng dụng công nghệ thông tin, chuyển đổi số trong hoạt động của tổ chức đảng"

PROVINCE_PLAN = """TỈNH ỦY LÂM ĐỒNG
*
Số {symbol}
ĐẢNG CỘNG SẢN VIỆT NAM
Lâm Đồng, ngày {day:%d} tháng {day:%m} năm {day:%Y}

KẾ HOẠCH
{subject}
-----
Để đẩy mạnh {subject} sau khi sắp xếp tổ chức bộ máy, Ban Thường vụ Tỉnh ủy ban hành kế hoạch
như sau (dữ liệu minh họa).

I. MỤC ĐÍCH, YÊU CẦU
Sử dụng thống nhất phần mềm quản lý văn bản, theo dõi nhiệm vụ trong các cấp ủy trực thuộc.

II. TỔ CHỨC THỰC HIỆN
1. Các đảng ủy trực thuộc Tỉnh ủy
- Xây dựng kế hoạch thực hiện, gửi về Văn phòng Tỉnh ủy trong 10 ngày làm việc.
- Báo cáo kết quả thực hiện đúng thời hạn.
2. Văn phòng Tỉnh ủy theo dõi, đôn đốc, tổng hợp báo cáo Ban Thường vụ Tỉnh ủy.

Nơi nhận:
- Các đảng ủy trực thuộc Tỉnh ủy,
- Lưu Văn phòng Tỉnh ủy.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ

Huỳnh Thị Mai
"""

WARD_PLAN = """ĐẢNG BỘ TỈNH LÂM ĐỒNG
ĐẢNG ỦY PHƯỜNG 1 BẢO LỘC
*
Số {symbol}
ĐẢNG CỘNG SẢN VIỆT NAM
Bảo Lộc, ngày {day:%d} tháng {day:%m} năm {day:%Y}

KẾ HOẠCH
thực hiện Kế hoạch số {parent}, ngày {parent_day:%d/%m/%Y} của Ban Thường vụ Tỉnh ủy
-----
Thực hiện Kế hoạch số {parent} của Ban Thường vụ Tỉnh ủy, Ban Thường vụ Đảng ủy phường ban hành
kế hoạch thực hiện như sau (dữ liệu minh họa).

II. TỔ CHỨC THỰC HIỆN
1. Chi bộ khu phố Lộc Phát
- Cập nhật hồ sơ đảng viên lên phần mềm.
2. Chi bộ thôn Lộc Thanh
- Tổ chức sinh hoạt chuyên đề về chuyển đổi số.

Nơi nhận:
- Ban Thường vụ Tỉnh ủy (báo cáo),
- Các chi bộ trực thuộc,
- Lưu Văn phòng Đảng ủy.

T/M BAN THƯỜNG VỤ
BÍ THƯ

Trần Minh Khải
"""


UNIT_PLAN = """ĐẢNG BỘ TỈNH LÂM ĐỒNG
{upper}
*
Số {symbol}
ĐẢNG CỘNG SẢN VIỆT NAM
Lâm Đồng, ngày {day:%d} tháng {day:%m} năm {day:%Y}

KẾ HOẠCH
thực hiện Kế hoạch số {parent}, ngày {parent_day:%d/%m/%Y} của Ban Thường vụ Tỉnh ủy
-----
Thực hiện Kế hoạch số {parent} của Ban Thường vụ Tỉnh ủy, Ban Thường vụ {committee} ban hành kế hoạch
thực hiện trong đảng bộ (dữ liệu minh họa).

T/M BAN THƯỜNG VỤ
BÍ THƯ

{signer}
"""
# illustrative signers of the other committees' plans
SIGNERS = {
    BL2: "Đinh Văn Hòa",
    BLAO: "Võ Thị Ngân",
    DU_UB: "Lâm Quốc Bảo",
    DU_CQD: "Trương Thị Yến",
}


def working_days_ago(today: datetime.date, n: int) -> datetime.date:
    """The working day ``n`` working days before ``today``, as the calendar counts them:
    ``working_days_between(day, today) == n``. On a weekend or a holiday the count runs from
    the last working day (counted from the weekend itself, a Saturday seeding gave 19)."""
    day = today
    while not is_working_day(day):
        day -= datetime.timedelta(days=1)
    counted = 0
    while counted < n:
        day -= datetime.timedelta(days=1)
        counted += is_working_day(day)
    return day


def issue_plan(
    unit: Unit, day: datetime.date, title: str, template: str, **values: Any
) -> Document:
    """A plan the unit issues on ``day``, numbered from its outgoing register."""
    entry = documents.outgoing_register_take(
        actor=None, unit=unit, type_code="KH", kind="party", date=day, title=title
    )
    text = template.format(symbol=entry.symbol, day=day, **values)
    return documents.document_create_from_text(actor=None, unit=unit, text=text, outgoing=entry)


def _of(directive: Directive, units: dict[str, Unit], name: str) -> Assignment:
    return Assignment.objects.get(directive=directive, unit=units[name])


def _report(a: Assignment, on: datetime.date, text: str, figures: Any = ()) -> Any:
    return report_submit(actor=None, assignment=a, narrative=text, figures=figures, on=on)


def _ward_one(units: dict[str, Unit], d: Directive, plan: Document, w: Any) -> None:
    a = _of(d, units, BL1)
    assignment_acknowledge(actor=None, assignment=a, on=w(19))
    mine = issue_plan(
        units[BL1],
        w(12),
        "Kế hoạch thực hiện chuyển đổi số trong hoạt động của Đảng bộ phường",
        WARD_PLAN,
        parent=plan.reference,
        parent_day=plan.date,
    )
    today = timezone.localdate()
    tasks = [
        TaskSpec(
            unit=units[CELLS[0]],
            title="Cập nhật hồ sơ đảng viên lên phần mềm",
            deliverable="Báo cáo số hồ sơ đã cập nhật",
            due_date=add_working_days(today, 2),
            number="1",
        ),
        TaskSpec(
            unit=units[CELLS[1]],
            title="Sinh hoạt chuyên đề về chuyển đổi số",
            deliverable="Biên bản sinh hoạt chuyên đề",
            due_date=working_days_ago(today, 3),
            number="2",
        ),
    ]
    plan_tasks_assign(actor=None, assignment=a, plan=mine, tasks=tasks, sent_on=w(11))
    cell = Assignment.objects.get(directive=d, unit=units[CELLS[0]])
    task = cell.tasks.get()
    figures = [{"label": "Số hồ sơ đảng viên đã cập nhật", "value": 36}]
    text = "Chi bộ đã cập nhật hồ sơ của 36/36 đảng viên lên phần mềm."
    report = report_submit(
        actor=None, assignment=cell, task=task, narrative=text, figures=figures, on=w(4)
    )
    report_accept(actor=None, report=report, on=w(3))


def _answer_plan(units: dict[str, Unit], d: Directive, plan: Document, name: str, on: Any) -> None:
    """The committee ``name`` answers with its own plan, numbered in its register on ``on``."""
    mine = issue_plan(
        units[name],
        on,
        f"Kế hoạch thực hiện Kế hoạch số {plan.reference}",
        UNIT_PLAN,
        upper=name.upper(),
        committee=name,
        parent=plan.reference,
        parent_day=plan.date,
        signer=SIGNERS[name],
    )
    assignment_answer(actor=None, assignment=_of(d, units, name), kind="plan", document=mine, on=on)


def _others(units: dict[str, Unit], d: Directive, plan: Document, w: Any) -> None:
    """Phường 2 planned and reported (waiting for review); phường B'Lao's report was returned;
    Đảng ủy UBND tỉnh's was accepted; Đảng ủy các cơ quan Đảng planned; phường 3 did nothing."""
    two = _of(d, units, BL2)
    assignment_acknowledge(actor=None, assignment=two, on=w(19))
    _answer_plan(units, d, plan, BL2, w(13))
    figures = [{"label": "Số chi bộ đã triển khai", "value": 41}]
    _report(two, w(2), "Đảng ủy phường 2 Bảo Lộc đã triển khai kế hoạch tới 41 chi bộ.", figures)

    blao = _of(d, units, BLAO)
    assignment_acknowledge(actor=None, assignment=blao, on=w(18))
    _answer_plan(units, d, plan, BLAO, w(12))
    first = _report(blao, w(6), "Đảng ủy phường B'Lao đã triển khai kế hoạch.")
    reason = (
        "Báo cáo chưa nêu số chi bộ đã triển khai và số đảng viên được tập huấn; đề nghị bổ sung."
    )
    report_return(actor=None, report=first, reason=reason, on=w(5))

    ub = _of(d, units, DU_UB)
    assignment_acknowledge(actor=None, assignment=ub, on=w(18))
    _answer_plan(units, d, plan, DU_UB, w(14))
    figures = [{"label": "Số tổ chức cơ sở đảng đã triển khai", "value": 66}]
    report = _report(
        ub, w(7), "Đảng ủy UBND tỉnh đã triển khai tới 66 tổ chức cơ sở đảng.", figures
    )
    report_accept(actor=None, report=report, on=w(6))

    assignment_acknowledge(actor=None, assignment=_of(d, units, DU_CQD), on=w(17))
    _answer_plan(units, d, plan, DU_CQD, w(11))


def seed_live(units: dict[str, Unit]) -> None:
    """Create the live directive once (the first run's day fixes its dates)."""
    province = units[TU]
    if Directive.objects.filter(issuer=province).exists():
        return
    today = timezone.localdate()

    def w(n: int) -> datetime.date:
        return working_days_ago(today, n)

    title = f"Kế hoạch {SUBJECT}"
    plan = issue_plan(province, w(20), title, PROVINCE_PLAN, subject=SUBJECT)
    d = directive_create(actor=None, document=plan, issuer=province)
    requirements = [
        RequirementSpec("plan", days=10),
        RequirementSpec("report", date=add_working_days(today, 3)),
    ]
    recipients = [units[name] for name in (BL1, BL2, BL3, BLAO, DU_CQD, DU_UB)]
    directive_distribute(
        actor=None, directive=d, recipients=recipients, requirements=requirements, sent_on=w(20)
    )
    _ward_one(units, d, plan, w)
    _others(units, d, plan, w)
