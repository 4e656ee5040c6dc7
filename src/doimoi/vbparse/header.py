"""The header block: issuer lines, motto, number and symbol, place and date, type and title.

Lines are read cell by cell (two-column layouts come out interleaved in any order), with a
small state machine: header → title (after a type name) → body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from doimoi.vbparse.lines import (
    DateLine,
    NumberLine,
    cells,
    is_rule,
    parse_date,
    parse_mark,
    parse_number,
    split_motto,
)
from doimoi.vbparse.tables import type_name
from doimoi.vbparse.text import fold, is_upper
from doimoi.vbparse.typeline import TypeLine, parse_type_line, strip_of_heading

LIMIT = 70
KINH_GUI = re.compile(r"^kinh\s*(?:gui|trinh)\b")
CV_TITLE = re.compile(r"^(?:V/v|V/V|v/v|Vv|V\.v\.?|Về|về|VỀ)(?=[\s:.]|$)")
BODY_START = re.compile(
    r"^(?:Căn cứ|Thực hiện|Xét|Theo|Để|Nhằm|Ngày\s+\d|Sau khi|Vừa qua|Thời gian qua|Hiện nay"
    r"|Tiếp tục|Triển khai|Thi hành|Phần\s|Chương\s|Mục\s|Điều\s+\d|[IVX]+\s*[.\-/]\s"
    r"|\d+(?:\.\d+)*\s*[.)/]\s|[a-zđ]\)\s|[-+•]\s)"
)
_ORG_START = re.compile(
    r"^(?:dang (?:bo|uy|doan)|(?:tinh|thanh|huyen|quan|thi) uy|chi bo|ban |uy ban|ubnd|hdnd"
    r"|bo |so |cuc |tong cuc|vu |vien |truong |hoi |van phong|chinh phu|quoc hoi|cong an"
    r"|mat tran|doan |trung tam|hoc vien|dai hoc|toa an|kiem toan|thanh tra)"
)
# The enacting-authority line under a decision's title ("ỦY BAN NHÂN DÂN TỈNH X", "CHỦ TỊCH ỦY
# BAN NHÂN DÂN ...", "BỘ TRƯỞNG BỘ ..."): the title ends above it.
ENACTING = re.compile(
    r"^(?:(?:chu tich|bo truong|thu truong|giam doc|cuc truong|tong cuc truong|chanh an"
    r"|vien truong|truong ban|chanh van phong|tong giam doc) |uy ban nhan dan\b|hoi dong nhan dan\b"
    r"|chinh phu$|thu tuong chinh phu$|ban thuong vu\b|ban bi thu\b|ban thuong truc\b"
    r"|uy ban thuong vu quoc hoi$|quoc hoi$|hoi dong bo truong$|hoi dong chinh phu$)"
)
# Type names that also open a title as a verb ("QUY ĐỊNH ĐIỀU KIỆN ...", "HƯỚNG DẪN THI HÀNH ...").
_VERB_TYPES = frozenset({"Quy định", "Hướng dẫn"})
_NOT_ISSUER = frozenset({"du thao", "ban sao", "mau", "ban chinh", "sao y ban chinh"})
_PLACE_WORDS = frozenset({"thành", "phố", "tp.", "tp", "thị", "xã", "trấn", "huyện", "tỉnh"})
GO, STOP = False, True
_MOTTO_HINTS = ("cong", "doc lap", "doan")
_NUMBER_INITIALS = frozenset("SsLBPN")


@dataclass
class Header:
    """What the header block of one document says, before interpretation."""

    motto: str | None = None
    number: NumberLine | None = None
    dateline: DateLine | None = None
    issuer_cells: list[str] = field(default_factory=list)
    marks: dict[str, str] = field(default_factory=dict)
    type_line: TypeLine | None = None
    title: list[str] = field(default_factory=list)
    cv_title: list[str] = field(default_factory=list)
    kinh_gui: int | None = None
    enacting: str | None = None
    end: int = 0
    star: bool = False


def read_header(lines: list[str]) -> Header:
    """Scan the first lines of a document and collect its header parts."""
    return _Scanner(lines).run()


class _Scanner:
    """Reads header cells in order: header phase, title phase (after a type name), after."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.header = Header()
        self.phase = "header"
        self.cv_open = False
        self.gap = False
        self.last = -1
        self.spacing = 2 if _double_spaced(lines) else 1

    def run(self) -> Header:
        """Scan until the body starts (or ``LIMIT`` lines) and return what was found."""
        for idx in range(min(len(self.lines), LIMIT)):
            line = self.lines[idx].strip()
            if not line:
                continue
            self.gap = idx > self.last + self.spacing
            if any(self._cell(cell, idx) for cell in cells(line)):
                self.header.end = idx
                return self.header
            self.last = idx
        self.header.end = self.last + 1
        return self.header

    def _cell(self, cell: str, idx: int) -> bool:
        if self.phase == "title":
            return self._title_cell(cell, idx)
        if self.phase == "after":
            return self._after_cell(cell, idx)
        if is_rule(cell):
            self.header.star = self.header.star or "*" in cell
            self.cv_open = False
            return GO
        if self._structural(cell):
            return GO
        return self._other_cell(cell, idx)

    def _structural(self, cell: str) -> bool:
        """Motto, number, date or mark cells; a two-column remainder is read again."""
        folded = fold(cell)
        if not any(word in folded for word in _MOTTO_HINTS):
            return self._number(cell) or self._date(cell) or self._mark(cell)
        before, motto, after = split_motto(cell)
        if motto:
            self.header.motto = self.header.motto or motto
            self.cv_open = False
            for part in (before, after):
                if part:
                    self._cell(part, -1)
            return True
        return self._number(cell) or self._date(cell) or self._mark(cell)

    def _number(self, cell: str) -> bool:
        if self.header.number is not None or cell[0] not in _NUMBER_INITIALS:
            return False
        number = parse_number(cell)
        if number is None or (number.rest and not self._rest_is_header(number.rest)):
            return False
        self.header.number = number
        if number.rest:
            self._cell(number.rest, -1)
        return True

    @staticmethod
    def _rest_is_header(rest: str) -> bool:
        if CV_TITLE.match(rest) or split_motto(rest)[1] is not None:
            return True
        return parse_date(rest) is not None

    def _date(self, cell: str) -> bool:
        if self.header.dateline is not None or "ngay" not in fold(cell):
            return False
        dateline = parse_date(cell)
        if dateline is None:
            return False
        caps, place = _split_caps(dateline.place)
        if not _place_ok(place):
            return False
        dateline.place = place
        self.header.dateline = dateline
        self.cv_open = False
        if caps:
            self._cell(caps, -1)
        return True

    def _mark(self, cell: str) -> bool:
        if len(cell) > 24:
            return False
        mark = parse_mark(cell)
        if mark is None:
            return False
        self.header.marks.setdefault(*mark)
        return True

    def _other_cell(self, cell: str, idx: int) -> bool:
        anchored = self.header.number is not None or self.header.motto is not None
        if KINH_GUI.match(fold(cell)):
            self.header.kinh_gui = idx
            return STOP
        type_line = parse_type_line(cell) if anchored else None
        if type_line is not None and type_line.rest:
            type_line = self._verb_title(type_line, cell)
        if type_line is not None:
            self.header.type_line = type_line
            self.header.title = [type_line.rest] if type_line.rest else []
            self.phase = "title"
            return GO
        if self._cv_title(cell):
            return GO
        if self._enacting_after_number(cell):
            return STOP
        if self._title_after_number(cell):
            return GO
        if self.cv_open:
            return STOP
        if self.header.number is None and _issuer_like(cell):
            self.header.issuer_cells.append(cell)
            return GO
        return STOP if anchored and _looks_like_body(cell) else GO

    def _enacting_after_number(self, cell: str) -> bool:
        """A copy that lost type line and title: the enacting line ("HỘI ĐỒNG NHÂN DÂN TỈNH X")
        comes right after the number and date, and the body after it."""
        if self.header.number is None or self.header.dateline is None or self.header.title:
            return False
        if not (is_upper(cell) and ENACTING.match(fold(cell))):
            return False
        self.header.enacting = cell
        return True

    def _title_after_number(self, cell: str) -> bool:
        """A table copy that lost its type line: a capitals title right under the number and date
        ("RÀ SOÁT, ĐÁNH GIÁ ..." under 23/KH-UBND); the symbol's code names the type."""
        number = self.header.number
        if number is None or self.header.dateline is None or self.header.title or self.cv_open:
            return False
        if self.header.cv_title or BODY_START.match(cell):
            return False
        if not is_upper(cell) or len(cell) < 20 or ENACTING.match(fold(cell)):
            return False
        by_code = type_name(number.kind, number.type_code)
        if by_code is None:
            return False
        self.header.type_line = TypeLine(by_code, cell)
        self.header.title = [cell]
        self.phase = "title"
        return True

    def _verb_title(self, type_line: TypeLine, cell: str) -> TypeLine:
        """ "QUY ĐỊNH ĐIỀU KIỆN ..." under a TT number: the copy lost the type line "THÔNG TƯ",
        and "Quy định" opens the title as a verb. The symbol's code names the type."""
        number = self.header.number
        if type_line.name not in _VERB_TYPES or number is None or number.type_code == "QĐ":
            return type_line
        by_code = type_name(number.kind, number.type_code)
        if by_code is None or by_code == type_line.name:
            return type_line
        return TypeLine(by_code, cell)

    def _cv_title(self, cell: str) -> bool:
        title = self.header.cv_title
        if self.header.number is None or self.header.type_line is not None:
            return False
        if not title and CV_TITLE.match(cell):
            title.append(cell)
            self.cv_open = True
            return True
        if self.cv_open and is_upper(cell) and ENACTING.match(fold(cell)):
            self.header.enacting = cell  # a resolution's "HỘI ĐỒNG NHÂN DÂN TỈNH X" line
            self.cv_open = False
            return False
        wrapped = (not self.gap or not cell[0].isupper()) and len(cell) < 100
        if self.cv_open and len(title) < 4 and not BODY_START.match(cell) and wrapped:
            title.append(cell)
            return True
        self.cv_open = False
        return False

    def _title_cell(self, cell: str, idx: int) -> bool:
        title = self.header.title
        if self.header.dateline is None and self._date(cell):
            return GO
        if KINH_GUI.match(fold(cell)):
            self.header.kinh_gui = idx
            return STOP
        if is_rule(cell):
            self.phase = "after" if title else "title"
            return GO
        if not title and _organ_heading(cell):
            rest = strip_of_heading(cell)
            title.extend([rest] if rest else [])
            return GO
        if title and _title_ends(cell, title, self.gap):
            if is_upper(cell) and ENACTING.match(fold(cell)):
                self.header.enacting = cell
            return STOP
        title.append(cell)
        return GO

    def _after_cell(self, cell: str, idx: int) -> bool:
        if KINH_GUI.match(fold(cell)):
            self.header.kinh_gui = idx
        return STOP


