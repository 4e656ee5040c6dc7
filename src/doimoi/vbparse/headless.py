"""A copy cut above its type line ("NGHỊ ĐỊNH" / "QUY ĐỊNH CHỨC NĂNG ..."): the header table with
issuer, number and date is gone. The type and the title are read from the first lines, the
issuer from the enacting sentence ("...; Chính phủ ban hành Nghị định ..."); number and date
stay empty, since the text does not give them."""

from __future__ import annotations

import re

from doimoi.vbparse.casing import normal_case
from doimoi.vbparse.header import BODY_START, ENACTING
from doimoi.vbparse.lines import is_rule
from doimoi.vbparse.model import Document
from doimoi.vbparse.text import fold, is_upper, squash
from doimoi.vbparse.typeline import parse_type_line

NOTE = "Bản sao mất phần đầu, đọc loại và trích yếu từ dòng đầu / copy cut above its type line"
# "uy" alone is a party committee ("Tỉnh ủy"), "uy ban" a state one ("Ủy ban nhân dân").
_PARTY = re.compile(r"\b(?:uy(?! ban)|dang|chi bo|ban chap hanh|ban thuong vu|doan|ban bi thu)\b")
_TITLE_LINES = 4
_OPENING = 1500


def read_headless(document: Document, lines: list[str]) -> None:
    """Type, title and issuer of a copy that starts at its type line, when it is one."""
    filled = [line.strip() for line in lines[:40] if line.strip()]
    # a site's link or two ("Sign In") may come before the type line
    at = next((i for i, line in enumerate(filled[:3]) if is_upper(line)), None)
    if at is None or any(len(line) > 40 for line in filled[:at]):
        return
    filled = filled[at:]
    typeline = parse_type_line(filled[0])
    if typeline is None or typeline.rest:
        return
    title = []
    for line in filled[1 : 1 + _TITLE_LINES]:
        if BODY_START.match(line) or is_rule(line):
            break
        title.append(line)
    if not title or len(title) == _TITLE_LINES:
        return
    issuer = _enacting_issuer(" ".join(filled)[:_OPENING], typeline.name)
    if issuer is None:  # an enacting line under the title ("ỦY BAN NHÂN DÂN TỈNH ĐĂK NÔNG")
        after = [line for line in filled[1 + len(title) : 4 + len(title)] if not is_rule(line)]
        line = after[0] if after else ""
        if is_upper(line) and ENACTING.match(fold(line)):
            issuer = normal_case(line, "")
    document.set("type", typeline.name, 0.7)
    document.set("title", squash(" ".join(title)), 0.6)
    if issuer:
        document.set("issuer", issuer, 0.5)
        document.set("kind", "party" if _PARTY.search(fold(issuer)) else "state", 0.5)
    document.warnings.append(NOTE)


def _enacting_issuer(text: str, type_name: str) -> str | None:
    """ "...; Chính phủ ban hành Nghị định ...": the body that says it issues this document."""
    first = _first_enacting(text, type_name)
    if first is None:
        return None
    # The lazy issuer group is tried from every start, up to 120 characters on each: start at
    # most 120 characters before the first "ban hành <type>" (no match can start earlier).
    found = re.search(
        rf"([^;:.]{{2,120}}?)\s+ban hành\s+{re.escape(type_name)}\b",
        text[max(0, first - 120) :],
        re.I,
    )
    if found is None:
        return None
    issuer = found.group(1).strip(" ,")
    return issuer if issuer[:1].isupper() and len(issuer.split()) <= 10 else None


def _first_enacting(text: str, type_name: str) -> int | None:
    """Where the spaces before the first "ban hành <type>" begin, or None."""
    for found in re.finditer(rf"ban hành\s+{re.escape(type_name)}\b", text, re.I):
        at = found.start()
        while at > 0 and text[at - 1].isspace():
            at -= 1
        if at < found.start():
            return at
    return None
