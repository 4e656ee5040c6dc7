"""Browser: a clerk uploads the three seeds, sees five documents, corrects a field, follows the
citation graph from 14-KL/TW down to 64-KH/ThU's parent, and searches without accents."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.documents.files import SEEDS
from tests.e2e.conftest import login


@pytest.mark.django_db(transaction=True)
def test_upload_review_graph_and_search(page: Any, demo: Any, artifacts: Path) -> None:
    login(page, "quantri.lamdong")
    nav = page.get_by_role("navigation", name="Điều hướng chính")
    nav.get_by_role("link", name="Văn bản").click()
    page.get_by_role("link", name="Nhập văn bản").first.click()
    page.wait_for_url("**/van-ban/nhap/")
    page.wait_for_load_state("load")  # the page's script draws the bars when files are chosen
    page.get_by_label("Đơn vị nhận văn bản").select_option(label="Tỉnh ủy Lâm Đồng (TU, 1976–2025)")
    page.locator("#id_files").set_input_files([str(p) for p in SEEDS])
    page.locator(".upload-item progress").nth(2).wait_for()  # the script draws one bar per file
    assert page.locator(".upload-item progress").count() == 3
    page.screenshot(path=str(artifacts / "documents-upload.png"), full_page=True)
    page.get_by_role("button", name="Nhập các tệp đã chọn").click()
    page.wait_for_url("**/van-ban/nhap/*/")
    page.locator("#job-progress[data-status=done]").wait_for(timeout=60_000)
    assert "5 văn bản mới" in page.locator("#job-progress").inner_text()
    page.screenshot(path=str(artifacts / "documents-ingest-done.png"), full_page=True)

    page.get_by_role("link", name="Xem danh sách văn bản").click()
    assert page.get_by_test_id("document-count").inner_text().startswith("5 ")
    page.screenshot(path=str(artifacts / "documents-list.png"), full_page=True)

    # correct one field the parser could not read (the signer's title of 1335-CV/TU)
    page.get_by_role("link", name="1335-CV/TU").click()
    page.get_by_role("link", name="Kiểm tra, sửa thông tin").click()
    page.get_by_label("Chức vụ người ký").fill("PHÓ BÍ THƯ")
    page.screenshot(path=str(artifacts / "documents-review.png"), full_page=True)
    page.get_by_role("button", name="Lưu và xác nhận").click()
    page.get_by_text("Đã lưu và xác nhận thông tin văn bản.").wait_for()
    assert "Đã kiểm tra" in page.locator(".facts").inner_text()

    # the graph: 14-KL/TW → 78-KH/BTGTU (not here yet) → 64-KH/ThU
    page.locator(".citation-graph a", has_text="14-KL/TW").click()
    page.get_by_role("heading", name="Kết luận 14-KL/TW").wait_for()
    outline = page.get_by_test_id("outline").inner_text()
    for reference in ("1335-CV/TU", "287-CV/ĐUK", "78-KH/BTGTU", "64-KH/ThU"):
        assert reference in outline
    page.screenshot(path=str(artifacts / "documents-graph.png"), full_page=True)
    page.locator(".citation-graph a", has_text="78-KH/BTGTU").click()
    page.get_by_test_id("placeholder-note").wait_for()
    page.locator(".citation-graph a", has_text="64-KH/ThU").click()
    page.get_by_role("heading", name="Kế hoạch 64-KH/ThU").wait_for()

    # search without accents
    page.get_by_role("link", name="Danh sách, tìm kiếm").click()
    page.get_by_label("Tìm trong nội dung").fill("dang uy khoi doanh nghiep")
    page.locator("ol.hits").wait_for()
    first = page.locator("ol.hits li").first
    assert "287-CV/ĐUK" in first.inner_text()
    assert first.locator("mark").count() > 0
    page.screenshot(path=str(artifacts / "documents-search.png"), full_page=True)


@pytest.mark.django_db(transaction=True)
def test_merge_a_document_received_twice_and_register_an_archive_on_request(
    page: Any, demo: Any, artifacts: Path, tmp_path: Path
) -> None:
    """The ward's clerk uploads plan 64 twice (once with its date left blank: read as another
    document), merges them after confirming, then enters an old plan in the register by hand."""
    plan = SEEDS[0].read_text(encoding="utf-8")
    twice = [tmp_path / "ke-hoach-64.txt", tmp_path / "ke-hoach-64-ban-luu.txt"]
    twice[0].write_text(plan, encoding="utf-8")
    blank = plan.replace("ngày 04 tháng 5 năm 2022", "ngày     tháng     năm 2022")
    twice[1].write_text(blank, encoding="utf-8")
    login(page, "vanthu.baoloc")
    page.goto("/van-ban/nhap/")
    page.get_by_label("Vào sổ văn bản đến năm nay cả văn bản ban hành trước năm nay").check()
    page.locator("#id_files").set_input_files([str(p) for p in twice])
    page.get_by_role("button", name="Nhập các tệp đã chọn").click()
    page.wait_for_url("**/van-ban/nhap/*/")
    page.locator("#job-progress[data-status=done]").wait_for(timeout=60_000)
    assert "2 văn bản mới" in page.locator("#job-progress").inner_text()

    page.locator("#job-progress a", has_text="64-KH/ThU").last.click()
    namesakes = page.get_by_test_id("namesakes")
    namesakes.wait_for()
    page.screenshot(path=str(artifacts / "documents-namesakes.png"), full_page=True)
    namesakes.get_by_role("link", name="Gộp văn bản này vào 64-KH/ThU").click()
    assert "bị hủy" in page.get_by_test_id("merge-plan").inner_text()
    page.screenshot(path=str(artifacts / "documents-merge-confirm.png"), full_page=True)
    page.get_by_label("Tôi đã xem hai văn bản: đây là cùng một văn bản.").check()
    page.get_by_role("button", name="Gộp văn bản").click()
    page.get_by_text("Đã gộp: 64-KH/ThU").wait_for()
    copies = page.locator("#copies-heading + ul").inner_text()
    assert "ke-hoach-64.txt" in copies and "ke-hoach-64-ban-luu.txt" in copies
    page.screenshot(path=str(artifacts / "documents-merged.png"), full_page=True)

    # an old plan uploaded as an archive: no arrival until the clerk asks on its page
    page.goto("/van-ban/nhap/")
    page.locator("#id_files").set_input_files([str(SEEDS[1])])
    page.get_by_role("button", name="Nhập các tệp đã chọn").click()
    page.locator("#job-progress[data-status=done]").wait_for(timeout=60_000)
    assert "không vào sổ văn bản đến năm nay" in page.locator("#job-progress").inner_text()
    page.locator("#job-progress a", has_text="39-KH/ĐUK").click()
    page.get_by_test_id("unregistered").wait_for()
    page.screenshot(path=str(artifacts / "documents-archive-register.png"), full_page=True)
    page.get_by_role("button", name="Vào sổ văn bản đến của Đảng ủy phường 1 Bảo Lộc").click()
    page.get_by_text("Đã vào sổ văn bản đến của Đảng ủy phường 1 Bảo Lộc").wait_for()
