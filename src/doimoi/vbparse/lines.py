"""Line-level recognisers shared by the header, signature and splitting code.

Each works on one cleaned line (or one cell of a two-column line) and says what it is:
a motto, a number line, a place/date line, a rule, a confidentiality or urgency mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from doimoi.vbparse.tables import MARKS, NUMBER_PREFIXES, STATE_TYPES, unglue_symbol
from doimoi.vbparse.text import fold

# Wide gaps, and rules between cells of a table flattened onto one line ("TỈNH X ----- Số: 5").
# The fast path in cells() assumes three spaces or " -----".
CELL_GAP = re.compile(r"\s{3,}|\s+[-_=]{5,}\s+")
RULE = re.compile(r"^[\s*\-_=~.•·+]+$")
MOTTO_PARTY = re.compile(r"dang\s*cong\s*san\s*viet\s*nam")
MOTTO_STATE = re.compile(r"cong\s*hoa\s*xa\s*hoi\s*chu\s*nghia\s*viet\s*nam")
MOTTO_YOUTH = re.compile(r"^doan\s*(?:tncs|thanh\s*nien\s*cong\s*san)\s*ho\s*chi\s*minh$")
TIEU_NGU = re.compile(r"doc\s*lap\s*-?\s*tu\s*do\s*-?\s*hanh\s*phuc")

_GROUP = r"[^\W_]+"
_CAPS_GROUP = r"[A-ZĐ0-9]+(?![^\W_])"
_PREFIXES = "|".join(re.escape(p[: -len(" số")]) for p in NUMBER_PREFIXES)
NUMBER = re.compile(
    rf"^(?P<prefix>(?:{_PREFIXES})\s+)?[Ss](?:ố|ô|o|ó|ồ|Ố|Ô|O)\s*(?:hiệu\s*|HIỆU\s*)?(?P<colon>[:.]?)\s*"
    rf"(?P<num>\d{{1,5}}[a-z]?)?\s*(?:"
    rf"(?P<state>/\s*(?:(?P<year>(?:19|20)\d\d)\s*/\s*)?"
    rf"(?P<ssym>{_GROUP}(?:&{_GROUP})*(?:[-/.]{_GROUP}(?:&{_GROUP})*|\s*-\s*{_CAPS_GROUP})*))"
    rf"|(?P<sep>\s*-\s*|\s+)(?P<code>[A-ZĐ][A-Za-zĐđ]{{0,5}})\s*/\s*"
    rf"(?P<issuer>[A-ZĐ][^\W_]*(?:-{_GROUP})*))"
)
# A place is words without digits, or a numbered district or ward ("Quận 9", "Phường 1").
DATE = re.compile(
    r"^(?P<place>(?:quan|phuong)\s+\d{1,2}|[^,\d]{2,60}?)?\s*[,.]?\s*ngay\s*(?:"
    r"(?P<d>\d{1,2})\s*thang\s*(?P<m>\d{1,2})\s*nam\s*(?P<y>\d{4})"
    r"|(?P<d2>\d{1,2})\s*[/.-]\s*(?P<m2>\d{1,2})\s*[/.-]\s*(?P<y2>\d{4})"
    r"|[._…\s]*thang\s*[._…\s\d]*nam\s*(?P<y3>\d{4})?)\s*[.;]?$"
)
_DANGLING_SO = re.compile(r"(?:^|\s)[Ss](?:ố|o|ô|Ố|O|Ô)\s*:?$")
_STRAY_SPACE = re.compile(r"\d\s+[-/]|[-/]\s+\S|[^\s:]\s+/")
_MARK_STRIP = re.compile(r"^[\s(\[*\"“]+|[\s)\]*.:\"”]+$")


@dataclass
class NumberLine:
    """A document's number and symbol as read from its "Số ..." line."""

    number: str | None
    symbol: str
    kind: str
    type_code: str | None
    prefix_type: str | None
    rest: str
    warnings: list[str] = field(default_factory=list)


@dataclass
class DateLine:
    """The place and date line ("Hà Nội, ngày 05 tháng 01 năm 2020")."""

    place: str | None
    date: str | None
    warnings: list[str] = field(default_factory=list)


