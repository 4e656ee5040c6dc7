"""Taking packets in: a document packet becomes a document through the ingest pipeline (original
file, register entry, ledger event, one transaction); revoke, update and replace act on the
earlier document found by its DocumentId; a status packet records the recipient's handling."""

from __future__ import annotations

import logging
from typing import Any

from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doimoi.core.errors import ApplicationError
from doimoi.core.services import locked
from doimoi.documents.models import (
    Document,
    DocumentCopy,
    ItemStatus,
    Relation,
    StoredFile,
)
from doimoi.documents.services import citation_add, store
from doimoi.documents.services.common import require
from doimoi.documents.services.documents import Outcome, index, store_parts
from doimoi.documents.services.ingest import FileResult
from doimoi.exchange import edxml, events
from doimoi.exchange.edxml.model import BUSINESS_LABELS, STATUS_CODES
from doimoi.exchange.models import Direction, ExchangeRecord, Packet, PacketKind, RemoteStatus
from doimoi.exchange.selectors import unit_by_code
from doimoi.exchange.services import exports
from doimoi.exchange.services.common import keep
from doimoi.exchange.services.reading import Reading, read_document
from doimoi.ledger import services as ledger
from doimoi.organizations.models import Unit

log = logging.getLogger(__name__)


class _Written:
    """Bytes written to the store during a transaction, removed again if it fails."""

    def __init__(self) -> None:
        self.paths: list[str] = []

    def add(self, path: str | None) -> None:
        if path:
            self.paths.append(path)

    def discard(self) -> None:
        for path in self.paths:
            default_storage.delete(path)


def _summary(document: Document, created: bool) -> dict[str, Any]:
    return {
        "id": document.pk,
        "reference": document.reference,
        "date": document.date.isoformat() if document.date else None,
        "title": document.title[:200],
        "created": created,
    }


def packet_import(*, actor: Any, unit: Unit, name: str, data: bytes, source: str) -> FileResult:
    """Take one packet in for ``unit``; never raises for a bad packet (the result says why)."""
    require(actor, "documents.ingest_document", unit)
    try:
        packet = edxml.read(data)
    except edxml.BadPacket as error:
        return FileResult(name, ItemStatus.FAILED, error.message, len(data))
    written = _Written()
    try:
        with transaction.atomic():
            return _dispatch(actor, unit, name, data, packet, written)
    except ApplicationError as error:
        written.discard()
        message = "; ".join(str(m) for m in error.messages)
        return FileResult(name, ItemStatus.FAILED, message, len(data))
    except edxml.BadPacket as error:  # a nested packet (an attachment), read while storing
        written.discard()
        return FileResult(name, ItemStatus.FAILED, error.message, len(data))
    except Exception:
        written.discard()
        log.exception("packet import failed for %s", name)
        message = _("Lỗi không mong đợi khi nhập gói tin; không có gì được lưu.")
        return FileResult(name, ItemStatus.FAILED, message, len(data))


def _dispatch(
    actor: Any,
    unit: Unit,
    name: str,
    data: bytes,
    packet: edxml.DocumentPacket | edxml.StatusPacket,
    written: _Written,
) -> FileResult:
    if isinstance(packet, edxml.StatusPacket):
        return _status_in(actor, unit, name, data, packet, written)
    kind = packet.business.kind
    if kind == edxml.BUSINESS_REVOKE:
        return _revoke(actor, unit, name, data, packet, written)
    if kind == edxml.BUSINESS_UPDATE:
        return _update(actor, unit, name, data, packet, written)
    return _new(actor, unit, name, data, packet, written)


def _keep_packet(
    data: bytes,
    name: str,
    written: _Written,
    *,
    unit: Unit,
    record: ExchangeRecord | None,
    kind: str,
    peer: str,
    business: int | None = None,
    status_code: str = "",
) -> Packet:
    sha, path, new = keep(data)
    written.add(new)
    return Packet.objects.create(
        direction=Direction.INCOMING,
        kind=kind,
        business=business,
        status_code=status_code,
        record=record,
        unit=unit,
        peer=peer[:255],
        name=name[:255],
        sha256=sha,
        path=path,
    )


def _stored_file(attachment: edxml.Attachment, written: _Written) -> StoredFile:
    sha = store.digest(attachment.data)
    found = StoredFile.objects.filter(sha256=sha).first()
    if found is not None:
        return found
    stored, new = store.put(attachment.data, attachment.name, sha)
    written.add(new)
    return stored


def _target_id(packet: edxml.DocumentPacket) -> str:
    responses = [r.document_id for r in packet.header.response_for if r.document_id]
    return packet.business.document_id or (responses[0] if responses else "")


