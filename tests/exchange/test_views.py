"""Sending from the document's page: new, then revoke and replace; who sees the exchange section."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model

from doimoi.documents.models import Document
from doimoi.documents.services.ingest import ingest_file
from doimoi.exchange import edxml
from doimoi.exchange.models import Direction, ExchangeRecord, Packet
from doimoi.exchange.services.exports import packet_bytes
from tests.documents.files import PLAN_64, seed_text

BAO_LOC, BTG = "Thành ủy Bảo Lộc", "Ban Tuyên giáo Thành ủy Bảo Lộc"


def _document(unit: Any, text: str) -> Document:
    result = ingest_file(actor=None, unit=unit, name="d.txt", data=text.encode(), source="web")
    return Document.objects.get(pk=result.documents[0]["id"])


def _send(client: Any, document: Document, **data: Any) -> Any:
    return client.post(f"/lien-thong/van-ban/{document.pk}/gui/", data)


@pytest.mark.django_db
def test_send_revoke_and_replace_from_the_page(agencies: dict[str, Any], client: Any) -> None:
    client.force_login(get_user_model().objects.get(username="admin"))
    first = _document(agencies[BAO_LOC], seed_text(PLAN_64))
    page = client.get(f"/van-ban/{first.pk}/").content.decode()
    assert "Gửi liên thông (edXML)" in page
    recipient = agencies[BTG].pk
    assert _send(client, first, recipients=[recipient], business=0).status_code == 302
    second = _document(
        agencies[BAO_LOC], seed_text(PLAN_64).replace("Số 64-KH/ThU", "Số 70-KH/ThU")
    )
    assert second.number == "70"
    response = _send(client, second, recipients=[recipient], business=3, replaces=first.pk)
    assert response.status_code == 302, response.content.decode()[:800]
    response = _send(client, first, recipients=[recipient], business=1, reason="Gửi nhầm")
    assert response.status_code == 302
    kinds = list(Packet.objects.order_by("pk").values_list("business", flat=True))
    assert kinds == [0, 3, 1]
    replace = edxml.read(packet_bytes(Packet.objects.get(business=3)))
    assert isinstance(replace, edxml.DocumentPacket)
    record = ExchangeRecord.objects.get(document=first, direction=Direction.OUTGOING)
    assert replace.business.replaced == [record.edxml_id]
    assert record.revoked_reason == "Gửi nhầm"
    packet = Packet.objects.get(business=1)
    download = client.get(f"/lien-thong/van-ban/{first.pk}/goi-tin/{packet.pk}/")
    assert b"".join(download.streaming_content) == packet_bytes(packet)


@pytest.mark.django_db
def test_send_form_refuses_without_a_recipient(agencies: dict[str, Any], client: Any) -> None:
    client.force_login(get_user_model().objects.get(username="admin"))
    document = _document(agencies[BAO_LOC], seed_text(PLAN_64))
    response = _send(client, document, business=0)
    assert response.status_code == 400
    assert not Packet.objects.exists()


@pytest.mark.django_db
def test_a_clerk_elsewhere_sees_no_send_button_and_no_form(
    agencies: dict[str, Any], client: Any
) -> None:
    document = _document(agencies[BAO_LOC], seed_text(PLAN_64))
    client.force_login(get_user_model().objects.get(username="vanthu.dukdn"))
    assert client.get(f"/lien-thong/van-ban/{document.pk}/gui/").status_code in (403, 404)


@pytest.mark.django_db
def test_a_recipient_sees_its_own_exchange_not_the_senders(
    agencies: dict[str, Any], client: Any
) -> None:
    document = _document(agencies[BAO_LOC], seed_text(PLAN_64))
    from doimoi.exchange.services import document_export

    sent = document_export(actor=None, document=document, recipients=[agencies[BTG]])
    ingest_file(
        actor=None, unit=agencies[BTG], name="p.edxml", data=packet_bytes(sent), source="web"
    )
    received = Packet.objects.get(direction=Direction.INCOMING)
    client.force_login(get_user_model().objects.get(username="chuyenvien.btg"))
    page = client.get(f"/van-ban/{document.pk}/").content.decode()
    assert 'data-testid="exchange-panel"' in page
    assert "tình hình xử lý tại nơi nhận" not in page  # the sender's record is not theirs
    own = client.get(f"/lien-thong/van-ban/{document.pk}/goi-tin/{received.pk}/")
    assert own.status_code == 200
    theirs = client.get(f"/lien-thong/van-ban/{document.pk}/goi-tin/{sent.pk}/")
    assert theirs.status_code == 404