@lru_cache(maxsize=4096)
def cells(line: str) -> tuple[str, ...]:
    """A line split at wide gaps (two-column layouts), each cell trimmed.

    Cached: the header, recipient and signature readers look at the same lines.
    """
    line = line.strip()
    if not line:
        return ()
    plain = "   " not in line and " -----" not in line
    if plain and line[0] not in "*_" and line[-1] not in "*_":
        return (line,)
    parts = [_unwrap(cell) for cell in CELL_GAP.split(line) if cell]
    if len(parts) > 1 and any(_DANGLING_SO.search(part) for part in parts[:-1]):
        parts = _join_dangling(parts)
    if len(parts) > 1 and any(_SPLIT_DATE.search(part) for part in parts[:-1]):
        parts = _join_split_date(parts)
    return tuple(parts)


def _unwrap(cell: str) -> str:
    """A cell without stray emphasis marks left around it ("*Số: 15/QĐ-UBND")."""
    if cell[0] in "*_" or cell[-1] in "*_":
        stripped = cell.strip("*_ ")
        return stripped or cell
    return cell


# A date line typed with wide spaces ("Quận 9, ngày  04   tháng 6  năm 2014") is one cell.
_SPLIT_DATE = re.compile(r"(?:ngày|tháng)\s*\d{0,2}$", re.IGNORECASE)
_DATE_GOES_ON = re.compile(r"^(?:tháng|năm|\d)", re.IGNORECASE)


def _join_split_date(parts: list[str]) -> list[str]:
    joined: list[str] = []
    for part in parts:
        if joined and _SPLIT_DATE.search(joined[-1]) and _DATE_GOES_ON.match(part):
            joined[-1] = f"{joined[-1]} {part}"
        else:
            joined.append(part)
    return joined


def _join_dangling(parts: list[str]) -> list[str]:
    """ "Số:" and its number belong together, however wide the gap between them."""
    joined: list[str] = []
    for part in parts:
        if joined and _DANGLING_SO.search(joined[-1]):
            joined[-1] = f"{joined[-1]} {part}"
        else:
            joined.append(part)
    return joined


def is_rule(text: str) -> bool:
    """True for separator lines: "*", "-----", "___", "* * *"."""
    return bool(text) and RULE.match(text) is not None


def motto_kind(folded: str) -> str | None:
    """The motto in a folded cell: "party", "state", "youth", or None."""
    if MOTTO_PARTY.search(folded):
        return "party"
    if MOTTO_STATE.search(folded) or TIEU_NGU.search(folded):
        return "state"
    if MOTTO_YOUTH.match(folded):
        return "youth"
    return None


def split_motto(text: str) -> tuple[str, str | None, str]:
    """(text before, motto kind, text after) for a cell that contains a motto."""
    folded = fold(text)
    for kind, pattern in (("party", MOTTO_PARTY), ("state", MOTTO_STATE), ("state", TIEU_NGU)):
        found = pattern.search(folded)
        if found:
            return text[: found.start()].strip(), kind, text[found.end() :].strip()
    if MOTTO_YOUTH.match(folded):
        return "", "youth", ""
    return text, None, ""


def parse_number(text: str) -> NumberLine | None:
    """The number and symbol at the start of a "Số ..." cell, or None."""
    found = NUMBER.match(text)
    if not found:
        return _old_number(text)
    if found.group("state"):
        return _state_number(found, text)
    return _party_number(found, text)


# A number line of the 1970s–90s, without a slash: "Số: 72-BT", "Số: 219-TTg" (the whole line).
_OLD_NUMBER = re.compile(r"^[Ss]ố\s*:?\s*(?P<num>\d{1,5})\s*-\s*(?P<sym>[A-ZĐ][A-Za-zĐđ]{0,5})\s*$")


def _old_number(text: str) -> NumberLine | None:
    found = _OLD_NUMBER.match(text.strip())
    if found is None:
        return None
    return NumberLine(found.group("num"), found.group("sym"), "state", None, None, "")


