"""Reading a packet: safely (no DTD, no entities, no network, bounded sizes), by namespace and
local name (``edXML:AttachmentEncoded`` and ``AttachmentEncoded`` under a default namespace
are the same element), into the plain data of ``model``."""

from __future__ import annotations

import base64
import binascii
import datetime
import io
import re
import zipfile
from collections.abc import Iterator

from django.utils.translation import gettext as _
from lxml import etree

from doimoi.exchange.edxml import limits
from doimoi.exchange.edxml.model import (
    NS,
    Attachment,
    Business,
    DocumentPacket,
    Header,
    Organ,
    ResponseFor,
    StatusPacket,
    Trace,
)

_FORBIDDEN = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_SPACE = re.compile(rb"\s+")
_ORGAN_FIELDS = {
    "OrganId": "organ_id",
    "OrganizationInCharge": "organization_in_charge",
    "OrganName": "name",
    "OrganAdd": "address",
    "Email": "email",
    "Telephone": "telephone",
    "Fax": "fax",
    "Website": "website",
}


class BadPacket(Exception):
    """A packet refused; ``str(error)`` is the message for the person who sent it."""

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else ""


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def _sniff_head(data: bytes) -> bytes:
    return data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")


def is_edxml(name: str, data: bytes) -> bool:
    """Whether a file looks like a packet (by its name, or an edXML root in its first bytes)."""
    if name.lower().endswith(".edxml"):
        return True
    head = _sniff_head(data)
    return head.startswith(b"<") and NS.encode() in head and b"edXML" in head


def _is(element: etree._Element, local: str) -> bool:
    if not isinstance(element.tag, str):
        return False
    qname = etree.QName(element)
    return qname.localname == local and qname.namespace in (NS, None)


def _children(element: etree._Element | None, local: str) -> Iterator[etree._Element]:
    if element is None:
        return iter(())
    return (child for child in element if _is(child, local))


def _child(element: etree._Element | None, *path: str) -> etree._Element | None:
    for local in path:
        element = next(_children(element, local), None)
        if element is None:
            return None
    return element


def _text(element: etree._Element | None, *path: str) -> str:
    found = _child(element, *path) if path else element
    if found is None or found.text is None:
        return ""
    return " ".join(found.text.split())


def _int(value: str) -> int | None:
    value = value.strip()
    return int(value) if value.lstrip("-").isdigit() else None


