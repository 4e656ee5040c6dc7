"""From a read header to field values: kind, number, type, issuer, place, date, title, marks."""

from __future__ import annotations

import re

from doimoi.vbparse.casing import normal_case, sentence_case
from doimoi.vbparse.citations import iso_date
from doimoi.vbparse.header import Header
from doimoi.vbparse.model import Document
from doimoi.vbparse.tables import CITIES, PROVINCES, type_name
from doimoi.vbparse.text import fold, is_upper, squash

_CONTINUES = re.compile(
    r"^(?:(?:tinh|thanh pho|huyen|quan|thi xa|thi tran|xa|phuong)\s(?!uy\b|doan\b)|va\b|-)"
)
# Where a document names its own issuer in normal case ("Ban Thường vụ Thành ủy Bảo Lộc ban
# hành ..."): its opening paragraphs.
OPENING = 4000
_TITLE_END = re.compile(r"[\s;:,]+$")
# An old heading that repeats the number and date before the abstract: "CỦA THỦ TƯỚNG CHÍNH PHỦ
# SỐ 60/2002/ QĐ-TTG NGÀY 13 THÁNG 5 NĂM 2002 VỀ VIỆC ..." (the organ part is already gone).
_OWN_NUMBER_DATE = re.compile(
    r"^(?:\d+\s*/[^\s]*(?:\s+[^\s]+)?\s+)?ngày\s+(?:\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}"
    r"|\d{1,2}-\d{1,2}-\d{4})\s+",
    re.IGNORECASE,
)
_PASSED = re.compile(
    r"thông qua\s+ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})"
)


def fill_header(document: Document, header: Header, body: str, flat: str = "") -> None:
    """Set the header fields of a document from what its header block holds.

    ``flat`` is the body on one line, where issuer names are looked up in normal case.
    """
    _kind(document, header)
    _number(document, header)
    _type(document, header)
    _issuer(document, header, flat or squash(body))
    _place_date(document, header, body)
    _province_from_place(document)
    _title(document, header)
    document.set("confidentiality", header.marks.get("confidentiality"), 0.9)
    document.set("urgency", header.marks.get("urgency"), 0.9)


def _kind(document: Document, header: Header) -> None:
    by_number = header.number.kind if header.number else None
    motto = header.motto if header.motto in ("party", "state") else None
    if motto and by_number and motto != by_number:
        document.warnings.append(
            "Tiêu đề và dạng số ký hiệu không khớp (Đảng/Nhà nước) / motto and number format disagree"
        )
    kind = motto or by_number or ("party" if header.star else None)
    confidence = 0.95 if motto and (by_number in (None, motto)) else 0.7 if kind else 0.0
    document.set("kind", kind, confidence)


def _number(document: Document, header: Header) -> None:
    line = header.number
    if line is None:
        document.warnings.append("Không thấy số, ký hiệu / no number and symbol found")
        document.set("number", None, 0.0)
        document.set("symbol", None, 0.0)
        return
    document.warnings.extend(line.warnings)
    repaired = any("gạch nối" in w for w in line.warnings)
    document.set("number", line.number, 0.8 if repaired else 0.95)
    document.set("symbol", line.symbol, 0.8 if repaired else 0.95)


def _type(document: Document, header: Header) -> None:
    line = header.number
    kind = document.kind
    code = line.type_code if line else None
    from_code = type_name(kind, code)
    from_line = header.type_line.name if header.type_line else None
    if from_line and from_code and from_line != from_code and not _same_code(code, from_line):
        document.warnings.append(
            f"Tên loại «{from_line}» khác ký hiệu {code} / type name and code disagree"
        )
    # a symbol with its year ("61/2003/QĐ-UB") is a legal act's, never a letter's
    dated = bool(line and line.symbol and line.symbol[:4].isdigit())
    cv_marked = bool(header.cv_title) and header.cv_title[0][:3].lower() == "v/v" and not dated
    if kind == "state" and cv_marked and not from_line and code and from_code != "Công văn":
        document.warnings.append(f"Ký hiệu {code} nhưng trình bày như công văn / read as công văn")
        code, from_code = None, None
    name = from_line or from_code or (line.prefix_type if line else None)
    if name is None and (header.cv_title or (kind == "state" and line is not None)):
        name = "Công văn"
    confidence = 0.95 if from_line and (from_code in (None, from_line)) else 0.85
    document.set("type", name, confidence if name else 0.0)
    document.set("type_code", code if from_code or code else None, 0.95 if from_code else 0.5)


