"""Browser: send a document to three units, answer as one with a plan and a forward to two more,
report, return the report, issue the urging dispatch and open it (acceptance 2).

It runs on the units of the tree after the 2025 reorganization, which are active today, so the
urging dispatch can take today's number; the sending is dated August 2025, so the deadlines have
passed and the late units are real.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model

from doimoi.documents import services as documents
from doimoi.organizations import services as organizations
from doimoi.organizations.models import Role, Unit, UnitKind, UnitLevel
from tests.directives.docx_text import docx_lines
from tests.e2e.conftest import login

PROVINCE = "Tỉnh ủy Lâm Đồng (từ 01/7/2025)"
WARD = "Đảng ủy phường 1 Bảo Lộc"
RECIPIENTS = (
    "Đảng ủy các cơ quan Đảng tỉnh Lâm Đồng",
    "Đảng ủy Ủy ban nhân dân tỉnh Lâm Đồng",
    WARD,
)
CELLS = ("Chi bộ tổ dân phố 3", "Chi bộ tổ dân phố 4")
PROVINCE_PLAN = """TỈNH ỦY LÂM ĐỒNG
*
Số 05-KH/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Lâm Đồng, ngày 04 tháng 8 năm 2025

KẾ HOẠCH
triển khai thực hiện Kết luận số 14-KL/TW, ngày 22/9/2021 của Bộ Chính trị
-----
Ban Thường vụ Tỉnh ủy ban hành kế hoạch triển khai thực hiện Kết luận số 14-KL/TW.

T/M BAN THƯỜNG VỤ
BÍ THƯ

Nguyễn Văn A
"""
WARD_PLAN = """ĐẢNG BỘ TỈNH LÂM ĐỒNG
ĐẢNG ỦY PHƯỜNG 1 BẢO LỘC
*
Số 07-KH/ĐU
ĐẢNG CỘNG SẢN VIỆT NAM
Bảo Lộc, ngày 08 tháng 8 năm 2025

KẾ HOẠCH
thực hiện Kế hoạch số 05-KH/TU, ngày 04/8/2025 của Ban Thường vụ Tỉnh ủy
-----
Đảng ủy phường ban hành kế hoạch quán triệt tới các chi bộ.

T/M ĐẢNG ỦY
BÍ THƯ

