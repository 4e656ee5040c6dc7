"""From a document packet to what the ingest pipeline needs: the main file, its text, and the
header's metadata (given with full confidence), with every field the text reads otherwise."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from doimoi.core.text import fold
from doimoi.documents.extract import Unreadable, extract
from doimoi.documents.services.common import canonical_number, clean, symbol_key
from doimoi.documents.services.documents import Part, split_parts
from doimoi.documents.services.fields import document_fields, kind_of_symbol
from doimoi.exchange import edxml
from doimoi.exchange.services.common import ADMIN_TYPES, FOR_REPORT, PRIORITY_TO_URGENCY

COMPARED = (
    "number",
    "symbol",
    "type_name",
    "issuer_name",
    "date",
    "title",
    "signing_authority",
    "signer_title",
    "signer_name",
    "place",
)


@dataclass
class Reading:
    """A document packet read for ingest."""

    main: edxml.Attachment | None
    others: list[edxml.Attachment]
    part: Part
    fields: dict[str, Any]
    disagreements: dict[str, dict[str, str]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def _type_code(kind: str, symbol: str) -> str:
    if kind == "party":
        return symbol.split("/")[0] if "/" in symbol else ""
    head = symbol.split("-")[0] if "-" in symbol else ""
    return head if head and head.upper() != head.lower() and len(head) <= 8 else ""


def _recipients(places: list[str]) -> list[dict[str, Any]]:
    out = []
    for place in places:
        name = clean(place)
        report = name.endswith(FOR_REPORT.strip()) and name != FOR_REPORT.strip()
        if report:
            name = name[: -len(FOR_REPORT.strip())].strip()
        out.append({"name": name, "for_report": report})
    return out


def header_fields(h: edxml.Header) -> dict[str, Any]:
    """The document's fields from the packet header (only those the header fills)."""
    symbol = clean(h.notation).replace(" ", "")[:64]
    kind = kind_of_symbol(symbol) if symbol else ""
    values: dict[str, Any] = {
        "number": canonical_number(clean(h.number))[:16],
        "symbol": symbol,
        "symbol_key": symbol_key(symbol),
        "kind": kind,
        "type_name": clean(h.type_name or ADMIN_TYPES.get(h.type_code or -1, ""))[:64],
        "type_code": _type_code(kind, symbol)[:16],
        "issuer_name": clean(h.sender.name)[:255],
        "parent_issuer_name": clean(h.sender.organization_in_charge)[:255],
        "place": clean(h.place)[:128],
        "date": h.date,
        "title": clean(h.subject or h.content),
        "signing_authority": clean(h.signer_competence)[:128],
        "signer_title": clean(h.signer_position)[:128],
        "signer_name": clean(h.signer_name)[:128],
        "recipients": _recipients(h.to_places),
        "urgency": str(PRIORITY_TO_URGENCY.get(h.priority, "")),
    }
    return {k: v for k, v in values.items() if v not in ("", None, [])}


def _shown(value: Any) -> str:
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    return str(value or "")


def disagreements(header: dict[str, Any], text: dict[str, Any]) -> dict[str, dict[str, str]]:
    """Fields where the text of the document reads otherwise than the header says."""
    out = {}
    for name in COMPARED:
        a, b = header.get(name), text.get(name)
        if a and b and fold(_shown(a)) != fold(_shown(b)):
            out[name] = {"header": _shown(a), "text": _shown(b)}
    return out


def _text_of(attachment: edxml.Attachment, depth: int) -> tuple[str, list[str]]:
    if edxml.is_edxml(attachment.name, attachment.data):
        nested = edxml.read(attachment.data, depth=depth + 1)
        if isinstance(nested, edxml.DocumentPacket) and nested.attachments:
            return _text_of(nested.attachments[0], depth + 1)
        return "", [_("Gói tin lồng bên trong không có tệp văn bản.")]
    try:
        extracted = extract(attachment.data, attachment.name)
    except Unreadable as error:
        return "", [error.message]
    return extracted.text, extracted.warnings


def _part(text: str, fields: dict[str, Any]) -> Part:
    """The part of the text that is this document (a file may hold several)."""
    if not text.strip():
        return Part({}, "")
    parts = split_parts(text)
    for part in parts:
        meta = document_fields(part.meta)
        if meta["number"] == fields.get("number") and meta["symbol_key"] == fields.get(
            "symbol_key"
        ):
            return part
    return parts[0] if len(parts) == 1 else Part(parts[0].meta if parts else {}, text)


def read_document(packet: edxml.DocumentPacket) -> Reading:
    """The packet's main file and text, and its fields (header first, the text where silent)."""
    fields = header_fields(packet.header)
    main = packet.attachments[0] if packet.attachments else None
    text, warnings = _text_of(main, 0) if main is not None else ("", [])
    part = _part(text, fields)
    from_text = document_fields(part.meta) if part.meta else {}
    confidence = dict(part.meta.get("confidence") or {})
    confidence |= {_confidence_key(k): 1.0 for k in fields}
    part.meta = dict(part.meta) | {"confidence": confidence}
    return Reading(
        main=main,
        others=packet.attachments[1:],
        part=part,
        fields=fields,
        disagreements=disagreements(fields, from_text),
        warnings=warnings,
    )


def _confidence_key(name: str) -> str:
    return {
        "type_name": "type",
        "issuer_name": "issuer",
        "parent_issuer_name": "parent_issuer",
    }.get(name, name)
