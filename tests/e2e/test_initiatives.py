"""Browser: the three walks of issue 5 — a pilot to «partly completed, damage occurred» and
«mitigated» with the protection dossier downloaded; a rejected proposal; a head's proposal that
goes to the unit above. Several personas act, each in their own browser context."""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from django.apps import apps
from django.utils import timezone

from doimoi.compose.convert import docx_to_pdf
from doimoi.initiatives.demo import ensure_people
from doimoi.initiatives.dossier import case_events
from doimoi.initiatives.models import Case
from doimoi.initiatives.ruleset_data import seed_rule_sets
from doimoi.ledger.verify import verify
from tests.e2e.conftest import expect, htmx_idle

pytestmark = pytest.mark.usefixtures("fast_passwords")

PLAN = {
    "Sự cần thiết, mục đích, yêu cầu": "Đảng viên đi làm xa khó dự sinh hoạt chi bộ đầy đủ.",
    "Điểm nghẽn, nút thắt cần tháo gỡ": "Chưa có hướng dẫn sinh hoạt chi bộ trực tuyến.",
    "Nội dung, nhiệm vụ, giải pháp": "Sinh hoạt kết hợp trực tiếp và trực tuyến, có biên bản điện tử.",
    "Phạm vi, đối tượng thực hiện": "Chi bộ khu phố 1 và 2.",
    "Thời gian thực hiện": "04 tháng.",
    "Nguồn lực bảo đảm đề nghị": "20 triệu đồng; 01 cán bộ kỹ thuật.",
    "Tính khả thi": "Khu phố đã có mạng, đảng viên có điện thoại thông minh.",
    "Đánh giá tác động tích cực, tiêu cực": "Tăng tỷ lệ dự họp; cần bảo mật nội dung.",
    "Dự kiến hiệu quả": "Tỷ lệ đảng viên dự sinh hoạt đạt trên 90%.",
}


@pytest.fixture
def people(demo: dict[str, Any]) -> dict[str, Any]:
    """The demo units with the rule sets and the extra people of the initiatives demo."""
    seed_rule_sets(apps)
    ensure_people(demo)
    return demo


def _iso(day: datetime.date) -> str:
    return day.isoformat()


def _today() -> datetime.date:
    return timezone.localdate()


def _label(page: Any, text: str) -> Any:
    """The field labelled exactly ``text`` (a required field's label ends with a star)."""
    return page.get_by_label(re.compile(rf"^{re.escape(text)}\s*\*?$"))


def _open(page: Any, case_id: int) -> None:
    page.goto(f"/de-xuat/{case_id}/")


def _act(page: Any, case_id: int, action: str, fill: dict[str, str] | None = None) -> None:
    """Open the case, click an action, fill the form by label, confirm, land on the case."""
    _open(page, case_id)
    page.get_by_role("list", name="Việc tiếp theo").get_by_role(
        "link", name=action, exact=True
    ).click()
    for label, value in (fill or {}).items():
        field = _label(page, label)
        if field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(label=value)
        else:
            field.fill(value)
    page.get_by_role("button", name="Xác nhận").click()
    page.wait_for_url(f"**/de-xuat/{case_id}/")


def _state(page: Any) -> str:
    return page.get_by_test_id("case-state").inner_text()


def _propose(page: Any, title: str) -> int:
    page.goto("/de-xuat/")
    page.get_by_role("link", name="Viết đề xuất mới").click()
    regime = page.get_by_label("Chế độ áp dụng").locator("option:checked").inner_text()
    assert regime.startswith("Kết luận 14-KL/TW")  # a party committee: the party rule by default
    page.get_by_label("Tên đề xuất").fill(title)
    page.get_by_role("button", name="Tạo dự thảo").click()
    page.get_by_role("heading", name="Kế hoạch đề xuất").wait_for()
    case_id = int(re.search(r"/de-xuat/(\d+)/sua/", page.url).group(1))  # type: ignore[union-attr]
    for label, value in PLAN.items():
        page.get_by_label(label, exact=True).fill(value)
    page.get_by_label("Vấn đề đã được quy định chưa").select_option("not_regulated")
    page.get_by_label("Dự kiến hiệu quả").press("Tab")  # the last change autosaves too
    htmx_idle(page)  # and has answered: sending needs every field saved
    page.get_by_text("Đã lưu lúc").wait_for()
    page.get_by_role("link", name="Gửi người đứng đầu").click()
    page.get_by_role("button", name="Xác nhận").click()
    page.wait_for_url(f"**/de-xuat/{case_id}/")
    return case_id