def _earlier(unit: Unit, document_id: str) -> ExchangeRecord:
    """The record of the document a revoke, update or replace packet is about."""
    found = ExchangeRecord.objects.filter(edxml_id=document_id).select_related("document")
    record = (
        found.filter(unit=unit, direction=Direction.INCOMING).first()
        or found.filter(direction=Direction.INCOMING).first()
        or found.first()
    )
    if record is None:
        raise ApplicationError(
            {
                "file": _(
                    "Không tìm thấy văn bản đã nhận có mã «%(id)s»; gói tin không được áp dụng."
                )
                % {"id": document_id or "—"}
            }
        )
    return record


def _own_id(packet: edxml.DocumentPacket) -> str:
    h = packet.header
    return h.document_id or edxml.document_id(h.sender.organ_id, h.date, h.number, h.notation)


def _record(unit: Unit, packet: edxml.DocumentPacket, document: Document) -> ExchangeRecord:
    h = packet.header
    record, _created = ExchangeRecord.objects.update_or_create(
        unit=unit,
        direction=Direction.INCOMING,
        edxml_id=_own_id(packet)[:255],
        defaults={
            "document": document,
            "sender_code": h.sender.organ_id[:35],
            "sender_name": h.sender.name[:255],
            "recipients": [{"code": r.organ_id, "name": r.name} for r in h.recipients],
            "due_date": h.due_date,
        },
    )
    return record


def _store_document(
    actor: Any, unit: Unit, reading: Reading, written: _Written, issuer: Unit | None
) -> Outcome:
    stored = _stored_file(reading.main, written) if reading.main is not None else None
    overrides = dict(reading.fields) | ({"issuer_unit": issuer} if issuer is not None else {})
    outcome = store_parts(
        [reading.part],
        actor=actor,
        unit=unit,
        stored_file=stored,
        source="edxml",
        overrides=overrides,
    )[0]
    user = actor if actor is not None and actor.is_authenticated else None
    for position, attachment in enumerate(reading.others, start=1):
        DocumentCopy.objects.get_or_create(
            document=outcome.document,
            stored_file=_stored_file(attachment, written),
            part=position,
            unit=unit,
            defaults={"source": "edxml", "created_by": user},
        )
    if outcome.created:
        parsed = dict(outcome.document.parsed or {})
        parsed |= {"source": "edxml", "disagreements": reading.disagreements}
        parsed["warnings"] = list(parsed.get("warnings") or []) + reading.warnings
        Document.objects.filter(pk=outcome.document.pk).update(parsed=parsed)
        outcome.document.parsed = parsed
    return outcome


def _new(
    actor: Any,
    unit: Unit,
    name: str,
    data: bytes,
    packet: edxml.DocumentPacket,
    written: _Written,
) -> FileResult:
    reading = read_document(packet)
    issuer = unit_by_code(packet.header.sender.organ_id)
    outcome = _store_document(actor, unit, reading, written, issuer)
    document = outcome.document
    record = _record(unit, packet, document)
    replaced = _replaces(packet, unit, document) if packet.business.kind else []
    _keep_packet(
        data,
        name,
        written,
        unit=unit,
        record=record,
        kind=PacketKind.DOCUMENT,
        peer=packet.header.sender.organ_id,
        business=packet.business.kind,
    )
    _ledger_received(actor, unit, document, packet, record, replaced)
    if document.issuer_unit_id != unit.pk:
        exports.status_auto(record, "03", _("Đã vào sổ văn bản đến."))
    return _result(name, data, outcome, reading, replaced)


def _replaces(packet: edxml.DocumentPacket, unit: Unit, document: Document) -> list[Document]:
    ids = packet.business.replaced or [_target_id(packet)]
    replaced = []
    for document_id in dict.fromkeys(i for i in ids if i):
        earlier = _earlier(unit, document_id).document
        if earlier.pk != document.pk:
            citation_add(actor=None, source=document, target=earlier, relation=Relation.REPLACES)
            replaced.append(earlier)
    if not replaced:
        raise ApplicationError(
            {"file": _("Gói tin thay thế không cho biết văn bản bị thay thế (DocumentId).")}
        )
    return replaced


def _ledger_received(
    actor: Any,
    unit: Unit,
    document: Document,
    packet: edxml.DocumentPacket,
    record: ExchangeRecord,
    replaced: list[Document],
) -> None:
    payload = {
        "document_id": record.edxml_id,
        "business": packet.business.kind,
        "sender": record.sender_code,
        "replaces": [d.pk for d in replaced],
        "disagreements": sorted((document.parsed or {}).get("disagreements") or {}),
    }
    ledger.append(
        action=events.PACKET_RECEIVED, subject=document, actor=actor, unit=unit, payload=payload
    )


