"""Pages: list and search, a document with its graph, review, registers, upload without JavaScript."""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from doimoi.background.worker import drain
from doimoi.documents.demo import seed_demo
from doimoi.documents.models import Document, IngestJob
from tests.documents import files


@pytest.fixture
def seeded(demo: dict[str, Any]) -> dict[str, Any]:
    seed_demo(demo)
    return demo


def _client(persona: Any, username: str) -> Client:
    client = Client()
    client.force_login(persona(username))
    return client


def _doc(reference: str) -> Document:
    number, symbol = reference.split("-", 1)
    return Document.objects.get(number=number, symbol=symbol)


def _text(html: bytes) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html.decode()))


def test_document_page_shows_the_graph_and_the_list(seeded: Any, persona: Any) -> None:
    response = _client(persona, "admin").get(f"/van-ban/{_doc('14-KL/TW').pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<svg" in html and "citation-graph" in html
    outline = _text(response.content).split("Dạng danh sách")[1]
    for reference in ("1335-CV/TU", "287-CV/ĐUK", "78-KH/BTGTU", "64-KH/ThU"):
        assert reference in outline


def test_search_ignores_accents_and_marks_the_words(seeded: Any, persona: Any) -> None:
    response = _client(persona, "admin").get("/van-ban/", {"q": "dang uy khoi doanh nghiep"})
    assert response.status_code == 200
    assert "287-CV/ĐUK" in response.content.decode()
    assert "<mark>" in response.content.decode()


def test_review_page_marks_low_confidence_and_saves(
    seeded: Any, persona: Any, ledger_probe: Any
) -> None:
    document = _doc("1335-CV/TU")
    client = _client(persona, "admin")
    page = client.get(f"/van-ban/{document.pk}/kiem-tra/")
    assert page.status_code == 200 and "low-confidence" in page.content.decode()
    data = {
        "kind": "party",
        "number": "1335",
        "symbol": "CV/TU",
        "type_code": "CV",
        "type_name": "Công văn",
        "issuer_name": "Tỉnh ủy Lâm Đồng",
        "parent_issuer_name": "",
        "issuer_unit": seeded["Tỉnh ủy Lâm Đồng"].pk,
        "place": "Lâm Đồng",
        "date": "2022-03-16",
        "title": document.title,
        "signing_authority": "T/M BAN THƯỜNG VỤ",
        "signer_title": "PHÓ BÍ THƯ",
        "signer_name": "Trần Đức Quận",
        "confidentiality": 0,
        "urgency": "",
    }
    response = client.post(f"/van-ban/{document.pk}/kiem-tra/", data)
    assert response.status_code == 302
    document.refresh_from_db()
    assert (document.state, document.signer_title) == ("confirmed", "PHÓ BÍ THƯ")
    event = ledger_probe.assert_recorded("documents.document.confirmed", document)
    assert event.payload["changed"]["signer_title"] == ["", "PHÓ BÍ THƯ"]


def test_review_refuses_an_issuer_not_alive_on_the_date(seeded: Any, persona: Any) -> None:
    document = _doc("1335-CV/TU")
    data = {
        "kind": "party",
        "number": "1335",
        "symbol": "CV/TU",
        "date": "2022-03-16",
        "issuer_unit": seeded["Tỉnh ủy Lâm Đồng (từ 01/7/2025)"].pk,
        "confidentiality": 0,
    }
    response = _client(persona, "admin").post(f"/van-ban/{document.pk}/kiem-tra/", data)
    assert response.status_code == 400
    assert "không hoạt động vào ngày ban hành" in response.content.decode()


def test_upload_without_javascript_runs_the_batch(
    demo: Any, persona: Any, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    client = _client(persona, "quantri.lamdong")
    uploads = [SimpleUploadedFile(p.name, p.read_bytes()) for p in files.SEEDS]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/van-ban/nhap/", {"unit": demo["Tỉnh ủy Lâm Đồng"].pk, "files": uploads}
        )
    assert response.status_code == 302
    drain()
    job = IngestJob.objects.get()
    page = client.get(response["Location"])
    assert job.status == "done" and "5 văn bản mới" in _text(page.content)
    outsider = _client(persona, "vanthu.dukdn")  # another unit's job is answered as a missing one
    for url in (response["Location"], f"/api/v1/documents/ingest/{job.pk}"):
        assert client.get(url).status_code == 200
        assert outsider.get(url).status_code == 404, url
    assert outsider.get(f"/api/v1/documents/ingest/{job.pk + 1000}").status_code == 404


def test_registers_list_what_arrived_and_number_what_leaves(seeded: Any, persona: Any) -> None:
    client = _client(persona, "vanthu.baoloc")
    unit = seeded["Thành ủy Bảo Lộc"]
    incoming = client.get("/van-ban/so-den/", {"unit": unit.pk, "year": 2026})
    assert incoming.status_code == 200
    response = client.post(
        f"/van-ban/so-di/?unit={unit.pk}",
        {
            "kind": "party",
            "type_code": "KH",
            "date": "2022-05-04",
            "title": "Kế hoạch thử",
            "confidentiality": 0,
        },
    )
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert "01-KH/ThU" in page.content.decode()


def test_a_unit_outside_the_subtree_sees_nothing(seeded: Any, persona: Any) -> None:
    client = _client(persona, "bithu.phuong1")  # a grassroots committee under Bảo Lộc
    assert client.get(f"/van-ban/{_doc('64-KH/ThU').pk}/").status_code == 404
    listing = client.get("/van-ban/")
    assert "64-KH/ThU" not in listing.content.decode()


def test_an_empty_list_says_what_to_do(demo: Any, persona: Any) -> None:
    """A Page of no rows is falsy: the list once showed neither rows nor this message."""
    clerk = _text(_client(persona, "vanthu.baoloc").get("/van-ban/").content)
    assert "Chưa có văn bản nào bạn được xem. Hãy nhập văn bản" in clerk
    secretary = _text(_client(persona, "bithu.phuong1").get("/van-ban/").content)
    assert "Chưa có văn bản nào bạn được xem." in secretary
    assert "0 văn bản" not in clerk + secretary


def test_a_missing_issuer_is_added_to_the_tree_from_the_review(
    seeded: Any, persona: Any, ledger_probe: Any
) -> None:
    from doimoi.organizations.models import Unit

    document = _doc("64-KH/ThU")
    client = _client(persona, "quantri.lamdong")
    response = client.post(
        f"/van-ban/{document.pk}/don-vi-moi/",
        {
            "parent": seeded["Tỉnh ủy Lâm Đồng"].pk,
            "name": "Ban Tuyên giáo Thành ủy Di Linh",
            "code": "BTGHU",
            "kind": "advisory_board",
            "level": "district",
            "valid_from": "2010-01-01",
        },
    )
    assert response.status_code == 302
    unit = Unit.objects.get(name="Ban Tuyên giáo Thành ủy Di Linh")
    assert response["Location"].endswith(f"/kiem-tra/?issuer={unit.pk}")
    ledger_probe.assert_recorded("organizations.unit.created", unit)


def test_an_arrival_gets_its_handler(seeded: Any, persona: Any, ledger_probe: Any) -> None:
    from doimoi.documents.models import IncomingEntry
    from doimoi.organizations.models import Person

    entry = IncomingEntry.objects.filter(unit=seeded["Thành ủy Bảo Lộc"]).first()
    assert entry is not None
    handler = Person.objects.get(full_name="Vũ Quốc Tuyên")
    # The handler must hold a role in the unit on the day: in 2022 he worked in Bảo Lộc's board.
    with time_machine.travel(datetime.datetime(2022, 5, 10, 9, tzinfo=datetime.UTC), tick=False):
        response = _client(persona, "vanthu.baoloc").post(
            f"/van-ban/so-den/{entry.pk}/", {"received_on": "2022-05-05", "handler": handler.pk}
        )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.handler, str(entry.received_on)) == (handler, "2022-05-05")
    ledger_probe.assert_recorded("documents.incoming.updated", entry)


