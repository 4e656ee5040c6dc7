"""Documents as websites publish them: site metadata blocks ("Số hiệu: … | Người ký: …") and
republications whose metadata is only in a lead (read in ``leads``), put on the document where
its header did not say. Header tables copied cell by cell are rejoined in ``webheader``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date as _date
from typing import TYPE_CHECKING

from doimoi.vbparse.leads import HEADLINE, Lead, lead_of, read_lead
from doimoi.vbparse.lines import parse_number
from doimoi.vbparse.tables import type_name
from doimoi.vbparse.text import fold, is_upper

if TYPE_CHECKING:
    from doimoi.vbparse.model import Document

# ---- site metadata --------------------------------------------------------------------

_META_KEYS = {
    "so hieu": "number",
    "loai van ban": "type",
    "noi ban hanh": "issuer",
    "co quan ban hanh": "issuer",
    "nguoi ky": "signer_name",
    "ngay ban hanh": "date",
}
_KEY_WORDS = (
    "so hieu", "loai van ban", "noi ban hanh", "co quan ban hanh", "nguoi ky", "ngay ban hanh",
    "ngay hieu luc", "ngay cong bao", "so cong bao", "linh vuc", "tinh trang", "ngay het hieu luc",
)  # fmt: skip
_META_KEY = re.compile(f"({'|'.join(_KEY_WORDS)})" + r"\s*:?\s*(?:\|\s*)?")
_KEY_INITIALS = frozenset(word[0] for word in _KEY_WORDS)
_KEY_LENGTH = max(len(word) for word in _KEY_WORDS)
_SEPARATED = re.compile(r"\s*[:|]|\s{2,}|\t")
_UNKNOWN = ("dang cap nhat", "da biet", "")


@dataclass
class SiteMeta:
    """What a site's metadata block says about the document it shows."""

    values: dict[str, str] = field(default_factory=dict)
    headline: str | None = None


def site_metadata(lines: list[str]) -> tuple[SiteMeta, list[str]]:
    """The metadata block in the first lines of a web copy, and the lines without it."""
    meta = SiteMeta()
    if not _opens_with_key(lines[:14]):
        return meta, lines
    head = fold("\n".join(lines[:14]))
    if not any(key in head for key in _META_KEYS):
        return meta, lines
    kept = list(lines)
    found = []
    for index, raw in enumerate(lines[:14]):
        line = raw.strip().lstrip("|").strip()
        folded = fold(line)
        hits = list(_META_KEY.finditer(folded))
        if not hits or hits[0].start() > 0 or not _SEPARATED.match(folded, len(hits[0].group(1))):
            continue
        found.append(index)
        for at, hit in enumerate(hits):
            end = hits[at + 1].start() if at + 1 < len(hits) else len(line)
            value = line[hit.end() : end].strip(" |:")
            key = _META_KEYS.get(hit.group(1))
            if key and fold(value) not in _UNKNOWN:
                meta.values.setdefault(key, value)
    if not found:
        return meta, lines
    first = found[0]
    above = [i for i in range(first) if lines[i].strip()]
    if above and len(above) <= 2 and not is_upper(lines[above[0]]):
        meta.headline = lines[above[0]].strip()
        kept[above[0]] = ""
    for index in found:
        kept[index] = ""
    return meta, kept


def _opens_with_key(lines: list[str]) -> bool:
    """Whether a line opens with a metadata key, as a block's rows do (no row, no block). Only
    its first characters are folded: folding (a lookup per character) 14 whole lines cost
    more than the rest of this reader."""
    for raw in lines:
        line = raw.strip().lstrip("|").strip()
        if line and fold(line[0]) in _KEY_INITIALS and _META_KEY.match(fold(line[:_KEY_LENGTH])):
            return True
    return False


# ---- putting it on the document --------------------------------------------------------

LEAD_NOTE = "Đọc từ đoạn dẫn của trang web (độ tin cậy thấp) / read from a web lead"
META_NOTE = "Bổ sung từ bảng thông tin của trang web / filled from the site's metadata"
_BARE_ISSUERS = ("ủy ban nhân dân", "hội đồng nhân dân", "chủ tịch ủy ban nhân dân")
_SYMBOL_HEAD = re.compile(r"\b(?P<num>\d{1,5})\s*-\s*(?P<code>[A-ZĐ]{2,4})/(?P<org>[A-ZĐ]{2,8})\b")


def apply_web(document: Document, meta: SiteMeta, head: str, motto: bool = False) -> None:
    """Fill what the header did not give from a site's metadata block or a lead sentence."""
    if meta.values or meta.headline:
        _apply_meta(document, meta)
    if document.number is None:
        lead = read_lead(head)
        if lead is not None:
            _apply_lead(document, lead)
        else:
            _symbol_only(document, head)
    if document.issuer and document.number is None and document.symbol is None and not motto:
        # No number, no lead, no motto: the lines read as an issuer were a page's headings.
        document.set("issuer", None, 0.0)
        document.set("parent_issuer", None, 0.0)