def _organ_heading(cell: str) -> bool:
    """A capitals line naming the organ under the type ("CỦA BỘ CHÍNH TRỊ", "KẾT LUẬN CỦA ...")."""
    if cell.startswith(("VỀ", "V/V")):  # a title about something "... CỦA ĐẢNG"
        return False
    return is_upper(cell) and (cell.startswith("CỦA ") or " CỦA " in cell[:40])


def _double_spaced(lines: list[str]) -> bool:
    """True when text extraction put a blank line after every line (as in some PDFs)."""
    head = lines[:40]
    filled = [i for i, line in enumerate(head[:-1]) if line.strip()]
    blank_after = sum(1 for i in filled if not head[i + 1].strip())
    return len(filled) >= 6 and blank_after >= 0.7 * len(filled)


def _title_ends(cell: str, title: list[str], gap: bool) -> bool:
    if BODY_START.match(cell) or cell.rstrip().endswith(":"):
        return True
    if is_upper(cell) and ENACTING.match(fold(cell)):
        return True
    if is_upper(cell) and not all(is_upper(line) for line in title):
        return True
    worded = any(sum(w.isalpha() for w in line.split()) >= 2 for line in title)
    if worded and all(is_upper(line) for line in title) and _sentence_start(cell):
        return True  # a capitals title, then the body's first sentence ("Những năm gần đây, ...")
    if gap and (len(cell) > 100 or (cell[0].isupper() and not is_upper(cell))):
        return True
    return len(title) >= 6 or sum(len(line) for line in title) > 400


