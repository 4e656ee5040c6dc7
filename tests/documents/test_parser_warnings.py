"""The parser's bilingual warnings are shown in the reader's language only (issue 9)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.utils import translation

from doimoi.documents.parser_warnings import warning_text
from doimoi.documents.services import document_create_from_text
from doimoi.vbparse import parse

DRAFT = """ĐẢNG BỘ TỈNH LÂM ĐỒNG
THÀNH ỦY BẢO LỘC
*
Số      -KH/ThU
ĐẢNG CỘNG SẢN VIỆT NAM
Bảo Lộc, ngày    tháng 5 năm 2022

KẾ HOẠCH
THỰC HIỆN KẾT LUẬN SỐ 14-KL/TW
"""


def test_every_warning_of_a_draft_reads_in_one_language() -> None:
    warnings = parse(DRAFT).warnings
    assert warnings and all(" / " in w for w in warnings)
    with translation.override("vi"):
        shown = [warning_text(w) for w in warnings]
    assert all(" / " not in w for w in shown), shown
    assert "Chưa có số văn bản (bản nháp?)" in shown
    with translation.override("en"):
        english = [warning_text(w) for w in warnings]
    assert all(" / " not in w for w in english) and english != shown
    assert "Number left blank (a draft?)" in english


def test_an_unknown_warning_shows_the_readers_half() -> None:
    with translation.override("vi"):
        assert warning_text("Điều gì đó mới / something new") == "Điều gì đó mới"
    with translation.override("en"):
        assert warning_text("Điều gì đó mới / something new") == "something new"
    assert warning_text("Một cảnh báo") == "Một cảnh báo"


@pytest.mark.django_db
def test_the_review_page_shows_vietnamese_only(demo: dict[str, Any], persona: Any) -> None:
    document = document_create_from_text(actor=None, unit=demo["Thành ủy Bảo Lộc"], text=DRAFT)
    client = Client()
    client.force_login(persona("admin"))
    html = client.get(f"/van-ban/{document.pk}/kiem-tra/").content.decode()
    block = html.split('<ul class="warnings">')[1].split("</ul>")[0]
    assert "Chưa có số văn bản (bản nháp?)" in block
    assert "number left blank" not in block and " / " not in block
