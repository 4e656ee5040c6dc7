"""Packets in the shapes of the hub's samples import correctly (acceptance 2)."""

from __future__ import annotations

from typing import Any

import pytest

from doimoi.documents.models import Citation, Document, IncomingEntry, Relation, StoredFile
from doimoi.documents.services import store
from doimoi.documents.services.ingest import ingest_file
from doimoi.exchange.edxml.model import STATUS_CODES
from doimoi.exchange.models import Direction, ExchangeRecord, Packet, RemoteStatus
from doimoi.exchange.selectors import code_of
from doimoi.exchange.services import document_export
from tests.documents.files import PLAN_64, docx_bytes, seed_text
from tests.exchange.shapes import document_packet, status_packet

BAO_LOC = "Thành ủy Bảo Lộc"
BTG = "Ban Tuyên giáo Thành ủy Bảo Lộc"


def _codes(agencies: dict[str, Any]) -> tuple[tuple[str, str], tuple[str, str]]:
    return (
        (code_of(agencies[BAO_LOC]), BAO_LOC),
        (code_of(agencies[BTG]), BTG),
    )


def _import(unit: Any, data: bytes, name: str = "goi.edxml") -> Any:
    return ingest_file(actor=None, unit=unit, name=name, data=data, source="web")


@pytest.mark.parametrize("prefixed", [True, False])
@pytest.mark.django_db
def test_document_packet_becomes_a_document(
    agencies: dict[str, Any], prefixed: bool, ledger_probe: Any
) -> None:
    sender, to = _codes(agencies)
    text = seed_text(PLAN_64).encode("utf-8")
    data = document_packet(
        prefixed=prefixed, sender=sender, to=to, attachments=[("ke-hoach-64.txt", text)]
    )
    result = _import(agencies[BTG], data)
    assert result.ok, result.message
    document = Document.objects.get(pk=result.documents[0]["id"])
    assert (document.number, document.symbol, document.kind) == ("64", "KH/ThU", "party")
    assert document.date.isoformat() == "2022-05-04"
    assert document.issuer_unit == agencies[BAO_LOC]
    assert document.issuer_name == BAO_LOC
    assert document.type_name == "Kế hoạch"
    assert document.signer_name == "Nguyễn Văn A"
    assert document.title == "Triển khai thực hiện Kết luận số 14-KL/TW"
    assert [r["name"] for r in document.recipients] == ["Các đảng ủy trực thuộc", "Lưu VP"]
    assert document.urgency == "khan"
    assert "KẾ HOẠCH" in document.text.upper()  # the attachment's text was read
    copy = document.copies.get()
    assert copy.stored_file.sha256 == store.digest(text)  # the original, byte for byte
    assert IncomingEntry.objects.filter(unit=agencies[BTG], document=document).exists()
    record = ExchangeRecord.objects.get(document=document, direction=Direction.INCOMING)
    assert record.edxml_id == f"{sender[0]},2022/05/04,64/KH/ThU"
    assert record.due_date.isoformat() == "2022-06-10"
    ledger_probe.assert_recorded("exchange.packet.received", document)
    ledger_probe.assert_recorded("documents.document.ingested", document)
    # the register entry sends "03 registered" back to the sender
    sent = Packet.objects.get(record=record, direction=Direction.OUTGOING, kind="status")
    assert sent.status_code == "03"


@pytest.mark.django_db
def test_unzipped_attachment_and_signature_in_its_own_namespace(agencies: dict[str, Any]) -> None:
    sender, to = _codes(agencies)
    docx = docx_bytes(seed_text(PLAN_64))
    data = document_packet(
        sender=sender,
        to=to,
        attachments=[("ke-hoach.docx", docx)],
        zip_attachments=False,
        signature_ns=True,
    )
    result = _import(agencies[BTG], data)
    assert result.ok, result.message
    document = Document.objects.get(pk=result.documents[0]["id"])
    assert document.copies.get().stored_file.sha256 == store.digest(docx)
    assert "KẾ HOẠCH" in document.text.upper()


@pytest.mark.django_db
def test_nested_edxml_attachment_is_kept_and_its_text_read(agencies: dict[str, Any]) -> None:
    sender, to = _codes(agencies)
    inner = document_packet(
        sender=sender, to=to, attachments=[("ke-hoach.txt", seed_text(PLAN_64).encode())]
    )
    outer = document_packet(sender=sender, to=to, attachments=[("goc.edxml", inner)])
    result = _import(agencies[BTG], outer)
    assert result.ok, result.message
    document = Document.objects.get(pk=result.documents[0]["id"])
    assert document.copies.get().stored_file.sha256 == store.digest(inner)
    assert "KẾ HOẠCH" in document.text.upper()


@pytest.mark.django_db
def test_header_and_text_disagreeing_shows_both_on_the_review_page(
    agencies: dict[str, Any], client: Any
) -> None:
    sender, to = _codes(agencies)
    data = document_packet(
        sender=sender,
        to=to,
        signer="Trần Văn Khác",
        attachments=[("ke-hoach.txt", seed_text(PLAN_64).encode())],
    )
    document = Document.objects.get(pk=_import(agencies[BTG], data).documents[0]["id"])
    disagreements = document.parsed["disagreements"]
    assert disagreements["signer_name"]["header"] == "Trần Văn Khác"
    assert disagreements["signer_name"]["text"] not in ("", "Trần Văn Khác")
    assert document.signer_name == "Trần Văn Khác"  # the header wins, with full confidence
    client.force_login(_user("admin"))
    page = client.get(f"/van-ban/{document.pk}/kiem-tra/").content.decode()
    assert "Trần Văn Khác" in page and disagreements["signer_name"]["text"] in page


