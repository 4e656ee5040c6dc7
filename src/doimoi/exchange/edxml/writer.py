"""Writing packets in the layout the hub's SDK produces: envelope (header, trace, business,
manifest) then the attachments, each a ZIP of the file, base64-encoded."""

from __future__ import annotations

import base64
import datetime
import io
import uuid
import zipfile
from typing import Any

from lxml import etree

from doimoi.exchange.edxml.model import (
    BUSINESS_REASONS,
    NS,
    Attachment,
    Business,
    DocumentPacket,
    Organ,
    ResponseFor,
    StatusPacket,
)

_ORGAN_TAGS = (
    ("OrganId", "organ_id"),
    ("OrganizationInCharge", "organization_in_charge"),
    ("OrganName", "name"),
    ("OrganAdd", "address"),
    ("Email", "email"),
    ("Telephone", "telephone"),
    ("Fax", "fax"),
    ("Website", "website"),
)
# zip entries get a fixed time so the same document always makes the same packet bytes
_ZIP_TIME = (2016, 1, 1, 0, 0, 0)


class _Builder:
    def __init__(self, prefixed: bool) -> None:
        self.nsmap: Any = {"edXML": NS} if prefixed else {None: NS}

    def el(self, parent: etree._Element | None, tag: str, text: Any = None) -> etree._Element:
        name = f"{{{NS}}}{tag}"
        node = (
            etree.Element(name, nsmap=self.nsmap)
            if parent is None
            else etree.SubElement(parent, name)
        )
        if text is not None:
            node.text = str(text)
        return node


def _date(day: datetime.date | None) -> str:
    return day.strftime("%Y/%m/%d") if day else ""


def _stamp(moment: datetime.datetime | None = None) -> str:
    return (moment or datetime.datetime.now()).strftime("%Y/%m/%d %H:%M:%S")


def _organ(b: _Builder, parent: etree._Element, tag: str, organ: Organ) -> None:
    node = b.el(parent, tag)
    for child, attr in _ORGAN_TAGS:
        b.el(node, child, getattr(organ, attr))


def _response_for(b: _Builder, parent: etree._Element, r: ResponseFor) -> None:
    node = b.el(parent, "ResponseFor")
    b.el(node, "OrganId", r.organ_id)
    b.el(node, "Code", r.code)
    b.el(node, "PromulgationDate", _date(r.date))
    b.el(node, "DocumentId", r.document_id)


