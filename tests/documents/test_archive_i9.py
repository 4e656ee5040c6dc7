"""Archive uploads (documents dated before this year) are not entered in today's incoming
register unless the clerk asks: a choice on upload, and a button on the document's pages
(issue 9)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from doimoi.background.worker import drain
from doimoi.documents.models import Document, IncomingEntry, IngestItem
from tests.conftest import LedgerProbe
from tests.documents import files

pytestmark = pytest.mark.django_db
WARD = "Đảng ủy phường 1 Bảo Lộc"
TODAYS = """TỈNH ỦY LÂM ĐỒNG
*
Số 12-CV/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Đà Lạt, ngày {d:%d} tháng {d.month} năm {d.year}

V/v tổ chức hội nghị sơ kết thực hiện Kết luận số 14-KL/TW
-----
Kính gửi: Các đảng ủy trực thuộc Tỉnh ủy
Ban Thường vụ Tỉnh ủy đề nghị các đảng ủy tổ chức hội nghị sơ kết.

T/L BAN THƯỜNG VỤ
CHÁNH VĂN PHÒNG

Nguyễn Văn An
"""


def _client(persona: Any, username: str) -> Client:
    client = Client()
    client.force_login(persona(username))
    return client


def _upload(client: Client, unit: Any, capture: Any, **extra: str) -> IngestItem:
    today = datetime.date.today()
    uploads = [
        SimpleUploadedFile("ke-hoach-39-2022.txt", files.PLAN_39.read_bytes()),
        SimpleUploadedFile("cv-12.txt", TODAYS.format(d=today).encode()),
    ]
    with capture(execute=True):
        response = client.post("/van-ban/nhap/", {"unit": unit.pk, "files": uploads, **extra})
    assert response.status_code == 302
    drain()
    return IngestItem.objects.filter(name="ke-hoach-39-2022.txt").latest("pk")


def test_an_archive_upload_stays_out_of_todays_register_until_the_clerk_asks(
    demo: dict[str, Any], persona: Any, django_capture_on_commit_callbacks: Any
) -> None:
    ward = demo[WARD]
    clerk = _client(persona, "vanthu.baoloc")
    item = _upload(clerk, ward, django_capture_on_commit_callbacks)
    old = Document.objects.get(number="39", unit=ward)
    current = Document.objects.get(number="12", symbol="CV/TU")
    assert old.date is not None and old.date.year < datetime.date.today().year
    assert not IncomingEntry.objects.filter(unit=ward, document=old).exists()
    assert IncomingEntry.objects.filter(unit=ward, document=current).exists()  # this year's
    assert "không vào sổ văn bản đến năm nay" in item.message

    # the document's pages offer the arrival; another unit's user cannot take it
    url = f"/van-ban/{old.pk}/vao-so-den/"
    for page in (f"/van-ban/{old.pk}/", f"/van-ban/{old.pk}/kiem-tra/"):
        html = clerk.get(page).content.decode()
        assert 'data-testid="unregistered"' in html and f'action="{url}"' in html
    assert _client(persona, "vanthu.dukdn").post(url, {"unit": ward.pk}).status_code == 404
    probe = LedgerProbe()
    assert clerk.post(url, {"unit": ward.pk}).status_code == 302
    entry = IncomingEntry.objects.get(unit=ward, document=old)
    assert entry.year == datetime.date.today().year
    probe.assert_recorded("documents.incoming.registered", entry)
    assert 'data-testid="unregistered"' not in clerk.get(f"/van-ban/{old.pk}/").content.decode()


def test_the_clerk_asks_on_upload_to_register_old_documents_too(
    demo: dict[str, Any], persona: Any, django_capture_on_commit_callbacks: Any
) -> None:
    ward = demo[WARD]
    clerk = _client(persona, "vanthu.baoloc")
    form = clerk.get("/van-ban/nhap/").content.decode()
    assert (
        'name="register_old"' in form and "checked" not in form.split('name="register_old"')[1][:40]
    )
    item = _upload(clerk, ward, django_capture_on_commit_callbacks, register_old="on")
    old = Document.objects.get(number="39", unit=ward)
    assert IncomingEntry.objects.filter(unit=ward, document=old).exists()
    assert "không vào sổ" not in item.message