def _sentence_start(cell: str) -> bool:
    """A body sentence's first line: a capital, then small letters, and long."""
    words = cell.split()
    return len(cell) > 40 and len(words) > 5 and words[0][0].isupper() and words[0][1:].islower()


def _issuer_like(cell: str) -> bool:
    folded = fold(cell)
    if " ".join(folded.split()) in _NOT_ISSUER or len(cell) > 150:
        return False
    if is_upper(cell):
        return sum(ch.isalpha() for ch in cell) >= 2
    return len(cell) <= 80 and _ORG_START.match(folded) is not None and "ngay" not in folded


def _looks_like_body(cell: str) -> bool:
    return (len(cell) > 40 and not is_upper(cell)) or BODY_START.match(cell) is not None


def _split_caps(place: str | None) -> tuple[str, str | None]:
    """An issuer in capitals glued before the place ("THÀNH ỦY BẢO LỘC Bảo Lộc") split off."""
    if place is None:
        return "", None
    words = place.split()
    caps = 0
    while caps < len(words) and is_upper(words[caps]) and len(words[caps]) > 1:
        caps += 1
    keep = " ".join(words[caps:]).isdigit() or set(words[:caps]) <= {"TP", "TP."}
    if 0 < caps < len(words) and not keep:  # "PHƯỜNG 12", "TP. Hồ Chí Minh" stay whole
        return " ".join(words[:caps]), " ".join(words[caps:])
    return "", place


def _place_ok(place: str | None) -> bool:
    """A place name: its words are capitalised, apart from generic words like "thành phố"."""
    if place is None:
        return True
    words = place.split()
    if len(words) > 6:
        return False
    return all(w[0].isupper() or w.lower() in _PLACE_WORDS or not w[0].isalpha() for w in words)
