"""The same document arriving as a PNG scan and a PDF scan became two documents with the same
number (issue 9): the clerk is offered a merge — one document, two copies; the duplicate's
arrival is cancelled with the reason, kept in the register and ledgered."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from doimoi.background.worker import drain
from doimoi.documents.models import Document, IncomingEntry
from tests.conftest import LedgerProbe
from tests.documents import files
from tests.documents.test_ocr import _tools

pytestmark = pytest.mark.django_db
WARD = "Đảng ủy phường 1 Bảo Lộc"


def _client(persona: Any, username: str) -> Client:
    client = Client()
    client.force_login(persona(username))
    return client


def _two_scans(tmp_path: Path) -> list[SimpleUploadedFile]:
    """Plan 64-KH/ThU photographed as a PNG, and scanned to PDF from the copy whose date was
    left to be written by hand (OCR reads no date there: ingest cannot tell it is the same)."""
    undated = tmp_path / "64-KH-ThU-ban-luu.txt"
    undated.write_text(
        files.seed_text().replace(
            "Bảo Lộc, ngày 04 tháng 5 năm 2022", "Bảo Lộc, ngày     tháng     năm 2022"
        ),
        encoding="utf-8",
    )
    return [
        SimpleUploadedFile("ke-hoach-64.png", files.page_png(files.PLAN_64, dpi=200)),
        SimpleUploadedFile("ke-hoach-64-scan.pdf", files.scanned_pdf(undated)),
    ]


def _upload(client: Client, unit: Any, uploads: list[Any], capture: Any) -> None:
    with capture(execute=True):
        response = client.post(
            "/van-ban/nhap/", {"unit": unit.pk, "files": uploads, "register_old": "on"}
        )
    assert response.status_code == 302
    drain()


def test_the_same_document_scanned_twice_is_merged_into_one_with_two_copies(
    demo: dict[str, Any],
    persona: Any,
    tmp_path: Path,
    django_capture_on_commit_callbacks: Any,
) -> None:
    _tools()
    ward = demo[WARD]
    clerk = _client(persona, "vanthu.baoloc")
    _upload(clerk, ward, _two_scans(tmp_path), django_capture_on_commit_callbacks)
    first, second = Document.objects.filter(number="64", unit=ward).order_by("pk")
    assert first.reference == second.reference == "64-KH/ThU"  # the defect: two documents
    assert second.date is None
    entry_1 = IncomingEntry.objects.get(unit=ward, document=first)
    entry_2 = IncomingEntry.objects.get(unit=ward, document=second)

    # the duplicate's page offers the merge, for the clerk of the unit only
    page = clerk.get(f"/van-ban/{second.pk}/").content.decode()
    url = f"/van-ban/{second.pk}/gop-vao/{first.pk}/"
    assert 'data-testid="namesakes"' in page and f'href="{url}"' in page
    outsider = _client(persona, "vanthu.dukdn")  # another unit's clerk
    assert outsider.get(url).status_code == 404
    assert outsider.post(url, {"reason": "x", "confirm": "on"}).status_code == 404

    # the confirmation says what will happen; nothing happens without it
    probe = LedgerProbe()
    confirm = clerk.get(url).content.decode()
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", confirm))
    assert f"Số đến {entry_2.seq}/{entry_2.year} của {WARD} bị hủy" in text
    assert "ke-hoach-64-scan.pdf" in text and "không hoàn tác được" in text
    refused = clerk.post(url, {"reason": "Trùng văn bản 64-KH/ThU."})
    assert refused.status_code == 400 and "Đánh dấu xác nhận" in refused.content.decode()
    probe.assert_nothing()

    reason = "Cùng Kế hoạch 64-KH/ThU: bản quét PDF của bản đã nhận qua ảnh PNG."
    done = clerk.post(url, {"reason": reason, "confirm": "on"})
    assert done.status_code == 302 and done["Location"] == f"/van-ban/{first.pk}/"

    second.refresh_from_db()
    assert second.merged_into_id == first.pk
    names = sorted(c.stored_file.original_name for c in first.copies.all() if c.stored_file)
    assert names == ["ke-hoach-64-scan.pdf", "ke-hoach-64.png"]  # one document, two copies
    entry_2.refresh_from_db()
    entry_1.refresh_from_db()
    assert entry_2.cancelled_on is not None and reason in entry_2.cancel_reason
    assert f"{entry_1.seq}/{entry_1.year}" in entry_2.cancel_reason
    assert entry_1.cancelled_on is None
    merged = probe.assert_recorded("documents.document.merged", first)
    assert merged.payload["merged"] == second.pk and merged.payload["reason"] == reason
    assert merged.payload["cancelled"] == [f"{entry_2.seq}/{entry_2.year}"]
    probe.assert_recorded("documents.incoming.cancelled", entry_2)

    # one document in the list; the duplicate's page leads to it; the register keeps the number
    listing = clerk.get("/van-ban/", {"q": "64-KH/ThU"}).content.decode()
    assert listing.count(f'href="/van-ban/{second.pk}/') == 0
    assert clerk.get(f"/van-ban/{second.pk}/")["Location"] == f"/van-ban/{first.pk}/"
    register = clerk.get("/van-ban/so-den/", {"unit": ward.pk, "year": entry_2.year})
    assert 'class="cancelled"' in register.content.decode()
    kept = clerk.get(f"/van-ban/{first.pk}/").content.decode()
    assert 'data-testid="namesakes"' not in kept