def _date(value: str, field: str) -> datetime.date | None:
    value = value.strip()
    if not value:
        return None
    for pattern in ("%Y/%m/%d", "%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(value[:10], pattern).date()
        except ValueError:
            continue
    raise BadPacket(
        _("Gói tin có ngày không đọc được ở trường %(field)s: «%(value)s» (cần dạng yyyy/MM/dd).")
        % {"field": field, "value": value[:40]}
    )


def _timestamp(value: str) -> datetime.datetime | None:
    value = value.strip()
    for pattern in ("%Y/%m/%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y/%m/%d"):
        try:
            return datetime.datetime.strptime(value[:19], pattern)
        except ValueError:
            continue
    return None


def _organ(element: etree._Element | None) -> Organ:
    organ = Organ()
    for tag, attr in _ORGAN_FIELDS.items():
        setattr(organ, attr, _text(element, tag))
    return organ


def _response_for(element: etree._Element | None) -> ResponseFor:
    return ResponseFor(
        organ_id=_text(element, "OrganId"),
        code=_text(element, "Code"),
        date=_date(_text(element, "PromulgationDate"), "ResponseFor/PromulgationDate"),
        document_id=_text(element, "DocumentId"),
    )


def _root(data: bytes) -> etree._Element:
    if len(data) > limits.max_packet_bytes():
        raise BadPacket(
            _("Gói tin quá lớn (%(size)s MB); giới hạn là %(limit)s MB.")
            % {
                "size": round(len(data) / 2**20, 1),
                "limit": round(limits.max_packet_bytes() / 2**20),
            }
        )
    if _FORBIDDEN.search(data):
        raise BadPacket(
            _("Gói tin có khai báo DOCTYPE/ENTITY; vì an toàn, gói tin như vậy bị từ chối.")
        )
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as error:
        raise BadPacket(
            _("Tệp không phải XML hợp lệ (dòng %(line)s): gói tin edXML bị từ chối.")
            % {"line": error.lineno or 1}
        ) from error
    if root.getroottree().docinfo.doctype:
        raise BadPacket(_("Gói tin có khai báo DOCTYPE; vì an toàn, gói tin bị từ chối."))
    qname = etree.QName(root)
    if qname.localname != "edXML" or qname.namespace != NS:
        raise BadPacket(
            _(
                "Không phải gói tin edXML theo QCVN 102:2016: phần tử gốc là «%(tag)s», "
                "cần «edXML» trong không gian tên %(ns)s."
            )
            % {"tag": qname.localname, "ns": NS}
        )
    return root


def read(data: bytes, *, depth: int = 0) -> DocumentPacket | StatusPacket:
    """The packet in ``data``; raises ``BadPacket`` for anything malformed, unsafe or too large."""
    root = _root(data)
    header = _child(root, "edXMLEnvelope", "edXMLHeader")
    message = _child(header, "MessageHeader")
    if message is None:
        raise BadPacket(_("Gói tin thiếu phần MessageHeader (edXMLEnvelope/edXMLHeader)."))
    if _child(message, "StatusCode") is not None:
        return _status(message)
    packet = DocumentPacket(_header(message))
    packet.business = _business(_child(header, "TraceHeaderList", "Bussiness"))
    packet.traces = [
        Trace(_text(t, "OrganId"), _text(t, "Timestamp"))
        for t in _children(_child(header, "TraceHeaderList"), "TraceHeader")
    ]
    packet.attachments = _attachments(root, depth)
    return packet


def _header(message: etree._Element) -> Header:
    code = _child(message, "Code")
    if code is None or not (_text(code, "CodeNumber") or _text(code, "CodeNotation")):
        raise BadPacket(_("Gói tin văn bản thiếu số, ký hiệu (MessageHeader/Code)."))
    h = Header(
        sender=_organ(_child(message, "From")),
        recipients=[_organ(e) for e in _children(message, "To")],
        number=_text(code, "CodeNumber"),
        notation=_text(code, "CodeNotation"),
        place=_text(message, "PromulgationInfo", "Place"),
        date=_date(_text(message, "PromulgationInfo", "PromulgationDate"), "PromulgationDate"),
        type_code=_int(_text(message, "DocumentType", "Type")),
        type_detail=_int(_text(message, "DocumentType", "TypeDetail")),
        type_name=_text(message, "DocumentType", "TypeName"),
        subject=_text(message, "Subject"),
        content=_text(message, "Content"),
        signer_competence=_text(message, "SignerInfo", "Competence"),
        signer_position=_text(message, "SignerInfo", "Position"),
        signer_name=_text(message, "SignerInfo", "FullName"),
        due_date=_date(_text(message, "DueDate"), "DueDate"),
        to_places=[_text(p) for p in _children(_child(message, "ToPlaces"), "Place") if _text(p)],
        steering_type=_int(_text(message, "SteeringType")),
        document_id=_text(message, "DocumentId"),
        response_for=[_response_for(e) for e in _children(message, "ResponseFor")],
    )
    other = _child(message, "OtherInfo")
    h.priority = _int(_text(other, "Priority")) or 0
    h.sphere = _text(other, "SphereOfPromulgation")
    h.typer = _text(other, "TyperNotation")
    h.amount = _int(_text(other, "PromulgationAmount"))
    h.pages = _int(_text(other, "PageAmount"))
    h.appendixes = [_text(a) for a in _children(_child(other, "Appendixes"), "Appendix")]
    return h


def _business(element: etree._Element | None) -> Business:
    if element is None:
        return Business()
    kind = _int(_text(element, "BussinessDocType"))
    if kind not in (0, 1, 2, 3):
        raise BadPacket(
            _("Loại nghiệp vụ (BussinessDocType) «%(value)s» không hợp lệ; cần 0, 1, 2 hoặc 3.")
            % {"value": _text(element, "BussinessDocType")[:10]}
        )
    replaced = [
        _text(info, "DocumentId")
        for info in _children(_child(element, "ReplacementInfoList"), "ReplacementInfo")
    ]
    return Business(
        kind=kind,
        reason=_text(element, "BussinessDocReason"),
        document_id=_text(element, "DocumentId"),
        replaced=[r for r in replaced if r],
        staff=_text(element, "StaffInfo", "Staff"),
        department=_text(element, "StaffInfo", "Department"),
        paper=_int(_text(element, "Paper")) or 0,
    )


def _status(message: etree._Element) -> StatusPacket:
    code = _text(message, "StatusCode")
    if not (len(code) == 2 and code.isdigit()):
        raise BadPacket(
            _("Mã trạng thái (StatusCode) «%(code)s» không hợp lệ; cần hai chữ số, ví dụ 03.")
            % {"code": code[:10]}
        )
    response = _child(message, "ResponseFor")
    if response is None or not _text(response, "DocumentId"):
        raise BadPacket(_("Gói tin trạng thái thiếu văn bản được báo (ResponseFor/DocumentId)."))
    staff = _child(message, "StaffInfo")
    return StatusPacket(
        sender=_organ(_child(message, "From")),
        response_for=_response_for(response),
        code=code,
        description=_text(message, "Description"),
        timestamp=_timestamp(_text(message, "Timestamp")),
        staff=_text(staff, "Staff"),
        department=_text(staff, "Department"),
        email=_text(staff, "Email"),
        mobile=_text(staff, "Mobile"),
    )


def _attachments(root: etree._Element, depth: int) -> list[Attachment]:
    elements = list(_children(_child(root, "AttachmentEncoded"), "Attachment"))
    if len(elements) > limits.max_attachments():
        raise BadPacket(
            _("Gói tin có %(n)s tệp đính kèm; giới hạn là %(limit)s.")
            % {"n": len(elements), "limit": limits.max_attachments()}
        )
    budget = [limits.max_unzipped_bytes()]
    found: list[Attachment] = []
    for element in elements:
        found += _attachment(element, budget)
    if len(found) > limits.max_attachments():
        raise BadPacket(
            _("Gói tin có %(n)s tệp đính kèm; giới hạn là %(limit)s.")
            % {"n": len(found), "limit": limits.max_attachments()}
        )
    if depth >= limits.MAX_DEPTH and any(is_edxml(a.name, a.data) for a in found):
        raise BadPacket(_("Gói tin lồng nhau quá nhiều lớp; gói tin bị từ chối."))
    return found


def _decode(element: etree._Element, name: str) -> bytes:
    encoded = _child(element, "ContentTransferEncoded")
    raw = (
        _SPACE.sub(b"", (encoded.text or "").encode("ascii", "replace"))
        if encoded is not None
        else b""
    )
    if not raw:
        raise BadPacket(_("Tệp đính kèm «%(name)s» không có nội dung.") % {"name": name})
    try:
        return base64.b64decode(raw, validate=True)
    except (binascii.Error, ValueError) as error:
        raise BadPacket(
            _("Tệp đính kèm «%(name)s» không phải base64 hợp lệ; gói tin bị từ chối.")
            % {"name": name}
        ) from error


def _attachment(element: etree._Element, budget: list[int]) -> list[Attachment]:
    name = _text(element, "AttachmentName") or _text(element, "ContentId") or "dinh-kem"
    data = _decode(element, name)
    meta = {
        "content_type": _text(element, "ContentType"),
        "description": _text(element, "Description"),
        "content_id": _text(element, "ContentId"),
    }
    if not data.startswith(b"PK\x03\x04") or _looks_like_office(name):
        _spend(budget, len(data), name)
        return [Attachment(name=_safe_name(name), data=data, **meta)]
    return [Attachment(name=n, data=d, **meta) for n, d in _unzip(data, name, budget)]


def _looks_like_office(name: str) -> bool:
    """A DOCX/XLSX sent without the SDK's ZIP wrapper is itself a ZIP: keep it whole."""
    return name.lower().endswith((".docx", ".xlsx", ".pptx", ".odt", ".ods"))


def _safe_name(name: str) -> str:
    return name.replace("\\", "/").rsplit("/", 1)[-1][:200] or "dinh-kem"


def _spend(budget: list[int], size: int, name: str) -> None:
    budget[0] -= size
    if budget[0] < 0:
        raise BadPacket(
            _(
                "Tệp đính kèm «%(name)s» giải nén ra quá lớn (vượt %(limit)s MB); "
                "gói tin bị từ chối."
            )
            % {"name": name, "limit": round(limits.max_unzipped_bytes() / 2**20)}
        )


def _unzip(data: bytes, name: str, budget: list[int]) -> list[tuple[str, bytes]]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = [e for e in archive.infolist() if not e.is_dir()]
        if not entries or len(entries) > limits.max_attachments():
            raise BadPacket(
                _("Tệp nén «%(name)s» không có tệp nào hoặc có quá nhiều tệp.") % {"name": name}
            )
        return [(_safe_name(e.filename), _read_entry(archive, e, budget, name)) for e in entries]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, RuntimeError, EOFError, OSError) as error:
        raise BadPacket(
            _("Tệp đính kèm «%(name)s» là tệp nén hỏng; gói tin bị từ chối.") % {"name": name}
        ) from error


def _read_entry(
    archive: zipfile.ZipFile, entry: zipfile.ZipInfo, budget: list[int], name: str
) -> bytes:
    if entry.flag_bits & 0x1:
        raise BadPacket(_("Tệp nén «%(name)s» có mật khẩu; không đọc được.") % {"name": name})
    if entry.file_size > budget[0]:  # declared too large: refuse before reading
        _spend(budget, entry.file_size, name)
    chunks: list[bytes] = []
    with archive.open(entry) as handle:  # never trust the declared size: count what comes out
        while chunk := handle.read(2**20):
            _spend(budget, len(chunk), name)
            chunks.append(chunk)
    return b"".join(chunks)