def test_review_page_shows_what_the_parser_repaired(
    demo: Any, persona: Any, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    """The parser reads the text as extracted, so its repairs (here an OCR slip in "Nơi nhận"
    and the PDF artefact ƣ) are listed on the review page, not lost in an earlier cleanup."""
    text = files.seed_text().replace("Nơi nhận", "Nơi nhân", 1).replace("ư", "\u01a3")
    client = _client(persona, "quantri.lamdong")
    upload = SimpleUploadedFile("ocr-slips.txt", text.encode("utf-8"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/van-ban/nhap/", {"unit": demo["Tỉnh ủy Lâm Đồng"].pk, "files": [upload]})
    drain()  # a batch of uploads is a task on the queue
    document = Document.objects.get(number="64", symbol="KH/ThU")
    assert "Nơi nhân" not in document.text and "\u01a3" not in document.text
    page = _text(client.get(f"/van-ban/{document.pk}/kiem-tra/").content)
    assert "Nơi nhân" in page, "the OCR repair is not shown"
    assert "ƣ" in page, "the PDF artefact repair is not shown"


def test_documents_uses_only_the_public_face_of_vbparse() -> None:
    """documents imports ``doimoi.vbparse`` itself, never one of its modules."""
    root = Path(__file__).resolve().parents[2] / "src/doimoi/documents"
    inner = re.compile(r"^\s*(?:from|import)\s+doimoi\.vbparse\.\w+", re.MULTILINE)
    offenders = [str(p) for p in root.rglob("*.py") if inner.search(p.read_text(encoding="utf-8"))]
    assert offenders == []
    assert not (root / "services" / "nesting.py").exists()