def _result(
    name: str, data: bytes, outcome: Outcome, reading: Reading, replaced: list[Document]
) -> FileResult:
    document = outcome.document
    status = ItemStatus.STORED if outcome.created else ItemStatus.COPY
    message = _("Đã nhận văn bản %(ref)s qua liên thông (edXML).") % {"ref": document.reference}
    if replaced:
        message += " " + _("Thay thế: %(refs)s.") % {
            "refs": ", ".join(d.reference for d in replaced)
        }
    if reading.disagreements:
        message += " " + _(
            "Nội dung tệp khác thông tin gói tin ở %(n)s trường; xem trang kiểm tra."
        ) % {"n": len(reading.disagreements)}
    if reading.warnings:
        message += " " + "; ".join(reading.warnings[:3])
    return FileResult(name, status, message, len(data), [_summary(document, outcome.created)])


def _revoke(
    actor: Any,
    unit: Unit,
    name: str,
    data: bytes,
    packet: edxml.DocumentPacket,
    written: _Written,
) -> FileResult:
    record = _earlier(unit, _target_id(packet))
    reason = packet.business.reason or str(BUSINESS_LABELS[edxml.BUSINESS_REVOKE])
    ExchangeRecord.objects.filter(pk=record.pk).update(
        revoked_at=timezone.now(), revoked_reason=reason
    )
    _keep_packet(
        data,
        name,
        written,
        unit=unit,
        record=record,
        kind=PacketKind.DOCUMENT,
        peer=packet.header.sender.organ_id,
        business=edxml.BUSINESS_REVOKE,
    )
    document = record.document
    payload = {"document_id": record.edxml_id, "reason": reason}
    ledger.append(
        action=events.DOCUMENT_REVOKED, subject=document, actor=actor, unit=unit, payload=payload
    )
    message = _("Văn bản %(ref)s đã bị nơi gửi thu hồi; văn bản được giữ lại và đánh dấu.") % {
        "ref": document.reference
    }
    return FileResult(name, ItemStatus.STORED, message, len(data), [_summary(document, False)])


def _update(
    actor: Any,
    unit: Unit,
    name: str,
    data: bytes,
    packet: edxml.DocumentPacket,
    written: _Written,
) -> FileResult:
    record = _earlier(unit, _target_id(packet) or _own_id(packet))
    document = locked(Document.objects).get(pk=record.document_id)
    fields = read_document(edxml.DocumentPacket(packet.header)).fields
    changes = {
        k: [str(getattr(document, k)), str(v)]
        for k, v in fields.items()
        if getattr(document, k) != v
    }
    for key, value in fields.items():
        setattr(document, key, value)
    document.save()
    index(document)
    _keep_packet(
        data,
        name,
        written,
        unit=unit,
        record=record,
        kind=PacketKind.DOCUMENT,
        peer=packet.header.sender.organ_id,
        business=edxml.BUSINESS_UPDATE,
    )
    payload = {"document_id": record.edxml_id, "changed": changes}
    ledger.append(
        action=events.DOCUMENT_UPDATED, subject=document, actor=actor, unit=unit, payload=payload
    )
    message = _("Văn bản %(ref)s được nơi gửi cập nhật (%(n)s trường thay đổi).") % {
        "ref": document.reference,
        "n": len(changes),
    }
    return FileResult(name, ItemStatus.STORED, message, len(data), [_summary(document, False)])


def _status_in(
    actor: Any,
    unit: Unit,
    name: str,
    data: bytes,
    packet: edxml.StatusPacket,
    written: _Written,
) -> FileResult:
    document_id = packet.response_for.document_id
    records = ExchangeRecord.objects.filter(
        edxml_id=document_id, direction=Direction.OUTGOING
    ).select_related("document")
    record = records.filter(unit=unit).first() or records.first()
    if record is None:
        raise ApplicationError(
            {
                "file": _("Không có văn bản đã gửi mang mã «%(id)s»; trạng thái không được ghi.")
                % {"id": document_id}
            }
        )
    at = packet.timestamp
    moment = timezone.make_aware(at) if at is not None else timezone.now()
    status = RemoteStatus.objects.create(
        record=record,
        agency_code=packet.sender.organ_id[:35],
        agency_name=packet.sender.name[:255],
        unit=unit_by_code(packet.sender.organ_id),
        code=packet.code,
        description=packet.description,
        staff=packet.staff[:255],
        at=moment,
    )
    _keep_packet(
        data,
        name,
        written,
        unit=record.unit,
        record=record,
        kind=PacketKind.STATUS,
        peer=packet.sender.organ_id,
        status_code=packet.code,
    )
    payload = {
        "document_id": document_id,
        "from": status.agency_code,
        "code": status.code,
        "description": status.description,
    }
    ledger.append(
        action=events.STATUS_RECEIVED,
        subject=record.document,
        actor=actor,
        unit=record.unit,
        payload=payload,
    )
    message = _("%(agency)s báo văn bản %(ref)s: %(status)s.") % {
        "agency": status.agency_name or status.agency_code,
        "ref": record.document.reference,
        "status": STATUS_CODES.get(status.code, status.code),
    }
    return FileResult(
        name, ItemStatus.STORED, message, len(data), [_summary(record.document, False)]
    )