def _user(name: str) -> Any:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=name)


def _received(agencies: dict[str, Any], **kwargs: Any) -> Document:
    sender, to = _codes(agencies)
    data = document_packet(
        sender=sender, to=to, attachments=[("a.txt", seed_text(PLAN_64).encode())], **kwargs
    )
    result = _import(agencies[BTG], data)
    assert result.ok, result.message
    return Document.objects.get(pk=result.documents[0]["id"])


@pytest.mark.django_db
def test_revoke_marks_the_earlier_document_and_keeps_it(
    agencies: dict[str, Any], ledger_probe: Any
) -> None:
    earlier = _received(agencies)
    record = ExchangeRecord.objects.get(document=earlier)
    sender, to = _codes(agencies)
    revoke = document_packet(sender=sender, to=to, business=1, target=record.edxml_id)
    result = _import(agencies[BTG], revoke, "thu-hoi.edxml")
    assert result.ok, result.message
    record.refresh_from_db()
    assert record.revoked_at is not None
    assert Document.objects.filter(pk=earlier.pk).exists()
    ledger_probe.assert_recorded("exchange.document.revoked", earlier)


@pytest.mark.django_db
def test_update_changes_the_fields_and_ledgers_them(
    agencies: dict[str, Any], ledger_probe: Any
) -> None:
    earlier = _received(agencies)
    record = ExchangeRecord.objects.get(document=earlier)
    sender, to = _codes(agencies)
    update = document_packet(
        sender=sender, to=to, business=2, target=record.edxml_id, subject="Trích yếu đã sửa"
    )
    result = _import(agencies[BTG], update, "cap-nhat.edxml")
    assert result.ok, result.message
    earlier.refresh_from_db()
    assert earlier.title == "Trích yếu đã sửa"
    event = ledger_probe.assert_recorded("exchange.document.updated", earlier)
    assert event.payload["changed"]["title"][1] == "Trích yếu đã sửa"


@pytest.mark.django_db
def test_replace_links_the_new_document_to_the_earlier(agencies: dict[str, Any]) -> None:
    earlier = _received(agencies)
    record = ExchangeRecord.objects.get(document=earlier)
    sender, to = _codes(agencies)
    replacement = document_packet(
        sender=sender,
        to=to,
        number="65",
        business=3,
        target=record.edxml_id,
        replaced=record.edxml_id,
        attachments=[("b.txt", "KẾ HOẠCH thay thế\nnội dung mới".encode())],
    )
    result = _import(agencies[BTG], replacement, "thay-the.edxml")
    assert result.ok, result.message
    new = Document.objects.get(pk=result.documents[0]["id"])
    assert new.number == "65"
    assert Citation.objects.filter(source=new, target=earlier, relation=Relation.REPLACES).exists()


@pytest.mark.django_db
def test_revoke_of_an_unknown_document_is_refused_and_changes_nothing(
    agencies: dict[str, Any], ledger_probe: Any
) -> None:
    sender, to = _codes(agencies)
    revoke = document_packet(sender=sender, to=to, business=1, target="X,2022/01/01,1/CV")
    result = _import(agencies[BTG], revoke)
    assert not result.ok and "Không tìm thấy" in result.message
    ledger_probe.assert_nothing()
    assert not Packet.objects.exists()


@pytest.fixture
def sent(agencies: dict[str, Any]) -> ExchangeRecord:
    """64-KH/ThU ingested at Thành ủy Bảo Lộc and sent by it to its propaganda board."""
    result = ingest_file(
        actor=None,
        unit=agencies[BAO_LOC],
        name="64.txt",
        data=seed_text(PLAN_64).encode(),
        source="web",
    )
    document = Document.objects.get(pk=result.documents[0]["id"])
    document_export(actor=None, document=document, recipients=[agencies[BTG]])
    return ExchangeRecord.objects.get(document=document, direction=Direction.OUTGOING)


@pytest.mark.parametrize("code", sorted(STATUS_CODES))
@pytest.mark.django_db
def test_each_status_code_is_recorded_for_the_sent_document(
    agencies: dict[str, Any], sent: ExchangeRecord, code: str
) -> None:
    sender = (code_of(agencies[BTG]), BTG)
    data = status_packet(code=code, document_id=sent.edxml_id, sender=sender, prefixed=code < "04")
    result = _import(agencies[BAO_LOC], data, f"status_{code}.edxml")
    assert result.ok, result.message
    status = RemoteStatus.objects.get(record=sent)
    assert (status.code, status.unit, status.agency_code) == (code, agencies[BTG], sender[0])
    assert status.staff == "Trần Thị B"


@pytest.mark.django_db
def test_status_shown_on_the_document_page(
    agencies: dict[str, Any], sent: ExchangeRecord, client: Any
) -> None:
    sender = (code_of(agencies[BTG]), BTG)
    _import(agencies[BAO_LOC], status_packet(code="05", document_id=sent.edxml_id, sender=sender))
    client.force_login(_user("admin"))
    page = client.get(f"/van-ban/{sent.document_id}/").content.decode()
    assert "Đang xử lý" in page and BTG in page


@pytest.mark.django_db
def test_same_attachment_twice_keeps_one_stored_file(agencies: dict[str, Any]) -> None:
    _received(agencies)
    _received(agencies)
    assert StoredFile.objects.count() == 1
