"""Sending packets out: a document as edXML (new, revoke, update, replace), and the status of a
received document back to its sender. Classified documents never leave (QCVN 102 excludes them)."""

from __future__ import annotations

import logging
from typing import Any

from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doimoi.core.errors import ApplicationError
from doimoi.documents.models import Document, DocumentState
from doimoi.documents.services import store
from doimoi.documents.services.common import require
from doimoi.exchange import edxml, events, transport
from doimoi.exchange.edxml.model import STATUS_CODES
from doimoi.exchange.models import Direction, ExchangeRecord, Packet, PacketKind
from doimoi.exchange.selectors import code_of
from doimoi.exchange.services.common import FOR_REPORT, URGENCY_TO_PRIORITY, keep, type_code_of
from doimoi.exchange.transport import safe_name
from doimoi.ledger import services as ledger
from doimoi.organizations.models import Unit

log = logging.getLogger(__name__)


def _organ(unit: Unit, name: str = "", parent: str = "") -> edxml.Organ:
    code = code_of(unit)
    if not code:
        raise ApplicationError(
            {"unit": _("Đơn vị «%(unit)s» chưa có mã định danh liên thông.") % {"unit": unit.name}}
        )
    above = Unit.objects.get_parent(unit) if unit.depth > 1 else None
    return edxml.Organ(
        organ_id=code,
        organization_in_charge=parent or (above.name if above else ""),
        name=name or unit.name,
    )


def _check_exportable(document: Document) -> Unit:
    if document.confidentiality > 0:
        raise ApplicationError(
            {
                "document": _(
                    "Văn bản mật (%(level)s) không được gửi qua liên thông: QCVN 102:2016 và "
                    "QĐ 28/2018/QĐ-TTg không áp dụng cho văn bản mật."
                )
                % {"level": document.get_confidentiality_display()}
            }
        )
    if document.state == DocumentState.PLACEHOLDER or document.issuer_unit is None:
        raise ApplicationError(
            {"document": _("Chỉ xuất được văn bản do một đơn vị trong hệ thống ban hành.")}
        )
    return document.issuer_unit


def _attachment(document: Document) -> edxml.Attachment:
    """The original file (the issuer's copy first), else the text the document was composed as."""
    copies = document.copies.filter(stored_file__isnull=False).select_related("stored_file")
    copy = copies.filter(unit=document.issuer_unit).order_by("part", "pk").first()
    copy = copy or copies.order_by("part", "pk").first()
    if copy is not None and copy.stored_file is not None:
        stored = copy.stored_file
        return edxml.Attachment(
            name=stored.original_name,
            data=store.read(stored),
            content_type=stored.content_type or "application/octet-stream",
        )
    name = safe_name(f"{document.reference or document.pk}.txt")
    return edxml.Attachment(
        name=name, data=document.text.encode("utf-8"), content_type="text/plain"
    )


def document_id_of(document: Document, sender_code: str) -> str:
    return edxml.document_id(sender_code, document.date, document.number, document.symbol)


def header_of(document: Document, sender: edxml.Organ, recipients: list[Unit]) -> edxml.Header:
    """The MessageHeader of ``document``, from its metadata."""
    return edxml.Header(
        sender=sender,
        recipients=[_organ(u) for u in recipients],
        number=document.number,
        notation=document.symbol,
        place=document.place,
        date=document.date,
        type_code=type_code_of(document.type_name),
        type_detail=0,
        type_name=document.type_name,
        subject=document.title,
        content=document.title,
        signer_competence=document.signing_authority,
        signer_position=document.signer_title,
        signer_name=document.signer_name,
        to_places=[
            r.get("name", "") + (FOR_REPORT if r.get("for_report") else "")
            for r in document.recipients or []
            if r.get("name")
        ],
        priority=URGENCY_TO_PRIORITY.get(document.urgency, 0),
        document_id=document_id_of(document, sender.organ_id),
    )


def _send_on_commit(name: str, data: bytes) -> str:
    chosen = transport.configured()
    if chosen is None:
        return ""

    def send() -> None:
        try:
            chosen.send(name, data)
        except OSError:
            log.exception("could not hand packet %s to the %s transport", name, chosen.name)

    transaction.on_commit(send)
    return chosen.name


def _keep(data: bytes, name: str, *, record: ExchangeRecord, kind: str, **extra: Any) -> Packet:
    sha, path, _written = keep(data)  # (bytes named by their hash; left over only if rolled back)
    return Packet.objects.create(
        direction=Direction.OUTGOING,
        kind=kind,
        record=record,
        unit=record.unit,
        name=name[:255],
        sha256=sha,
        path=path,
        transport=_send_on_commit(name, data),
        **extra,
    )


def _business(
    kind: int, document: Document, record_id: str, replaces: Document | None, sender: str
) -> edxml.Business:
    if kind == edxml.BUSINESS_REPLACE:
        if replaces is None:
            raise ApplicationError({"replaces": _("Chọn văn bản bị thay thế.")})
        earlier = document_id_of(replaces, sender)
        return edxml.Business(kind=kind, document_id=earlier, replaced=[earlier])
    if kind in (edxml.BUSINESS_REVOKE, edxml.BUSINESS_UPDATE):
        return edxml.Business(kind=kind, document_id=record_id)
    return edxml.Business(kind=edxml.BUSINESS_NEW)


