"""Browser: each persona's daily task, dated today, through the pages (issue 9, acceptance 1).

On the demo as installed today (the 2025 tree and the live directive seeded from today): the ward's
clerk takes an outgoing number and registers an arrival; the provincial office sends a directive;
the ward answers with a plan and reports; the office returns the report, then accepts the report
sent again, and issues an urging letter to the late ward; a cadre submits a proposal; the head puts
it to the collective; the inspector and the unit admin open their pages. Nothing is refused for
its date. Screenshots go to test-artifacts/ (the
user guide in docs/guide/ uses them).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.utils import timezone

from doimoi.directives.demo_live import PROVINCE_PLAN, seed_live
from doimoi.initiatives.demo import ensure_people
from doimoi.initiatives.ruleset_data import seed_rule_sets
from doimoi.organizations.models import Unit
from tests.e2e.conftest import expect, htmx_idle

pytestmark = pytest.mark.usefixtures("fast_passwords")

PROVINCE, WARD = "Tỉnh ủy Lâm Đồng (từ 01/7/2025)", "Đảng ủy phường 1 Bảo Lộc"
RECIPIENTS = (WARD, "Đảng ủy phường 2 Bảo Lộc")
SUBJECT = "tổ chức hội nghị học tập, quán triệt nghị quyết của Tỉnh ủy"
REFUSED = re.compile("nằm ngoài thời gian hoạt động|không hoạt động vào ngày")
PLAN = {
    "Sự cần thiết, mục đích, yêu cầu": "Đảng viên đi làm xa khó dự sinh hoạt chi bộ đầy đủ.",
    "Điểm nghẽn, nút thắt cần tháo gỡ": "Chưa có hướng dẫn sinh hoạt chi bộ trực tuyến.",
    "Nội dung, nhiệm vụ, giải pháp": "Sinh hoạt kết hợp trực tiếp và trực tuyến, có biên bản điện tử.",
    "Phạm vi, đối tượng thực hiện": "Chi bộ khu phố Lộc Phát và Chi bộ thôn Lộc Thanh.",
    "Thời gian thực hiện": "04 tháng.",
    "Nguồn lực bảo đảm đề nghị": "20 triệu đồng; 01 cán bộ kỹ thuật.",
    "Tính khả thi": "Khu phố đã có mạng, đảng viên có điện thoại thông minh.",
    "Đánh giá tác động tích cực, tiêu cực": "Tăng tỷ lệ dự họp; cần bảo mật nội dung.",
    "Dự kiến hiệu quả": "Tỷ lệ đảng viên dự sinh hoạt đạt trên 90%.",
}
WARD_PLAN = """ĐẢNG BỘ TỈNH LÂM ĐỒNG
ĐẢNG ỦY PHƯỜNG 1 BẢO LỘC
*
Số {symbol}
ĐẢNG CỘNG SẢN VIỆT NAM
Bảo Lộc, ngày {day:%d} tháng {day:%m} năm {day:%Y}

KẾ HOẠCH
thực hiện Kế hoạch số {parent} của Ban Thường vụ Tỉnh ủy
-----
Ban Thường vụ Đảng ủy phường ban hành kế hoạch tổ chức hội nghị học tập, quán triệt tới các chi bộ.

T/M BAN THƯỜNG VỤ
BÍ THƯ

Trần Minh Khải
"""
ARRIVAL = """ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM
TỈNH LÂM ĐỒNG
Số {n}/MTTQ-BTT
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Lâm Đồng, ngày {day:%d} tháng {day:%m} năm {day:%Y}

V/v phối hợp tuyên truyền chuyển đổi số ở khu dân cư

Kính gửi: Đảng ủy phường 1 Bảo Lộc.

Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh đề nghị Đảng ủy phường phối hợp tuyên
truyền chuyển đổi số ở khu dân cư (dữ liệu minh họa).

TM. BAN THƯỜNG TRỰC
PHÓ CHỦ TỊCH