def _same_code(code: str | None, name: str) -> bool:
    """Party "QĐ" stands for both Quyết định and Quy định (HD 05 uses it for both)."""
    return code == "QĐ" and name == "Quy định"


def _issuer(document: Document, header: Header, flat: str) -> None:
    names = _issuer_lines(header.issuer_cells)
    opening = flat[:OPENING]
    issuer = normal_case(names[-1], opening) if names else None
    parent = normal_case(names[-2], opening) if len(names) > 1 else None
    if issuer and parent and _CENTRAL_ORGAN.match(fold(issuer)) and fold(parent) == _CENTRAL:
        issuer = f"{issuer} Trung ương"
    elif issuer and parent and fold(issuer) == "van phong" and fold(parent) == _CENTRAL:
        issuer = f"{issuer} Trung ương Đảng"  # the Central Committee's Office
    if issuer and header.motto == "youth" and "doan" not in fold(issuer):
        issuer = f"{issuer} Đoàn TNCS Hồ Chí Minh"
    if issuer and not parent and header.enacting:
        issuer = _from_enacting(issuer, header.enacting, opening)
    confidence = 0.9 if issuer and is_upper(names[-1]) else 0.6
    document.set("issuer", issuer, confidence)
    document.set("parent_issuer", parent, confidence - 0.05)
    if issuer is None:
        document.warnings.append("Không thấy tên cơ quan ban hành / no issuing body found")


def _from_enacting(issuer: str, enacting: str, opening: str) -> str:
    """A bare "Ủy ban nhân dân" completed from the enacting line ("ỦY BAN NHÂN DÂN TỈNH X")."""
    bare = fold(issuer)
    if bare not in ("uy ban nhan dan", "hoi dong nhan dan"):
        return issuer
    line = squash(enacting)
    at = fold(line).find(bare)
    tail = line[at + len(bare) :].strip() if at != -1 else ""
    if len(tail.split()) < 2:
        return issuer
    return normal_case(f"{line[at : at + len(bare)]} {tail}", opening)


_CENTRAL = "ban chap hanh trung uong"
# Organs of the Central Committee sign as "BAN CHẤP HÀNH TRUNG ƯƠNG" / "BAN TUYÊN GIÁO"; their
# name in full carries "Trung ương" (Ban Tuyên giáo Trung ương, Văn phòng Trung ương Đảng).
_CENTRAL_ORGAN = re.compile(r"^(?:ban (?!chap hanh)\S+(?: \S+)?|uy ban kiem tra)$(?<!trung uong)")


# Issuer names a web table wraps after their first words ("CHÍNH" / "PHỦ", "ỦY BAN THƯỜNG VỤ" /
# "QUỐC HỘI"): no organ is named by these words alone, so the next line goes on.
_HEADS = frozenset({"chinh", "thu tuong", "uy ban thuong vu", "van phong", "uy ban"})


# "ỦY BAN NHÂN DÂNTỈNH ĐỒNG NAI": a copy that glued the two issuer lines.
_GLUED_UNIT = re.compile(r"(NHÂN DÂN)(?=TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG)")


def _bare_province(previous: str, text: str) -> str:
    """ "LÀO CAI" under "ỦY BAN NHÂN DÂN" is "TỈNH LÀO CAI" (a city: "THÀNH PHỐ HÀ NỘI")."""
    if fold(previous) not in ("uy ban nhan dan", "hoi dong nhan dan") or not is_upper(text):
        return text
    name = fold(text)
    if name in CITIES:
        return f"THÀNH PHỐ {text}"
    return f"TỈNH {text}" if name in PROVINCES else text


def _province_from_place(document: Document) -> None:
    """A bare "Ủy ban nhân dân" (a copy lost "TỈNH QUẢNG NGÃI") dated in a province: that one's."""
    issuer, place = document.issuer, document.place
    if not issuer or not place or document.parent_issuer:
        return
    bare = fold(issuer)
    if bare not in ("uy ban nhan dan", "hoi dong nhan dan"):
        return
    name = fold(place)
    unit = "thành phố" if name in CITIES else "tỉnh" if name in PROVINCES else None
    if unit is None:
        return
    document.set("issuer", f"{issuer} {unit} {place}", 0.5)
    document.warnings.append(
        f"Tỉnh/thành lấy từ địa danh «{place}» / province taken from the place"
    )