def _review(head: Any, clerk: Any, case_id: int) -> None:
    _act(head, case_id, "Đưa ra tập thể lãnh đạo")
    _act(
        clerk,
        case_id,
        "Ghi ý kiến cấp ủy cùng cấp",
        {"Ý kiến": "Ban Thường vụ thống nhất chủ trương."},
    )
    _open(head, case_id)
    head.get_by_role("link", name="Rà soát điều kiện, tính hợp pháp").click()
    # all() does not wait: right after the click it could list the case page's (no) fields;
    # the button comes after the fields, so once it is there, they all are
    head.get_by_role("button", name="Xác nhận").wait_for()
    for select in head.locator("select[name$='_answer']").all():
        select.select_option("yes")
    for note in head.locator("textarea[name$='_note']").all():
        note.fill("Đáp ứng.")
    head.get_by_role("button", name="Xác nhận").click()
    head.wait_for_url(f"**/de-xuat/{case_id}/")


def _vote(head: Any, case_id: int, choices: dict[str, str]) -> None:
    _open(head, case_id)
    head.get_by_role("link", name="Ghi kết quả biểu quyết").click()
    expect(head.locator("select[name^='voter_']")).to_have_count(len(choices))
    for label, choice in choices.items():
        head.get_by_label(label).select_option(choice)
    head.get_by_role("button", name="Xác nhận").click()
    head.wait_for_url(f"**/de-xuat/{case_id}/")


@pytest.mark.django_db(transaction=True)
def test_pilot_partly_completed_with_damage_is_mitigated_and_the_dossier_proves_it(
    as_persona: Any, people: Any, artifacts: Path, tmp_path: Path
) -> None:
    proposer, head = as_persona("canbo.baoloc"), as_persona("bithu.baoloc")
    clerk, supervisor = as_persona("vanthu.baoloc"), as_persona("uvbtv.baoloc")
    today = _today()
    case_id = _propose(proposer, "Sinh hoạt chi bộ trực tuyến cho đảng viên đi làm xa")
    assert _state(proposer) == "Đã gửi, chờ người đứng đầu xem xét"
    _review(head, clerk, case_id)
    _vote(head, case_id, {"Trần Minh Khải (người đứng đầu)": "for",
                          "Nguyễn Thu Hà (cấp phó)": "for", "Lê Quang Vinh (cấp phó)": "against"})  # fmt: skip
    assert "2 tán thành, 1 không tán thành" in head.get_by_test_id("vote").inner_text()
    _act(head, case_id, "Quyết định cho thí điểm", {
        "Số, ký hiệu quyết định": "45-QĐ/ThU", "Nội dung quyết định": "Cho thí điểm 04 tháng.",
        "Phạm vi thí điểm": "Chi bộ khu phố 1 và 2.", "Thực hiện từ ngày": _iso(today),
        "Thực hiện đến ngày": _iso(today + datetime.timedelta(days=120)),
        "Nguồn lực được cấp": "20 triệu đồng.", "Chỉ tiêu đánh giá": "Trên 90% đảng viên dự họp.",
        "Các mốc báo cáo tiến độ": f"{today + datetime.timedelta(days=30):%d/%m/%Y}\n"
                                   f"{today + datetime.timedelta(days=60):%d/%m/%Y}",
        "Điều kiện dừng thí điểm": "Lộ nội dung sinh hoạt.", "Người giám sát": "Đỗ Văn Thường",
    })  # fmt: skip
    assert _state(head) == "Được phê duyệt thí điểm"
    _act(
        head, case_id, "Bố trí nguồn lực, triển khai", {"Nguồn lực đã bố trí": "Cấp 20 triệu đồng."}
    )
    for text in ("Tháng thứ nhất: 85% đảng viên dự họp.", "Tháng thứ hai: 88% đảng viên dự họp."):
        _act(
            proposer,
            case_id,
            "Báo cáo tiến độ",
            {"Nội dung: việc đã làm, kết quả so với chỉ tiêu": text},
        )
    _act(supervisor, case_id, "Ghi kết quả giám sát, kiểm tra",
         {"Kết quả, phát hiện": "Đường truyền chập chờn ở khu phố 2."})  # fmt: skip
    _act(proposer, case_id, "Kết thúc thực hiện")
    _act(
        proposer,
        case_id,
        "Báo cáo kết quả bằng văn bản",
        {"Báo cáo kết quả": "Đạt 88%, hỏng 01 thiết bị."},
    )
    _act(clerk, case_id, "Ghi ý kiến cấp ủy cùng cấp", {"Ý kiến": "Đồng ý đánh giá đạt một phần."})
    _open(head, case_id)
    head.get_by_role("link", name="Đánh giá kết quả").click()
    _label(head, "Kết quả").select_option(label="Hoàn thành một phần mục tiêu đề ra")
    head.get_by_label("Gây ra thiệt hại").check()
    head.get_by_label("Giá trị thiệt hại (đồng), nếu xác định được").fill("4500000")
    _label(head, "Nguyên nhân khách quan").fill("Hạ tầng mạng khu phố 2 yếu.")
    _label(head, "Nguyên nhân chủ quan").fill("Chưa kiểm tra thiết bị trước khi họp.")
    head.get_by_role("button", name="Xác nhận").click()
    head.wait_for_url(f"**/de-xuat/{case_id}/")
    assert "gây ra thiệt hại" in head.get_by_test_id("outcome").inner_text()
    _open(head, case_id)
    head.get_by_role("link", name="Kết luận bảo vệ cán bộ").click()
    _label(head, "Số, ký hiệu quyết định").fill("52-QĐ/ThU")
    head.get_by_label(
        "Cán bộ thực hiện đúng chủ trương, có động cơ trong sáng, vì lợi ích chung"
    ).check()
    _label(head, "Kết luận").select_option(label="Giảm nhẹ trách nhiệm")
    _label(head, "Lý do").fill("Làm đúng chủ trương, vì lợi ích chung; thiệt hại do hạ tầng.")
    head.get_by_role("button", name="Xác nhận").click()
    head.wait_for_url(f"**/de-xuat/{case_id}/")
    assert _state(head) == "Đã kết luận bảo vệ"
    assert "Giảm nhẹ trách nhiệm" in head.get_by_test_id("protection").inner_text()
    head.screenshot(path=str(artifacts / "initiative-protected.png"), full_page=True)
    with head.expect_download() as download:
        head.get_by_role("link", name="Tải hồ sơ (DOCX)").click()
    docx = tmp_path / "dossier.docx"
    download.value.save_as(docx)
    pdf = tmp_path / "dossier.pdf"
    pdf.write_bytes(docx_to_pdf(docx.read_bytes()))
    with pdfplumber.open(pdf) as document:
        text = "\n".join(page.extract_text() or "" for page in document.pages)
    flat = re.sub(r"\s+", "", text)
    case = Case.objects.get(pk=case_id)
    hashes = [e.hash for e in case_events(case)]
    assert len(hashes) >= 15 and all(h in flat for h in hashes)  # one per action; autosave: none
    assert "doimoi ledger verify" in text and "Giảm nhẹ trách nhiệm" in text
    assert verify().ok