Trần Văn B
"""


def _person(username: str, unit_name: str, role: str) -> None:
    user = get_user_model().objects.create_user(username=username, password="doimoi-demo")
    person = organizations.person_create(actor=None, full_name=username, user=user)
    unit = Unit.objects.get(name=unit_name)
    organizations.membership_create(
        actor=None,
        person=person,
        unit=unit,
        role=role,
        position_title="",
        valid_from=unit.valid_from,
    )


def _setup() -> None:
    ward = Unit.objects.get(name=WARD)
    for name in CELLS:
        organizations.unit_create(
            actor=None,
            parent=ward,
            name=name,
            short_name="",
            code="CB",
            kind=UnitKind.PARTY_CELL,
            level=UnitLevel.CELL,
            valid_from=ward.valid_from,
            valid_to=None,
            member_count=20,
        )
    # vanthu.tinhuy, the provincial office's clerk, is a demo persona
    _person("bithu.phuong1bl", WARD, Role.HEAD)
    documents.document_create_from_text(
        actor=None, unit=Unit.objects.get(name=PROVINCE), text=PROVINCE_PLAN
    )


def _as(new_page: Any, username: str) -> Any:
    page = new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    login(page, username)
    return page


def _send(page: Any) -> None:
    page.goto("/chi-dao/")
    page.get_by_role("link", name="Tạo văn bản chỉ đạo").click()
    page.get_by_label(re.compile("^Văn bản")).select_option(index=1)  # 05-KH/TU, the only one
    page.get_by_label("Đơn vị chỉ đạo (gửi văn bản xuống)").select_option(label=PROVINCE)
    page.get_by_role("button", name="Tiếp tục").click()
    for name in RECIPIENTS:
        page.get_by_label(name, exact=True).check()
    page.get_by_label("Ban hành kế hoạch thực hiện: trong số ngày làm việc").fill("10")
    page.get_by_label("Báo cáo kết quả thực hiện: hoặc trước ngày").fill("2025-09-30")
    page.get_by_label("Ngày gửi").fill("2025-08-05")
    page.get_by_role("button", name="Gửi", exact=True).click()
    page.get_by_test_id("rollup").wait_for()


def _answer_forward_report(page: Any) -> None:
    page.goto("/")
    page.get_by_role("link", name="05-KH/TU", exact=False).first.click()
    page.get_by_role("heading", name=WARD, level=1).wait_for()
    page.get_by_role("link", name="Ghi kế hoạch, quán triệt").click()
    page.get_by_label(re.compile("^Đơn vị đã")).select_option("plan")
    page.get_by_label("Hoặc dán nội dung văn bản", exact=False).fill(WARD_PLAN)
    page.get_by_role("button", name="Gửi").click()
    page.get_by_text("Đã ghi nhận kết quả thực hiện.").wait_for()
    page.get_by_role("link", name="Sao gửi tới đơn vị trực thuộc").click()
    page.get_by_label("Văn bản đơn vị đã ban hành").select_option(index=1)
    for name in CELLS:
        page.get_by_label(name, exact=True).check()
    page.get_by_label("Tổ chức quán triệt: trong số ngày làm việc").fill("5")
    page.get_by_label("Ngày gửi").fill("2025-08-11")
    page.get_by_role("button", name="Sao gửi").click()
    page.get_by_text("Đã sao gửi tới các đơn vị trực thuộc.").wait_for()
    page.get_by_role("link", name="Báo cáo kết quả").click()
    page.get_by_label("Nội dung báo cáo").fill(
        "Đã ban hành Kế hoạch 07-KH/ĐU và quán triệt tới hai chi bộ."
    )
    page.get_by_label("Số liệu", exact=False).fill("Số chi bộ đã quán triệt: 2")
    page.get_by_role("button", name="Gửi").click()
    assert page.get_by_test_id("assignment-state").inner_text().startswith("Đã báo cáo")


def _return_and_urge(page: Any, artifacts: Path) -> bytes:
    page.goto("/chi-dao/")
    page.get_by_role("link", name="05-KH/TU", exact=False).first.click()
    page.get_by_role("link", name=WARD, exact=True).first.click()
    page.get_by_label("Trả lại báo cáo").check()
    page.get_by_label("Lý do trả lại").fill("Chưa nêu số đảng viên được quán triệt.")
    page.get_by_role("button", name="Ghi ý kiến").click()
    page.get_by_text("Lý do trả lại: Chưa nêu số đảng viên được quán triệt.").wait_for()
    page.get_by_role("link", name="05-KH/TU", exact=False).first.click()
    # the shot is of the directive's page, not of the one the click left
    page.get_by_test_id("rollup").wait_for()
    page.screenshot(path=str(artifacts / "directive-cascade.png"), full_page=True)
    page.get_by_role("link", name="Tạo công văn đôn đốc").click()
    page.get_by_label("Chức vụ người ký").fill("Phó Bí thư")
    page.get_by_label("Họ tên người ký").fill("Nguyễn Văn C")
    page.get_by_role("button", name="Lấy số và ban hành công văn đôn đốc").click()
    assert page.get_by_test_id("urging-reference").inner_text() == "01-CV/TU"
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải công văn (DOCX)").click()
    return Path(download.value.path()).read_bytes()


@pytest.mark.django_db(transaction=True)
def test_cascade_in_the_browser(new_page: Any, demo: Any, artifacts: Path) -> None:
    _setup()
    clerk = _as(new_page, "vanthu.tinhuy")
    _send(clerk)
    _answer_forward_report(_as(new_page, "bithu.phuong1bl"))
    content = _return_and_urge(clerk, artifacts)
    (artifacts / "cong-van-don-doc.docx").write_bytes(content)
    lines = docx_lines(content)
    assert "Số 01-CV/TU" in lines and "TỈNH ỦY LÂM ĐỒNG" in lines
    text = "\n".join(lines)
    for name in RECIPIENTS:  # two never planned; phường 1's report was returned
        assert name in text, name
    assert "báo cáo đã gửi bị trả lại" in text