Lê Văn Mặt
"""


@pytest.fixture
def installed(demo: dict[str, Any]) -> dict[str, Any]:
    """The demo as ``make run`` installs it today: people, rule sets, the live directive."""
    seed_rule_sets(apps)
    ensure_people(demo)
    seed_live(demo)
    return demo


def _shot(page: Any, artifacts: Path, name: str) -> None:
    page.screenshot(path=str(artifacts / f"daily-{name}.png"), full_page=True)


def _not_refused(page: Any) -> None:
    body = page.locator("main").inner_text()
    assert not REFUSED.search(body), body[:2000]


def _take_number(page: Any, type_code: str, title: str) -> str:
    """The clerk takes today's next number in her ward's outgoing register."""
    page.get_by_role("navigation", name="Điều hướng chính").get_by_role(
        "link", name="Văn bản"
    ).click()
    page.get_by_role("link", name="Sổ văn bản đi").first.click()
    # the documents page has a level-1 heading too: wait for the register's, of her unit of today
    expect(page.get_by_role("heading", level=1)).to_contain_text(WARD)
    page.get_by_text("Lấy số văn bản đi").click()
    page.get_by_label("Khối").select_option("party")
    page.get_by_label("Mã loại văn bản").fill(type_code)
    assert page.get_by_label("Ngày văn bản").input_value() == timezone.localdate().isoformat()
    page.get_by_label("Trích yếu").fill(title)
    with page.expect_navigation():  # then the reads below are of the page the form answered
        page.get_by_role("button", name="Lấy số").click()
    message = page.locator(".messages").inner_text()
    _not_refused(page)
    found = re.search(r"Đã lấy số (\S+)\.", message)
    assert found, message
    return found.group(1)


def _register_arrival(page: Any, artifacts: Path, tmp_path: Path, ward: Unit) -> None:
    today = timezone.localdate()
    letter = tmp_path / "cong-van-mttq.txt"
    letter.write_text(ARRIVAL.format(n=100 + today.day, day=today), encoding="utf-8")
    page.goto("/van-ban/nhap/")
    page.get_by_label("Đơn vị nhận văn bản").select_option(str(ward.pk))
    page.locator("#id_files").set_input_files([str(letter)])
    page.locator(".upload-item progress").first.wait_for()
    page.get_by_role("button", name="Nhập các tệp đã chọn").click()
    page.wait_for_url("**/van-ban/nhap/*/")
    page.locator("#job-progress[data-status=done]").wait_for(timeout=60_000)
    page.goto(f"/van-ban/so-den/?unit={ward.pk}")
    row = page.locator("table.register tbody tr", has_text="MTTQ-BTT")
    assert today.strftime("%d/%m/%Y") in row.inner_text()
    _shot(page, artifacts, "clerk-incoming-register")


def _send(page: Any, artifacts: Path, reference: str) -> None:
    page.goto("/chi-dao/")
    page.get_by_role("link", name="Tạo văn bản chỉ đạo").click()
    documents = page.get_by_label(re.compile("^Văn bản"))
    value = documents.locator("option", has_text=reference).get_attribute("value")
    documents.select_option(value)
    page.get_by_label("Đơn vị chỉ đạo (gửi văn bản xuống)").select_option(label=PROVINCE)
    page.get_by_role("button", name="Tiếp tục").click()
    for name in RECIPIENTS:
        page.get_by_label(name, exact=True).check()
    page.get_by_label("Ban hành kế hoạch thực hiện: trong số ngày làm việc").fill("10")
    page.get_by_label("Báo cáo kết quả thực hiện: trong số ngày làm việc").fill("20")
    page.get_by_label("Ngày gửi").fill(timezone.localdate().isoformat())
    _shot(page, artifacts, "office-send")
    with page.expect_navigation():  # else _not_refused would read the form that was sent
        page.get_by_role("button", name="Gửi", exact=True).click()
    _not_refused(page)
    page.get_by_test_id("rollup").wait_for()


def _open_assignment(page: Any, reference: str) -> None:
    page.goto("/")
    page.get_by_role("link", name=reference, exact=False).first.click()
    page.get_by_role("heading", name=WARD, level=1).wait_for()


def _answer_and_report(page: Any, artifacts: Path, reference: str, plan_symbol: str) -> None:
    _open_assignment(page, reference)
    page.get_by_role("link", name="Ghi kế hoạch, quán triệt").click()
    page.get_by_label(re.compile("^Đơn vị đã")).select_option("plan")
    text = WARD_PLAN.format(symbol=plan_symbol, day=timezone.localdate(), parent=reference)
    page.get_by_label("Hoặc dán nội dung văn bản", exact=False).fill(text)
    with page.expect_navigation():
        page.get_by_role("button", name="Gửi").click()
    _not_refused(page)
    page.get_by_text("Đã ghi nhận kết quả thực hiện.").wait_for()
    _report(page, "Đã ban hành kế hoạch và tổ chức hội nghị quán triệt tại 74 tổ chức đảng.")
    _shot(page, artifacts, "ward-report")


def _report(page: Any, text: str) -> None:
    page.get_by_role("link", name="Báo cáo kết quả").click()
    page.get_by_label("Nội dung báo cáo").fill(text)
    page.get_by_label("Số liệu", exact=False).fill("Số tổ chức đảng đã quán triệt: 74")
    with page.expect_navigation():
        page.get_by_role("button", name="Gửi").click()
    _not_refused(page)
    assert page.get_by_test_id("assignment-state").inner_text().startswith("Đã báo cáo")


def _review(page: Any, reference: str, decision: str, reason: str = "") -> None:
    page.goto("/chi-dao/")
    page.get_by_role("link", name=reference, exact=False).first.click()
    page.get_by_role("link", name=WARD, exact=True).first.click()
    page.get_by_label(decision).check()
    if reason:
        page.get_by_label("Lý do trả lại").fill(reason)
    with page.expect_navigation():
        page.get_by_role("button", name="Ghi ý kiến").click()
    _not_refused(page)


def _urge(page: Any, artifacts: Path, live_reference: str) -> None:
    page.goto("/chi-dao/")
    page.get_by_role("link", name=live_reference, exact=False).first.click()
    assert "Đảng ủy phường 3 Bảo Lộc" in page.get_by_test_id("late-units").inner_text()
    page.get_by_role("link", name="Tạo công văn đôn đốc").click()
    page.get_by_label("Chức vụ người ký").fill("Phó Bí thư")
    page.get_by_label("Họ tên người ký").fill("Huỳnh Thị Mai")
    _shot(page, artifacts, "office-urging-form")
    with page.expect_navigation():
        page.get_by_role("button", name="Lấy số và ban hành công văn đôn đốc").click()
    _not_refused(page)
    assert page.get_by_test_id("urging-reference").inner_text().endswith("-CV/TU")
    _shot(page, artifacts, "office-urging")


def _propose(page: Any, artifacts: Path, title: str) -> int:
    page.goto("/de-xuat/")
    page.get_by_role("link", name="Viết đề xuất mới").click()
    page.get_by_label("Tên đề xuất").fill(title)
    page.get_by_role("button", name="Tạo dự thảo").click()
    page.get_by_role("heading", name="Kế hoạch đề xuất").wait_for()
    case_id = int(re.search(r"/de-xuat/(\d+)/sua/", page.url).group(1))  # type: ignore[union-attr]
    for label, value in PLAN.items():
        page.get_by_label(label, exact=True).fill(value)
    page.get_by_label("Vấn đề đã được quy định chưa").select_option("not_regulated")
    page.get_by_label("Dự kiến hiệu quả").press("Tab")
    htmx_idle(page)  # the autosave of the last change has answered (sending needs every field)
    page.get_by_text("Đã lưu lúc").wait_for()
    _shot(page, artifacts, "cadre-plan")
    page.get_by_role("link", name="Gửi người đứng đầu").click()
    page.get_by_role("button", name="Xác nhận").click()
    page.wait_for_url(f"**/de-xuat/{case_id}/")
    return case_id


def _to_collective(page: Any, artifacts: Path, case_id: int) -> None:
    page.goto(f"/de-xuat/{case_id}/")
    page.get_by_role("list", name="Việc tiếp theo").get_by_role(
        "link", name="Đưa ra tập thể lãnh đạo", exact=True
    ).click()
    page.get_by_role("button", name="Xác nhận").click()
    page.wait_for_url(f"**/de-xuat/{case_id}/")
    _not_refused(page)
    _shot(page, artifacts, "head-collective")


@pytest.mark.django_db(transaction=True)
def test_every_persona_does_the_days_work_dated_today(
    installed: dict[str, Any], as_persona: Any, artifacts: Path, tmp_path: Path
) -> None:
    from doimoi.directives.demo_live import issue_plan
    from doimoi.directives.models import Directive

    today = timezone.localdate()
    province, ward = installed[PROVINCE], installed[WARD]
    live = Directive.objects.get(issuer=province).document.reference
    sent = issue_plan(province, today, f"Kế hoạch {SUBJECT}", PROVINCE_PLAN, subject=SUBJECT)

    # the ward's clerk: today's outgoing number, then an arrival in today's incoming register
    clerk = as_persona("vanthu.baoloc")
    _shot(clerk, artifacts, "clerk-home")
    plan_symbol = _take_number(clerk, "KH", "Kế hoạch tổ chức hội nghị học tập, quán triệt")
    assert plan_symbol.endswith("-KH/ĐU")
    _shot(clerk, artifacts, "clerk-outgoing-register")
    _register_arrival(clerk, artifacts, tmp_path, ward)

    # the provincial office sends today's plan down to two wards
    office = as_persona("vanthu.tinhuy")
    _send(office, artifacts, sent.reference)
    _shot(office, artifacts, "office-directive")

    # the ward answers with its plan (the number the clerk took) and reports
    head = as_persona("bithu.baoloc")
    _answer_and_report(head, artifacts, sent.reference, plan_symbol)

    # the office returns the report; the ward reports again; the office accepts it
    _review(office, sent.reference, "Trả lại báo cáo", "Chưa nêu số đảng viên được quán triệt.")
    office.get_by_text("Lý do trả lại: Chưa nêu số đảng viên được quán triệt.").wait_for()
    _open_assignment(head, sent.reference)
    _report(head, "Báo cáo bổ sung: 1.362 đảng viên đã được quán triệt.")
    _review(office, sent.reference, "Chấp nhận báo cáo")
    _shot(office, artifacts, "office-review")
    # and urges the ward that is late on the live directive
    _urge(office, artifacts, live)

    # a cadre of the ward submits a proposal; the head puts it to the collective
    cadre = as_persona("canbo.baoloc")
    case_id = _propose(cadre, artifacts, "Sinh hoạt chi bộ trực tuyến cho đảng viên đi làm xa")
    _to_collective(head, artifacts, case_id)

    # the inspector sees the proposals of the units under the provincial committee
    inspector = as_persona("kiemtra.tinhuy")
    inspector.goto("/de-xuat/")
    inspector.get_by_role("link", name="Sinh hoạt chi bộ trực tuyến", exact=False).first.wait_for()
    _shot(inspector, artifacts, "inspector-cases")
    # the unit admin opens the ward's page: its members today, its history, the change links
    admin = as_persona("quantri.lamdong")
    admin.get_by_role("navigation", name="Điều hướng chính").get_by_role(
        "link", name="Tổ chức"
    ).click()
    admin.get_by_role("heading", name="Cây tổ chức").wait_for()  # not a shot of the page before
    _shot(admin, artifacts, "admin-tree")
    province = admin.get_by_role("treeitem").filter(
        has=admin.get_by_role("link", name=PROVINCE, exact=True)
    )
    province.locator("summary").first.click()  # the tree opens one level at a time
    admin.get_by_role("link", name=WARD, exact=True).first.click()
    admin.get_by_role("cell", name="Trần Minh Khải").first.wait_for()
    expect(admin.get_by_role("link", name="Sửa", exact=True)).to_have_count(1)
    _shot(admin, artifacts, "admin-unit")

    from doimoi.directives.models import Assignment, Report
    from doimoi.initiatives.models import Case

    a = Assignment.objects.get(directive__document=sent, unit=ward)
    assert a.plan_on == today and a.received_on == today
    states = list(Report.objects.filter(assignment=a).values_list("state", flat=True))
    assert sorted(states) == ["accepted", "returned"]
    case = Case.objects.get(pk=case_id)
    assert case.submitted_on == today and case.state == "under_review"
