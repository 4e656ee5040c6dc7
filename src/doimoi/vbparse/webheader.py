"""Header blocks as websites and PDF tools copy them: table cells broken over several lines
("ỦY" / "BAN NHÂN DÂN", "Hà Nội, ngày 14" / "tháng 05 năm 2013"), "|" cell marks, and headers
that lost their line breaks ("…TRUNG ƯƠNG***Số: 367 - QĐ/TWĐTN-VP…").
"""

from __future__ import annotations

import re

from doimoi.vbparse.lines import parse_mark
from doimoi.vbparse.tables import TYPE_NAMES
from doimoi.vbparse.text import fold, is_upper

HEAD = 45
_PIPE_EDGE = re.compile(r"^\s*\|\s?|\s?\|\s*$")
_BODY = re.compile(r"^(?:Căn cứ|Thực hiện|Xét|Điều\s+\d|Chương\s|I\.\s)")
_TYPE_WORDS = frozenset(fold(name).upper() for name in TYPE_NAMES if " " not in name)


def rejoin_header(text: str) -> str:
    """Lines a copy broke inside one header cell joined again, "|" cell marks dropped.

    "ỦY" / "BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI" / "CHỦ NGHĨA VIỆT NAM", "Số:" / "14/2007/QĐ-UBND",
    "Tam" / "Kỳ, ngày 19 tháng 6 năm 2007", "Hà Nội, ngày 14" / "tháng 05 năm 2013".
    """
    lines = text.split("\n", HEAD)
    head = lines[:HEAD]
    if not any(_breaks(line) for line in head):
        return text
    out: list[str] = []
    for index, raw in enumerate(head):
        line = _PIPE_EDGE.sub("", raw).rstrip() if "|" in raw and raw.count("|") <= 2 else raw
        if _BODY.match(line.strip()):
            out.extend([line, *head[index + 1 :]])
            break
        if out and line.strip() and len(out[-1]) <= 80 and _joins(out[-1].strip(), line.strip()):
            out[-1] = f"{out[-1].rstrip()} {line.strip()}"
            continue
        out.append(line)
    return "\n".join(out + lines[HEAD:])


_PLACE_OPEN = re.compile(r"^[A-ZĐ][^\s,]*\s*,\s*ngày\b")


def _place_start(previous: str) -> bool:
    """The first words of a place name a copy broke before its last word ("Phan Rang-Tháp")."""
    words = previous.split()
    if not 0 < len(words) <= 3 or is_upper(previous):
        return False
    return all(w[0].isupper() and all(ch.isalpha() or ch == "-" for ch in w) for w in words)


def _breaks(line: str) -> bool:
    stripped = line.strip()
    if not stripped or len(stripped) > 60:  # header cells are short; body lines are not
        return False
    if " " not in stripped:
        return stripped in ("|", "Số:") or (len(stripped) > 1 and stripped.isalpha())
    ends = (" |", "Số:", "ngày", "XÃ HỘI", "ỦY BAN", "BAN NHÂN", "HÒA XÃ", "HỘI CHỦ")
    if stripped.endswith(ends):
        return True
    dated = "ngày" in stripped and "năm" not in stripped
    return dated and (stripped[-1].isdigit() or stripped.endswith("tháng"))


_RULE_CHARS = frozenset("-_=*. ")


# Motto and issuer words a table wraps: (how the first line ends, how the next one may begin).
_WRAPPED = (
    (("XÃ HỘI", "CỘNG HÒA", "CỘNG", "HÒA XÃ"), ("CHỦ NGHĨA", "HÒA XÃ HỘI", "HỘI CHỦ NGHĨA")),
    (("HỘI CHỦ",), ("NGHĨA VIỆT NAM",)),
    (("ỦY BAN",), ("NHÂN DÂN",)),
    (("BAN NHÂN",), ("DÂN",)),
)


