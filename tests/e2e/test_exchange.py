"""Browser: an administrator uploads an .edxml packet with the other ingest formats, finds the
document with the sender's metadata and the exchange section, and sends it on as edXML."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from doimoi.exchange.demo import seed_demo as seed_codes
from doimoi.exchange.selectors import code_of
from tests.documents.files import PLAN_64, seed_text
from tests.e2e.conftest import login
from tests.exchange.shapes import document_packet

BAO_LOC, BTG = "Thành ủy Bảo Lộc", "Ban Tuyên giáo Thành ủy Bảo Lộc"


@pytest.mark.django_db(transaction=True)
def test_upload_a_packet_then_send_it_on(
    page: Any, demo: Any, artifacts: Path, tmp_path: Path, settings: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    seed_codes(demo)
    packet = tmp_path / "ke-hoach-64.edxml"
    packet.write_bytes(
        document_packet(
            sender=(code_of(demo[BAO_LOC]), BAO_LOC),
            to=(code_of(demo[BTG]), BTG),
            attachments=[("ke-hoach-64.txt", seed_text(PLAN_64).encode())],
        )
    )
    login(page, "admin")
    page.goto("/van-ban/nhap/")
    page.get_by_label("Đơn vị nhận văn bản").select_option(value=str(demo[BTG].pk))
    page.locator("#id_files").set_input_files([str(packet)])
    page.get_by_role("button", name="Nhập các tệp đã chọn").click()
    page.wait_for_url("**/van-ban/nhap/*/")
    page.locator("#job-progress[data-status=done]").wait_for(timeout=60_000)
    assert "qua liên thông" in page.locator("#job-progress").inner_text()

    page.goto("/van-ban/")
    page.get_by_role("link", name="64-KH/ThU").first.click()
    panel = page.get_by_test_id("exchange-panel")
    assert BAO_LOC in panel.inner_text()
    page.screenshot(path=str(artifacts / "exchange-received.png"), full_page=True)
    panel.get_by_role("link", name="Gửi liên thông (edXML)").click()
    page.get_by_label("Nơi nhận (đơn vị có mã định danh)").select_option(
        value=str(demo["Đảng ủy phường 1"].pk)
    )
    page.get_by_role("button", name="Tạo và gửi gói tin").click()
    page.get_by_text("Đã tạo gói tin").wait_for()
    assert "tình hình xử lý tại nơi nhận" in page.get_by_test_id("exchange-panel").inner_text()
    page.screenshot(path=str(artifacts / "exchange-sent.png"), full_page=True)
