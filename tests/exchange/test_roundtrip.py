"""Every demo outgoing document, exported and imported into a cleared instance, keeps its
metadata and its file (acceptance 1); status packets from the recipient's actions come back
to the sender's page (acceptance 3)."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection

from doimoi.documents.models import Document, DocumentState, IncomingEntry
from doimoi.documents.services import incoming_entry_update, store
from doimoi.documents.services.ingest import ingest_file
from doimoi.exchange import edxml
from doimoi.exchange.models import Direction, ExchangeRecord, RemoteStatus
from doimoi.exchange.services import document_export, inbox_poll
from doimoi.exchange.services.exports import packet_bytes
from doimoi.organizations.demo import seed_demo as seed_organization
from doimoi.organizations.models import Membership, Person, Role, Unit
from tests.documents.files import PLAN_64, seed_text

BTG = "Ban Tuyên giáo Thành ủy Bảo Lộc"
BAO_LOC = "Thành ủy Bảo Lộc"


def _facts(document: Document) -> dict[str, Any]:
    return {
        "number": document.number,
        "symbol": document.symbol,
        "type": document.type_name,
        "issuer": document.issuer_name,
        "issuer_unit": document.issuer_unit.name if document.issuer_unit else None,
        "date": document.date,
        "subject": document.title,
        "signer": (document.signing_authority, document.signer_title, document.signer_name),
        "recipients": document.recipients,
    }


def _outgoing() -> list[Document]:
    return list(
        Document.objects.filter(issuer_unit__isnull=False, confidentiality=0)
        .exclude(state=DocumentState.PLACEHOLDER)
        .select_related("issuer_unit")
        .order_by("pk")
    )


@pytest.mark.django_db
def test_every_demo_outgoing_document_survives_the_round_trip(settings: Any) -> None:
    call_command("seed_demo", verbosity=0)
    recipient = Unit.objects.get(name=BTG)
    documents = _outgoing()
    assert len(documents) >= 4
    sent = []
    for document in documents:
        packet = document_export(actor=None, document=document, recipients=[recipient])
        data = packet_bytes(packet)
        attachment = edxml.read(data).attachments[0]  # type: ignore[union-attr]
        sent.append((_facts(document), store.digest(attachment.data), data))
    if connection.vendor == "postgresql":  # (TRUNCATE refuses pending deferred checks)
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, verbosity=0)  # the other instance starts empty
    with connection.cursor() as cursor:  # (the search index is outside the ORM's tables)
        cursor.execute("DELETE FROM documents_search")
    units = seed_organization()
    from doimoi.exchange.demo import seed_demo as seed_codes

    seed_codes(units)
    assert not Document.objects.exists()
    for facts, sha, data in sent:
        result = ingest_file(
            actor=None, unit=units[BTG], name="goi.edxml", data=data, source="exchange"
        )
        assert result.ok, (facts["number"], facts["symbol"], result.message)
        document = Document.objects.get(pk=result.documents[0]["id"])
        assert _facts(document) == facts
        assert document.copies.filter(unit=units[BTG]).first().stored_file.sha256 == sha


def _move_outbox_to(inbox_root: Path) -> int:
    outbox, inbox = inbox_root / "outbox", inbox_root / "inbox"
    inbox.mkdir(parents=True, exist_ok=True)
    moved = 0
    for path in sorted(outbox.glob("*.edxml")):
        shutil.move(path, inbox / path.name)
        moved += 1
    return moved


@pytest.mark.django_db
def test_recipient_actions_come_back_as_statuses_on_the_senders_page(
    agencies: dict[str, Any], settings: Any, client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    root = Path(settings.DOIMOI_EXCHANGE_DIR)
    committed = django_capture_on_commit_callbacks  # the transport writes when the action commits
    result = ingest_file(
        actor=None,
        unit=agencies[BAO_LOC],
        name="64.txt",
        data=seed_text(PLAN_64).encode(),
        source="web",
    )
    document = Document.objects.get(pk=result.documents[0]["id"])
    with committed(execute=True):
        document_export(actor=None, document=document, recipients=[agencies[BTG]])
    # the recipient's inbox: the folder transport delivers, the poll takes it in (registered: 03)
    assert _move_outbox_to(root) == 1
    with committed(execute=True):
        [received] = inbox_poll()
    assert received.ok, received.message
    record = ExchangeRecord.objects.get(direction=Direction.INCOMING, unit=agencies[BTG])
    entry = IncomingEntry.objects.get(unit=agencies[BTG], document=record.document)
    # assigned (04): the clerk names who handles it in the incoming register
    handler = Person.objects.create(full_name="Lê Văn Xử Lý")  # someone of the unit (issue 10)
    Membership.objects.create(person=handler, unit=entry.unit, role=Role.STAFF)
    with committed(execute=True):
        incoming_entry_update(
            actor=None, entry=entry, received_on=datetime.date.today(), handler=handler
        )
    # in progress (05) and done (06): from the document's page
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.get(username="admin")
    client.force_login(admin)
    for code in ("05", "06"):
        url = f"/lien-thong/van-ban/{record.document_id}/trang-thai/{record.pk}/"
        with committed(execute=True):
            response = client.post(url, {"code": code, "description": ""})
        assert response.status_code == 302, response.content.decode()[:500]
    # the sender's inbox: every status packet is read back
    assert _move_outbox_to(root) == 4
    results = inbox_poll()
    assert all(r.ok for r in results), [r.message for r in results]
    codes = list(RemoteStatus.objects.order_by("pk").values_list("code", flat=True))
    assert codes == ["03", "04", "05", "06"]
    page = client.get(f"/van-ban/{document.pk}/").content.decode()
    panel = page[page.index('data-testid="recipient-statuses"') :]
    assert "Hoàn thành xử lý" in panel.split("</tr>")[1]  # the latest state, first row
    assert BTG in panel


@pytest.mark.django_db
def test_refusal_needs_a_reason_and_is_sent(agencies: dict[str, Any], settings: Any) -> None:
    from doimoi.core.errors import ApplicationError
    from doimoi.exchange.services import status_send

    result = ingest_file(
        actor=None,
        unit=agencies[BAO_LOC],
        name="64.txt",
        data=seed_text(PLAN_64).encode(),
        source="web",
    )
    document = Document.objects.get(pk=result.documents[0]["id"])
    packet = document_export(actor=None, document=document, recipients=[agencies[BTG]])
    ingest_file(
        actor=None, unit=agencies[BTG], name="p.edxml", data=packet_bytes(packet), source="web"
    )
    record = ExchangeRecord.objects.get(direction=Direction.INCOMING)
    with pytest.raises(ApplicationError, match="lý do"):
        status_send(actor=None, record=record, code="02")
    sent = status_send(actor=None, record=record, code="02", description="Không đúng thẩm quyền")
    status = edxml.read(packet_bytes(sent))
    assert isinstance(status, edxml.StatusPacket)
    assert (status.code, status.description) == ("02", "Không đúng thẩm quyền")
    assert status.response_for.document_id == record.edxml_id