def zipped(attachment: Attachment) -> bytes:
    """The file as the SDK sends it: a ZIP holding it under its own name."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        info = zipfile.ZipInfo(attachment.name, date_time=_ZIP_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, attachment.data)
    return buffer.getvalue()


def _header(b: _Builder, parent: etree._Element, packet: DocumentPacket) -> None:
    h = packet.header
    m = b.el(parent, "MessageHeader")
    _organ(b, m, "From", h.sender)
    for recipient in h.recipients:
        _organ(b, m, "To", recipient)
    code = b.el(m, "Code")
    b.el(code, "CodeNumber", h.number)
    b.el(code, "CodeNotation", h.notation)
    info = b.el(m, "PromulgationInfo")
    b.el(info, "Place", h.place)
    b.el(info, "PromulgationDate", _date(h.date))
    kind = b.el(m, "DocumentType")
    b.el(kind, "Type", h.type_code if h.type_code is not None else 0)
    b.el(kind, "TypeDetail", h.type_detail if h.type_detail is not None else 0)
    b.el(kind, "TypeName", h.type_name)
    b.el(m, "Subject", h.subject)
    b.el(m, "Content", h.content or h.subject)
    signer = b.el(m, "SignerInfo")
    b.el(signer, "Competence", h.signer_competence)
    b.el(signer, "Position", h.signer_position)
    b.el(signer, "FullName", h.signer_name)
    if h.due_date:
        b.el(m, "DueDate", _date(h.due_date))
    places = b.el(m, "ToPlaces")
    for place in h.to_places:
        b.el(places, "Place", place)
    _other(b, m, packet)
    for response in h.response_for:
        _response_for(b, m, response)
    b.el(m, "SteeringType", h.steering_type if h.steering_type is not None else 1)
    b.el(m, "DocumentId", h.document_id)


def _other(b: _Builder, parent: etree._Element, packet: DocumentPacket) -> None:
    h = packet.header
    other = b.el(parent, "OtherInfo")
    b.el(other, "Priority", h.priority)
    b.el(other, "SphereOfPromulgation", h.sphere)
    b.el(other, "TyperNotation", h.typer)
    b.el(other, "PromulgationAmount", h.amount or 1)
    b.el(other, "PageAmount", h.pages or 1)
    b.el(other, "Direction", "false")
    appendixes = b.el(other, "Appendixes")
    for appendix in h.appendixes:
        b.el(appendixes, "Appendix", appendix)


def _business(b: _Builder, parent: etree._Element, business: Business) -> None:
    node = b.el(parent, "Bussiness")
    b.el(node, "BussinessDocType", business.kind)
    b.el(node, "BussinessDocReason", business.reason or BUSINESS_REASONS[business.kind])
    if business.document_id:
        b.el(node, "DocumentId", business.document_id)
    staff = b.el(node, "StaffInfo")
    b.el(staff, "Department", business.department)
    b.el(staff, "Staff", business.staff)
    b.el(node, "Paper", business.paper)
    if business.replaced:
        infos = b.el(node, "ReplacementInfoList")
        for replaced in business.replaced:
            info = b.el(infos, "ReplacementInfo")
            b.el(info, "DocumentId", replaced)


def _serialize(root: etree._Element) -> bytes:
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def write_document(
    packet: DocumentPacket, *, prefixed: bool = True, zip_files: bool = True, stamp: str = ""
) -> bytes:
    """The packet's bytes; attachments zipped then base64-encoded (``zip_files=False``: raw)."""
    b = _Builder(prefixed)
    root = b.el(None, "edXML")
    envelope = b.el(root, "edXMLEnvelope")
    header = b.el(envelope, "edXMLHeader")
    _header(b, header, packet)
    traces = b.el(header, "TraceHeaderList")
    trace = b.el(traces, "TraceHeader")
    b.el(trace, "OrganId", packet.header.sender.organ_id)
    b.el(trace, "Timestamp", stamp or _stamp())
    _business(b, traces, packet.business)
    manifest = b.el(b.el(envelope, "edXMLBody"), "edXMLManifest")
    manifest.set("version", "1.0")
    encoded = b.el(root, "AttachmentEncoded")
    for attachment in packet.attachments:
        cid = attachment.content_id or f"cid:{uuid.uuid5(uuid.NAMESPACE_URL, attachment.name)}"
        for parent in (b.el(manifest, "Reference"), b.el(encoded, "Attachment")):
            b.el(parent, "ContentId", cid)
            b.el(parent, "AttachmentName", attachment.name)
            b.el(parent, "Description", attachment.description)
            b.el(parent, "ContentType", attachment.content_type or "application/octet-stream")
        payload = zipped(attachment) if zip_files else attachment.data
        b.el(parent, "ContentTransferEncoded", base64.encodebytes(payload).decode("ascii"))
    return _serialize(root)


def write_status(packet: StatusPacket, *, prefixed: bool = True) -> bytes:
    """A status packet: MessageHeader only (From, ResponseFor, StaffInfo, StatusCode, ...)."""
    b = _Builder(prefixed)
    root = b.el(None, "edXML")
    header = b.el(b.el(root, "edXMLEnvelope"), "edXMLHeader")
    m = b.el(header, "MessageHeader")
    _organ(b, m, "From", packet.sender)
    _response_for(b, m, packet.response_for)
    staff = b.el(m, "StaffInfo")
    b.el(staff, "Department", packet.department)
    b.el(staff, "Staff", packet.staff)
    b.el(staff, "Email", packet.email)
    b.el(staff, "Mobile", packet.mobile)
    b.el(m, "StatusCode", packet.code)
    b.el(m, "Description", packet.description)
    b.el(m, "Timestamp", _stamp(packet.timestamp))
    return _serialize(root)