@pytest.mark.django_db(transaction=True)
def test_a_rejected_proposal_of_a_deputy(as_persona: Any, people: Any) -> None:
    deputy, head, clerk = (
        as_persona("phobithu.baoloc"),
        as_persona("bithu.baoloc"),
        as_persona("vanthu.baoloc"),
    )
    case_id = _propose(deputy, "Khoán chi hội nghị cho các ban")
    _act(head, case_id, "Đưa ra tập thể lãnh đạo")
    _act(clerk, case_id, "Ghi ý kiến cấp ủy cùng cấp", {"Ý kiến": "Chưa đồng tình."})
    _vote(
        head,
        case_id,
        {"Trần Minh Khải (người đứng đầu)": "against", "Lê Quang Vinh (cấp phó)": "for"},
    )
    vote = head.get_by_test_id("vote").inner_text()
    assert "ngang nhau" in vote and "không thông qua" in vote and "Nguyễn Thu Hà" not in vote
    _act(head, case_id, "Quyết định không phê duyệt",
         {"Số, ký hiệu quyết định": "46-QĐ/ThU", "Lý do": "Chưa bảo đảm nguồn kinh phí."})  # fmt: skip
    assert _state(head) == "Không được phê duyệt"
    _open(deputy, case_id)
    assert "46-QĐ/ThU" in deputy.get_by_test_id("decision").inner_text()
    assert deputy.get_by_text("Bạn không có việc cần làm ở bước này.").count() == 1
    assert verify().ok


@pytest.mark.django_db(transaction=True)
def test_a_heads_proposal_goes_to_the_unit_above(as_persona: Any, people: Any) -> None:
    head = as_persona("bithu.baoloc")
    case_id = _propose(head, "Liên thông dữ liệu đảng viên với các đảng ủy cơ sở")
    assert (
        "Tỉnh ủy Lâm Đồng (từ 01/7/2025) — Nguyễn Đức Trung"
        in head.get_by_test_id("decider").inner_text()
    )
    assert head.get_by_text("Bạn không có việc cần làm ở bước này.").count() == 1
    province = as_persona("bithu.tinhuy")
    province.goto("/")
    panel = province.get_by_test_id("initiative-deadlines")
    assert "Liên thông dữ liệu đảng viên" in panel.inner_text()
    panel.get_by_role("link", name="Liên thông dữ liệu đảng viên với các đảng ủy cơ sở").click()
    # the link leads to the case (and _act's goto must not cancel the page the click opens)
    province.wait_for_url(f"**/de-xuat/{case_id}/")
    _act(province, case_id, "Đưa ra tập thể lãnh đạo")
    assert _state(province) == "Tập thể lãnh đạo đang xem xét"
    assert verify().ok
