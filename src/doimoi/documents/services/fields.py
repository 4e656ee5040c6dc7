"""From the parser's dict to a document's fields, cleaned and typed."""

from __future__ import annotations

import datetime
from typing import Any

from doimoi.core.text import fold
from doimoi.documents.models import Confidentiality, Document, Urgency
from doimoi.documents.services.common import canonical_number, clean, symbol_key

CONFIDENTIALITY = {
    "mat": Confidentiality.MAT,
    "toi mat": Confidentiality.TOI_MAT,
    "tuyet mat": Confidentiality.TUYET_MAT,
}
URGENCY = {
    "khan": Urgency.KHAN,
    "thuong khan": Urgency.THUONG_KHAN,
    "hoa toc": Urgency.HOA_TOC,
    "hoa toc hen gio": Urgency.HOA_TOC,
}
TEXT_FIELDS = {
    "type": "type_name",
    "issuer": "issuer_name",
    "parent_issuer": "parent_issuer_name",
    "place": "place",
    "title": "title",
    "signing_authority": "signing_authority",
    "signer_title": "signer_title",
    "signer_name": "signer_name",
    "type_code": "type_code",
}


def parse_date(value: Any) -> datetime.date | None:
    """An ISO date from the parser (or a date), else None."""
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def confidentiality_of(value: Any) -> int:
    if isinstance(value, int):
        return value
    return int(CONFIDENTIALITY.get(fold(value or ""), Confidentiality.NONE))


def urgency_of(value: Any) -> str:
    if value in Urgency.values:
        return str(value)
    return str(URGENCY.get(fold(value or ""), Urgency.NONE))


def _max_length(name: str) -> int | None:
    return getattr(Document._meta.get_field(name), "max_length", None)


def document_fields(meta: dict[str, Any]) -> dict[str, Any]:
    """Model fields of ``Document`` from a parse result (``vbparse`` ``to_dict()``)."""
    fields: dict[str, Any] = {
        target: clean(meta.get(source))[: _max_length(target)]
        for source, target in TEXT_FIELDS.items()
    }
    fields["title"] = clean(meta.get("title"))
    fields["kind"] = meta.get("kind") or ""
    fields["number"] = canonical_number(clean(meta.get("number")))[:16]
    fields["symbol"] = clean(meta.get("symbol")).replace(" ", "")[:64]
    fields["symbol_key"] = symbol_key(fields["symbol"])
    fields["date"] = parse_date(meta.get("date"))
    fields["recipients"] = [
        {"name": clean(r.get("name")), "for_report": bool(r.get("for_report"))}
        for r in meta.get("recipients") or []
    ]
    fields["confidentiality"] = confidentiality_of(meta.get("confidentiality"))
    fields["urgency"] = urgency_of(meta.get("urgency"))
    return fields


def kind_of_symbol(symbol: str) -> str:
    """Party symbols join type and issuer with "/" ("KL/TW"); state ones use "-" ("QĐ-UBND")."""
    return "state" if "-" in symbol else "party"