def _joins(previous: str, line: str) -> bool:
    if not previous or set(previous) <= _RULE_CHARS:
        return False
    if previous in ("Số:", "Số", "SỐ:") or previous.endswith(" Số:"):
        return line[0].isdigit()
    if "ngày" in previous and "năm" not in previous:
        if previous.endswith(("ngày", "tháng")):  # "Cần Thơ, ngày 11 tháng" / "7 năm 2011"
            return line[:1].isdigit()
        return previous[-1].isdigit() and line.startswith(("tháng", "năm"))
    wrapped = next((goes_on for end, goes_on in _WRAPPED if previous.endswith(end)), None)
    if wrapped is not None:
        return line.startswith(wrapped)
    if ", ngày" in line and _PLACE_OPEN.match(line) and _place_start(previous):
        return True
    if " " in previous or len(previous) < 2 or len(line) < 4 or not previous.isalpha():
        return False
    if fold(previous).upper() in _TYPE_WORDS or parse_mark(previous) or parse_mark(line):
        return False
    return previous[0].isupper() and (is_upper(previous) == is_upper(line.split()[0]))


# ---- flattened copies -------------------------------------------------------------------

_FLAT_HINT = re.compile(r"(?:CỘNG H[OÒ]A XÃ HỘI|ĐẢNG CỘNG SẢN|ĐOÀN TNCS|Số\s*:?\s*\d)")
_ANCHOR = re.compile(
    r"\s*(CỘNG H[OÒ]A XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM"
    r"|Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc|ĐOÀN TNCS HỒ CHÍ MINH|Số\s*:?\s*\d"
    r"|V/v\s|Kính gửi\s*:|Căn cứ\s|Nơi nhận\s*:|Điều\s+\d+\s*\.|(?:TM|T/M|KT|TL|TUQ)\.?\s+[A-ZĐ]{2}"
    r"|\((?:đã|Đã) ký\)|\*{3}|-{5,}|(?<=[;:.])\s*-\s+(?=[A-ZĐ]))"
)
_LOWER = "a-zđ\u00e0-\u00ff\u0103\u0129\u0169\u01a1\u01b0\u1ea1-\u1ef9"
_PLACE_WORD = rf"[A-ZĐ][{_LOWER}]*(?:-[A-ZĐ][{_LOWER}]*)?"
_DATE_CELL = re.compile(
    rf"\s*((?<!\S)(?:{_PLACE_WORD}\s){{0,3}}{_PLACE_WORD},\s*ngày\s*\d{{1,2}}\s*tháng\s*\d{{1,2}}"
    r"\s*năm\s*\d{4})\s*"
)
_TYPE_GLUED = re.compile(
    r"\s*(QUYẾT ĐỊNH|KẾ HOẠCH|NGHỊ QUYẾT|HƯỚNG DẪN|THÔNG BÁO|BÁO CÁO|CHỈ THỊ|KẾT LUẬN|QUY ĐỊNH)"
    rf"(?=[A-ZĐ][{_LOWER}])"
)
_AFTER = re.compile(r"(\((?:đã|Đã) ký\)|\*{3}|-{5,})\s*")


def _flat(line: str) -> bool:
    """A header that lost its line breaks: a long line with a header anchor, or a shorter one
    with two different ones (a motto and a number)."""
    if len(line) < 120:
        return False
    hints = {found.group(0)[:4] for found in _FLAT_HINT.finditer(line[:400])}
    return len(hints) >= 2 or (len(line) >= 250 and bool(hints))


def unflatten(text: str) -> str:
    """A copy that lost its line breaks ("…TRUNG ƯƠNG***Số: 367 - QĐ/TWĐTN-VP…") cut again
    at the places a header's parts begin: motto, number, place and date, V/v, Kính gửi, …"""
    head = text[:800]
    first = next((line for line in head.split("\n") if _flat(line)), "")
    if not first:
        return text
    line = _ANCHOR.sub(lambda m: f"\n{m.group(1).lstrip()}", first)
    line = _TYPE_GLUED.sub(lambda m: f"\n{m.group(1)}\n", line)
    line = _DATE_CELL.sub(lambda m: f"\n{m.group(1)}\n", line)
    line = _AFTER.sub(lambda m: f"{m.group(1)}\n", line)
    line = "\n".join(part.strip() for part in line.split("\n") if part.strip())
    return text.replace(first, line, 1)