def _issuer_lines(cells: list[str]) -> list[str]:
    """Issuer cells with wrapped lines joined ("ỦY BAN NHÂN DÂN" + "TỈNH LÂM ĐỒNG")."""
    names: list[str] = []
    for cell in cells:
        text = _GLUED_UNIT.sub(r"\1 ", squash(cell).strip(" *"))
        if not text:
            continue
        if names:
            text = _bare_province(names[-1], text)
        if names and (
            _CONTINUES.match(fold(text))
            or names[-1].endswith((" VÀ", ",", "-"))
            or fold(names[-1]) in _HEADS
        ):
            names[-1] = f"{names[-1]} {text}"
        else:
            names.append(text)
    return names


def _place_date(document: Document, header: Header, body: str) -> None:
    dateline = header.dateline
    if dateline is None:
        passed = _PASSED.search(body)
        if passed and "này" not in body[max(0, passed.start() - 120) : passed.start()]:
            passed = (
                None  # "Luật ... được Quốc hội thông qua ngày ...": a law's date, not this one's
            )
        document.set("place", None, 0.0)
        document.set("date", iso_date(passed) if passed else None, 0.6)
        note = "ngày lấy từ câu «thông qua ngày» / date from the adoption sentence"
        document.warnings.append(
            f"Không thấy địa danh, ngày tháng; {note}"
            if document.date
            else "Không thấy địa danh, ngày tháng / no place and date line"
        )
        return
    document.warnings.extend(dateline.warnings)
    document.set("place", dateline.place, 0.9)
    document.set("date", dateline.date, 0.95)


def _title(document: Document, header: Header) -> None:
    lines = header.title if header.type_line else header.cv_title
    if lines and header.number and header.type_line:
        lines = _without_own_number(lines, header.number.number, header.number.symbol)
    if any(is_upper(line) and len(line) > 12 for line in lines):
        document.warnings.append(
            "Trích yếu viết hoa, đã chuyển chữ thường / capitals title recased"
        )
        lines = [sentence_case(line) if is_upper(line) else line for line in lines]
        lines[1:] = [_lower_first(line) for line in lines[1:]]
    joined = squash(" ".join(lines))
    # _TITLE_END tries a match at every character; a squashed title ends in one of these or not at all
    title = (_TITLE_END.sub("", joined) if joined[-1:] in (";", ":", ",") else joined) or None
    kind = header.type_line.name if header.type_line else ""
    original = header.title[0] if kind and header.title else ""
    if title and is_upper(original) and fold(original).startswith(fold(kind) + " "):
        title = title[len(kind) + 1 :]  # "QUYẾT ĐỊNH CÔNG NHẬN ...": the type word again
    if title and (title[0].isdigit() or title[:5].lower() == "ngày "):
        title = _OWN_NUMBER_DATE.sub("", title) or title
    confidence = 0.9 if header.type_line or header.cv_title else 0.0
    if title and len(lines) >= 6:
        document.warnings.append("Trích yếu dài, có thể lẫn nội dung / long title, check its end")
        confidence = 0.6
    document.set("title", title, confidence)


def _without_own_number(lines: list[str], number: str | None, symbol: str) -> list[str]:
    """ "HƯỚNG DẪN 165-HD/BTGTW": the type line repeats the number, which is not title."""
    first = lines[0].split()
    own = {f"{number}-{symbol}", f"{number}/{symbol}"}
    if first and first[0] in own:
        rest = " ".join(first[1:])
        return [rest, *lines[1:]] if rest else lines[1:]
    return lines


def _lower_first(line: str) -> str:
    """A title line that continues the previous one starts in lower case unless a name."""
    first = line.split()[0] if line.split() else ""
    if first and first[0].isupper() and first[1:].islower() and first not in _KEEP_CAPITAL:
        return first.lower() + line[len(first) :]
    return line


_KEEP_CAPITAL = frozenset(
    {"Đảng", "Nhà", "Chính", "Quốc", "Tổ", "Nhân", "Hồ", "Trung", "Bộ", "Ban"}
)