def _state_number(found: re.Match[str], text: str) -> NumberLine:
    written = re.sub(r"\s+", "", found.group("ssym"))
    restored = restore_d("state", written)
    symbol = unglue_symbol(restored)
    year = found.group("year")
    groups = symbol.split("-")
    code = groups[0] if len(groups) > 1 and groups[0] in STATE_TYPES else None
    full = f"{year}/{symbol}" if year else symbol
    prefix = (found.group("prefix") or "").strip()
    line = NumberLine(found.group("num"), full, "state", code, _prefix_type(prefix), "")
    line.rest = text[found.end() :].strip()
    if restored != written:
        line.warnings.append(LOST_D.format(full))
    if symbol != restored:
        line.warnings.append(f"Ký hiệu thiếu gạch nối, đã đọc là «{full}» / hyphen restored")
    if _STRAY_SPACE.search(found.group(0)):
        line.warnings.append("Số ký hiệu có khoảng trắng thừa / stray spaces in the number")
    return line


_LOST_D_CODES = {"QD": "QĐ", "ND": "NĐ", "CD": "CĐ"}
LOST_D = "Ký hiệu mất chữ Đ, đã đọc là «{}» / Đ restored in the symbol"


def restore_d(kind: str, symbol: str) -> str:
    """A symbol whose "Đ" was typed or scanned as "D" ("KH/DU", "QD-UBND") in canonical form."""
    if kind == "party":
        code, _, organ = symbol.partition("/")
        code = _LOST_D_CODES.get(code, code)
        organ = f"Đ{organ[1:]}" if organ.startswith("DU") else organ
        return f"{code}/{organ}"
    year, _, rest = symbol.rpartition("/")
    head, dash, tail = rest.partition("-")
    fixed = f"{_LOST_D_CODES.get(head, head)}{dash}{tail}"
    return f"{year}/{fixed}" if year else fixed


def _party_number(found: re.Match[str], text: str) -> NumberLine:
    code = _LOST_D_CODES.get(found.group("code"), found.group("code"))
    symbol = restore_d("party", f"{found.group('code')}/{found.group('issuer')}")
    line = NumberLine(found.group("num"), symbol, "party", code, None, text[found.end() :].strip())
    if symbol != f"{found.group('code')}/{found.group('issuer')}":
        line.warnings.append(LOST_D.format(symbol))
    if "-" not in found.group("sep"):
        line.warnings.append("Số ký hiệu thiếu dấu gạch nối (đã sửa) / missing hyphen in number")
    elif _STRAY_SPACE.search(found.group(0)):
        line.warnings.append("Số ký hiệu có khoảng trắng thừa / stray spaces in the number")
    if found.group("colon"):
        line.warnings.append("Văn bản Đảng: 'Số' không có dấu hai chấm / colon after Số (party)")
    if line.number is None:
        line.warnings.append("Chưa có số văn bản (bản nháp?) / number left blank")
    return line


def _prefix_type(prefix: str) -> str | None:
    if not prefix:
        return None
    for key, name in NUMBER_PREFIXES.items():
        if fold(key).startswith(fold(prefix)):
            return name
    return None


def parse_date(text: str) -> DateLine | None:
    """Place and ISO date from a place/date cell, or None when the cell is not one."""
    folded = fold(text)
    found = DATE.match(folded.strip(" *_"))
    if not found:
        return None
    offset = len(folded) - len(folded.lstrip(" *_"))
    place = None
    if found.group("place"):
        place = text[offset + found.start("place") : offset + found.end("place")].strip(" ,.*_")
    line = DateLine(place or None, None)
    d, m, y = _date_parts(found)
    if d is None or m is None or y is None:
        line.warnings.append("Ngày tháng để trống / date left blank")
        return line
    try:
        line.date = date(y, m, d).isoformat()
    except ValueError:
        line.warnings.append(f"Ngày không hợp lệ {d}/{m}/{y} / invalid date")
    return line


def _date_parts(found: re.Match[str]) -> tuple[int | None, int | None, int | None]:
    for keys in (("d", "m", "y"), ("d2", "m2", "y2")):
        values = [found.group(k) for k in keys]
        if all(values):
            return int(values[0]), int(values[1]), int(values[2])
    return None, None, None


def parse_mark(text: str) -> tuple[str, str] | None:
    """("confidentiality" | "urgency", canonical mark) when a cell is only such a mark."""
    key = " ".join(fold(_MARK_STRIP.sub("", text)).split())
    for kind in ("confidentiality", "urgency"):
        if key in MARKS[kind]:
            return kind, MARKS[kind][key]
    return None
