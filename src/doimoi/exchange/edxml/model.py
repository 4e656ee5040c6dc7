"""The parts of an edXML packet, as plain data (field names follow QCVN 102's element names)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016"
XMLDSIG = "http://www.w3.org/2000/09/xmldsig#"

# Bussiness/BussinessDocType (the standard spells it with a double "s")
BUSINESS_NEW, BUSINESS_REVOKE, BUSINESS_UPDATE, BUSINESS_REPLACE = 0, 1, 2, 3
BUSINESS_REASONS = {
    BUSINESS_NEW: "Văn bản điện tử mới",
    BUSINESS_REVOKE: "Thu hồi văn bản điện tử",
    BUSINESS_UPDATE: "Cập nhật văn bản điện tử",
    BUSINESS_REPLACE: "Văn bản thay thế",
}
BUSINESS_LABELS = {
    BUSINESS_NEW: _("văn bản mới"),
    BUSINESS_REVOKE: _("thu hồi"),
    BUSINESS_UPDATE: _("cập nhật"),
    BUSINESS_REPLACE: _("thay thế"),
}

# StatusCode of a status packet (gói tin trạng thái), as the hub's samples use them
STATUS_CODES = {
    "01": _("Đã đến"),
    "02": _("Từ chối tiếp nhận"),
    "03": _("Đã tiếp nhận (vào sổ văn bản đến)"),
    "04": _("Đã phân công xử lý"),
    "05": _("Đang xử lý"),
    "06": _("Hoàn thành xử lý"),
    "13": _("Nơi gửi đề nghị lấy lại văn bản"),
    "15": _("Đồng ý yêu cầu cập nhật, lấy lại"),
    "16": _("Từ chối yêu cầu cập nhật, lấy lại"),
}


@dataclass
class Organ:
    """An organization as a packet names it (From, To): agency code, name, contacts."""

    organ_id: str = ""
    organization_in_charge: str = ""
    name: str = ""
    address: str = ""
    email: str = ""
    telephone: str = ""
    fax: str = ""
    website: str = ""


@dataclass
class ResponseFor:
    """The document a packet answers, revokes or reports on."""

    organ_id: str = ""
    code: str = ""
    date: datetime.date | None = None
    document_id: str = ""


@dataclass
class Trace:
    """One system the packet passed through."""

    organ_id: str
    timestamp: str


@dataclass
class Attachment:
    """One file carried by the packet, already decoded (and unzipped when it came zipped)."""

    name: str
    data: bytes
    content_type: str = ""
    description: str = ""
    content_id: str = ""


@dataclass
class Business:
    """What the packet does: a new document, or revoke, update or replace an earlier one."""

    kind: int = BUSINESS_NEW
    reason: str = ""
    document_id: str = ""
    replaced: list[str] = field(default_factory=list)
    staff: str = ""
    department: str = ""
    paper: int = 0


@dataclass
class Header:
    """MessageHeader of a document packet."""

    sender: Organ = field(default_factory=Organ)
    recipients: list[Organ] = field(default_factory=list)
    number: str = ""
    notation: str = ""
    place: str = ""
    date: datetime.date | None = None
    type_code: int | None = None
    type_detail: int | None = None
    type_name: str = ""
    subject: str = ""
    content: str = ""
    signer_competence: str = ""
    signer_position: str = ""
    signer_name: str = ""
    due_date: datetime.date | None = None
    to_places: list[str] = field(default_factory=list)
    priority: int = 0
    sphere: str = ""
    typer: str = ""
    amount: int | None = None
    pages: int | None = None
    appendixes: list[str] = field(default_factory=list)
    response_for: list[ResponseFor] = field(default_factory=list)
    steering_type: int | None = None
    document_id: str = ""


@dataclass
class DocumentPacket:
    """A document packet (gói tin văn bản)."""

    header: Header
    business: Business = field(default_factory=Business)
    traces: list[Trace] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)


@dataclass
class StatusPacket:
    """A status packet (gói tin trạng thái): how the recipient is handling a document."""

    sender: Organ
    response_for: ResponseFor
    code: str
    description: str = ""
    timestamp: datetime.datetime | None = None
    staff: str = ""
    department: str = ""
    email: str = ""
    mobile: str = ""


def document_id(sender_code: str, day: datetime.date | None, number: str, notation: str) -> str:
    """DocumentId as the hub writes it: "<sender code>,<yyyy/MM/dd>,<number>/<notation>"."""
    date = day.strftime("%Y/%m/%d") if day else ""
    return f"{sender_code},{date},{number}/{notation}"