@transaction.atomic
def document_export(
    *,
    actor: Any,
    document: Document,
    recipients: list[Unit],
    business: int = edxml.BUSINESS_NEW,
    reason: str = "",
    replaces: Document | None = None,
) -> Packet:
    """Write ``document`` as an edXML packet to ``recipients`` (and hand it to the transport)."""
    require(actor, "documents.view_document", document)
    issuer = _check_exportable(document)
    require(actor, "documents.ingest_document", issuer)
    if not recipients:
        raise ApplicationError({"recipients": _("Chọn ít nhất một nơi nhận có mã định danh.")})
    sender = _organ(issuer, document.issuer_name, document.parent_issuer_name)
    header = header_of(document, sender, recipients)
    packet = edxml.DocumentPacket(
        header, _business(business, document, header.document_id, replaces, sender.organ_id)
    )
    packet.business.reason = reason
    if business == edxml.BUSINESS_REVOKE:
        header.response_for = [
            edxml.ResponseFor(
                sender.organ_id,
                f"{document.number}/{document.symbol}",
                document.date,
                header.document_id,
            )
        ]
    else:
        packet.attachments = [_attachment(document)]
    data = edxml.write_document(packet)
    record, _created = ExchangeRecord.objects.get_or_create(
        unit=issuer,
        direction=Direction.OUTGOING,
        edxml_id=header.document_id[:255],
        defaults={"document": document, "sender_code": sender.organ_id, "sender_name": sender.name},
    )
    record.recipients = _merged(record.recipients, header.recipients)
    if business == edxml.BUSINESS_REVOKE:
        record.revoked_at, record.revoked_reason = timezone.now(), reason
    record.save()
    name = safe_name(f"{sender.organ_id}_{document.number}_{document.symbol}_{business}.edxml")
    saved = _keep(data, name, record=record, kind=PacketKind.DOCUMENT, business=business)
    payload = {
        "document_id": record.edxml_id,
        "business": business,
        "to": [r.organ_id for r in header.recipients],
        "sha256": saved.sha256,
        "transport": saved.transport,
    }
    ledger.append(
        action=events.PACKET_SENT, subject=document, actor=actor, unit=issuer, payload=payload
    )
    return saved


def _merged(known: list[dict[str, str]], organs: list[edxml.Organ]) -> list[dict[str, str]]:
    codes = {r["code"] for r in known}
    return known + [{"code": o.organ_id, "name": o.name} for o in organs if o.organ_id not in codes]


def packet_bytes(packet: Packet) -> bytes:
    with default_storage.open(packet.path, "rb") as handle:
        return bytes(handle.read())


@transaction.atomic
def status_send(*, actor: Any, record: ExchangeRecord, code: str, description: str = "") -> Packet:
    """Tell the sender of a received document how its handling stands (status 01–06, ...)."""
    if actor is not None:
        require(actor, "documents.ingest_document", record.unit)
    if record.direction != Direction.INCOMING:
        raise ApplicationError({"record": _("Chỉ báo trạng thái cho văn bản đã nhận.")})
    if code not in STATUS_CODES:
        raise ApplicationError({"code": _("Mã trạng thái không hợp lệ.")})
    if code == "02" and not description.strip():
        raise ApplicationError({"description": _("Từ chối tiếp nhận phải nêu lý do.")})
    document = record.document
    staff = ""
    if actor is not None and actor.is_authenticated:
        person = getattr(actor, "person", None)
        staff = person.full_name if person is not None else actor.get_username()
    packet = edxml.StatusPacket(
        sender=_organ(record.unit),
        response_for=edxml.ResponseFor(
            record.sender_code,
            f"{document.number}/{document.symbol}",
            document.date,
            record.edxml_id,
        ),
        code=code,
        description=description.strip() or str(STATUS_CODES[code]),
        timestamp=timezone.localtime().replace(tzinfo=None),
        staff=staff,
        department=record.unit.name,
    )
    data = edxml.write_status(packet)
    stamp = timezone.now().strftime("%Y%m%d%H%M%S%f")
    name = safe_name(f"status_{code}_{packet.sender.organ_id}_{stamp}.edxml")
    saved = _keep(data, name, record=record, kind=PacketKind.STATUS, status_code=code)
    saved.peer = record.sender_code
    saved.save(update_fields=["peer"])
    payload = {"document_id": record.edxml_id, "code": code, "description": packet.description}
    ledger.append(
        action=events.STATUS_SENT, subject=document, actor=actor, unit=record.unit, payload=payload
    )
    return saved


def status_auto(record: ExchangeRecord | None, code: str, description: str = "") -> None:
    """Send a status that an action of doimoi implies, once per code; a unit without a code, or
    a sender without one, sends nothing (the action itself goes on)."""
    if record is None or not record.sender_code or not code_of(record.unit):
        return
    if record.packets.filter(
        direction=Direction.OUTGOING, kind="status", status_code=code
    ).exists():
        return
    status_send(actor=None, record=record, code=code, description=description)