def _apply_meta(document: Document, meta: SiteMeta) -> None:
    values = meta.values
    used = [
        _meta_number(document, values.get("number")),
        _meta_date(document, values.get("date")),
        _meta_issuer(document, values.get("issuer", "")),
        _meta_title(document, meta.headline),
    ]
    if document.type is None and values.get("type") and fold(values["type"]) != "van ban khac":
        document.set("type", values["type"], 0.7)
        used.append(True)
    if document.signer_name is None and values.get("signer_name"):
        document.set("signer_name", values["signer_name"], 0.7)
        used.append(True)
    if any(used):
        document.warnings.append(META_NOTE)


def _meta_number(document: Document, value: str | None) -> bool:
    line = parse_number(f"Số {value}") if value and document.number is None else None
    if line is None:
        return False
    document.set("number", line.number, 0.8)
    document.set("symbol", line.symbol, 0.8)
    document.set("kind", document.kind or line.kind, 0.7)
    if document.type is None:
        document.set("type", type_name(line.kind, line.type_code), 0.7)
    return True


def _meta_date(document: Document, value: str | None) -> bool:
    found = re.match(r"(\d{1,2})/(\d{1,2})/(\d{4})$", value or "")
    if document.date is not None or found is None:
        return False
    day, month, year = (int(x) for x in found.groups())
    try:
        document.set("date", _date(year, month, day).isoformat(), 0.8)
    except ValueError:
        return False
    return True


def _meta_issuer(document: Document, where: str) -> bool:
    bare = document.issuer and document.issuer.lower() in _BARE_ISSUERS
    if not bare or not fold(where).startswith(("tinh ", "thanh pho ")):
        return False
    document.set("issuer", f"{document.issuer} {where[0].lower()}{where[1:]}", 0.7)
    return True


def _meta_title(document: Document, headline: str | None) -> bool:
    found = HEADLINE.match(headline) if headline and document.title is None else None
    if found is None or not found.group("title"):
        return False
    document.set("title", lead_of(found, headline=True).title, 0.7)
    return True


_PARTY_ORGAN = re.compile(
    r"\b(?:tinh uy|thanh uy|huyen uy|quan uy|thi uy|dang uy|dang bo|chi bo|ban thuong vu"
    r"|ban chap hanh|ban bi thu|bo chinh tri|ban tuyen giao|ban to chuc|ban dan van"
    r"|uy ban kiem tra)\b"
)


def _apply_lead(document: Document, lead: Lead) -> None:
    kind = _kind_of(lead.symbol)
    if kind is None and lead.issuer:
        kind = "party" if _PARTY_ORGAN.search(fold(lead.issuer)) else "state"
    document.set("kind", kind or document.kind, 0.5)
    document.set("number", lead.number, 0.6)
    document.set("symbol", lead.symbol, 0.6)
    code = _code_of(lead.symbol)
    document.set("type_code", code, 0.5)
    letter = "Công văn" if kind == "state" and lead.symbol and code is None else None
    document.set("type", lead.type or type_name(kind, code) or letter, 0.6)
    if lead.issuer or document.issuer is None:  # a headline without an issuer keeps the header's
        document.set("issuer", lead.issuer, 0.5)
        document.set("parent_issuer", None, 0.0)
    if lead.date:
        document.set("date", lead.date, 0.6)
    if lead.title:
        document.set("title", lead.title, 0.5)
    if lead.signer:
        document.set("signer_name", lead.signer, 0.5)
    document.warnings.append(LEAD_NOTE)


def _symbol_only(document: Document, head: str) -> None:
    """A headline naming the document by its symbol only ("KẾT LUẬN 127-KL/TW CỦA ...")."""
    first = next((line for line in head.split("\n") if line.strip()), "")
    found = _SYMBOL_HEAD.search(first[:200])
    if found is None:
        return
    symbol = f"{found.group('code')}/{found.group('org')}"
    document.set("kind", "party", 0.5)
    document.set("number", found.group("num"), 0.5)
    document.set("symbol", symbol, 0.5)
    document.set("type_code", found.group("code"), 0.5)
    document.set("type", type_name("party", found.group("code")), 0.5)
    document.warnings.append(LEAD_NOTE)


def _kind_of(symbol: str | None) -> str | None:
    if not symbol:
        return None
    head = symbol.split("/")[0]
    if "/" in symbol and not head.isdigit() and type_name("party", head):
        return "party"
    return "state" if "-" in symbol or head.isdigit() else None


def _code_of(symbol: str | None) -> str | None:
    if not symbol:
        return None
    part = symbol.split("/")[-1] if "/" in symbol and symbol.split("/")[0].isdigit() else symbol
    code = re.split(r"[-/]", part)[0]
    return code if type_name("party", code) or type_name("state", code) else None
