"""The review page, tried as a new user would (issue 9): it validates what it confirms, long
titles wrap, and a scan is shown as its page image beside the text read from it."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from doimoi.documents.demo import seed_demo
from doimoi.documents.models import Document, DocumentState
from doimoi.documents.services.ingest import ingest_file
from tests.documents import files
from tests.documents.test_ocr import _tools

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(demo: dict[str, Any]) -> dict[str, Any]:
    seed_demo(demo)
    return demo


def _admin(persona: Any) -> Client:
    client = Client()
    client.force_login(persona("admin"))
    return client


def _data(document: Document, **changes: Any) -> dict[str, Any]:
    data = {
        "kind": "party",
        "number": document.number,
        "symbol": document.symbol,
        "date": str(document.date),
        "title": document.title,
        "confidentiality": 0,
        "urgency": "",
    }
    return data | changes


def test_review_refuses_an_empty_number_or_symbol_and_a_runaway_title(
    seeded: Any, persona: Any, ledger_probe: Any
) -> None:
    document = Document.objects.get(number="1335", symbol="CV/TU")
    url = f"/van-ban/{document.pk}/kiem-tra/"
    client = _admin(persona)
    empty = client.post(url, _data(document, number="", symbol=""))
    assert empty.status_code == 400
    html = empty.content.decode()
    assert "Cần nhập số văn bản" in html and "Cần nhập ký hiệu văn bản" in html
    long = client.post(url, _data(document, title="Trích yếu " + "a" * 4990))
    assert long.status_code == 400
    assert "Trích yếu dài 5.000 ký tự, tối đa 1.000" in long.content.decode()
    document.refresh_from_db()
    assert document.state != DocumentState.CONFIRMED and document.number == "1335"
    ledger_probe.assert_nothing()
    assert client.post(url, _data(document)).status_code == 302


def test_long_titles_wrap(seeded: Any, persona: Any) -> None:
    css = (files.CORPUS.parent / "static/documents/documents.css").read_text()
    assert "overflow-wrap: anywhere" in css.split(".document-text")[1].split("}")[0]
    assert "h1, h2, td, dd" in css


def test_a_scan_is_shown_as_its_page_image_beside_the_text(demo: Any, persona: Any) -> None:
    _tools()
    png = files.page_png(files.PLAN_64, dpi=150)
    result = ingest_file(
        actor=persona("admin"), unit=demo["Tỉnh ủy Lâm Đồng"], name="scan.png", data=png, source="t"
    )
    assert result.status == "stored", result.message
    document = Document.objects.get(pk=result.documents[0]["id"])
    client = _admin(persona)
    html = client.get(f"/van-ban/{document.pk}/kiem-tra/").content.decode()
    assert 'data-testid="page-image"' in html and "Chữ đọc được từ tệp" in html
    src = html.split('data-testid="page-image" src="')[1].split('"')[0].replace("&amp;", "&")
    image = client.get(src)
    assert image.status_code == 200 and image["Content-Type"] == "image/png"
    assert image.content.startswith(b"\x89PNG")
    pdf = ingest_file(
        actor=persona("admin"),
        unit=demo["Tỉnh ủy Lâm Đồng"],
        name="scan.pdf",
        data=files.scanned_pdf(files.PLAN_39),
        source="t",
    )
    scanned = Document.objects.get(pk=pdf.documents[0]["id"])
    html = client.get(f"/van-ban/{scanned.pk}/kiem-tra/").content.decode()
    src = html.split('data-testid="page-image" src="')[1].split('"')[0].replace("&amp;", "&")
    assert client.get(src).content.startswith(b"\x89PNG")
