"""Browser (acceptance 2): a clerk of a unit in force today composes an implementing plan for
1335-CV/TU, prefilled from it, watches the preview, issues it with the next number, downloads the
Word file and the PDF; the PDF's first page is rendered to PNG (pdftoppm) as an artifact."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from docx import Document as open_docx

from doimoi.compose.convert import available
from doimoi.documents.extract.docx import read as docx_text
from doimoi.vbparse import parse
from tests.conftest import require
from tests.e2e.conftest import login


@pytest.mark.django_db(transaction=True)
def test_compose_issue_and_download_an_implementing_plan(
    page: Any,
    ward: dict[str, Any],  # tests/reporting/fixtures.py
    artifacts: Path,
    tmp_path: Path,
) -> None:
    require(available() and bool(shutil.which("pdftoppm")), "LibreOffice and pdftoppm are needed")
    login(page, "vanthu.baoloc")
    page.get_by_role("navigation", name="Điều hướng chính").get_by_role(
        "link", name="Soạn thảo"
    ).click()
    page.get_by_label("Đơn vị ban hành").select_option(label="Đảng ủy phường 1 Bảo Lộc")
    page.get_by_label("Mẫu văn bản").select_option(label="Kế hoạch thực hiện văn bản cấp trên")
    page.get_by_label("Văn bản được thực hiện, sao gửi hoặc đôn đốc").fill("1335-CV/TU")
    # the prefill posts the form and the page comes back with the text: reading "Nội dung"
    # before that navigation ends would read the empty field of the page before
    with page.expect_navigation():
        page.get_by_role("button", name="Điền sẵn theo mẫu").click()
    body = page.get_by_label("Nội dung")
    text = body.input_value()
    assert text.startswith("Thực hiện Công văn số 1335-CV/TU") and "II. NHIỆM VỤ, GIẢI PHÁP" in text
    body.fill(text.replace("«trước ngày …»", "trước ngày 15 tháng 6 và 15 tháng 12"))
    paper = page.get_by_test_id("paper")
    paper.get_by_text("trước ngày 15 tháng 6 và 15 tháng 12", exact=False).wait_for()
    assert "KẾ HOẠCH" in paper.inner_text()
    assert re.search(r"Số\s+-KH/ĐU", paper.inner_text())  # a draft has no number yet
    page.screenshot(path=str(artifacts / "compose-plan-preview.png"), full_page=True)

    page.get_by_role("button", name="Lấy số và ban hành").click()
    # issuing converts to PDF with LibreOffice in the request (immediate tasks): slow on a busy machine
    page.get_by_text("Đã ban hành văn bản số 01-KH/ĐU.").wait_for(timeout=120_000)
    page.get_by_role("heading", name="Kế hoạch 01-KH/ĐU").wait_for()
    page.screenshot(path=str(artifacts / "compose-plan-issued.png"), full_page=True)

    files = {}
    for name in ("plan-01-KH-ĐU.docx", "plan-01-KH-ĐU.pdf"):
        with page.expect_download() as download:
            page.get_by_role("link", name=name).click()
        files[name] = tmp_path / name
        download.value.save_as(files[name])
    word = files["plan-01-KH-ĐU.docx"].read_bytes()
    meta = parse(docx_text(word))
    assert (meta.number, meta.symbol, meta.type, meta.issuer) == (
        "01",
        "KH/ĐU",
        "Kế hoạch",
        "Đảng ủy phường 1 Bảo Lộc",
    )
    assert open_docx(io.BytesIO(word)).sections[0].page_width.mm == pytest.approx(210, abs=0.5)
    png = artifacts / "compose-plan-page1"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile",
         str(files["plan-01-KH-ĐU.pdf"]), str(png)],
        check=True, timeout=60,
    )  # fmt: skip
    rendered = png.with_suffix(".png")
    assert rendered.exists() and rendered.stat().st_size > 10_000
