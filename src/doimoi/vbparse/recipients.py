"""Recipients: the "Kính gửi" block under the header and the "Nơi nhận" list at the end.

Each line becomes one recipient, without its dash and end punctuation; "(b/c)", "(để b/c)",
"(báo cáo)", "(b.cáo)" mark a copy sent upward for reporting and are removed from the name.
"""

from __future__ import annotations

import re

from doimoi.vbparse.lines import cells
from doimoi.vbparse.model import Recipient
from doimoi.vbparse.signature import is_signature_cell, name_like
from doimoi.vbparse.text import fold, squash

_REPORT = re.compile(r"\s*\(\s*(?:de\s*)?(?:b\s*[/.]\s*c(?:ao)?|bao\s*cao|bc)\s*\)")
_BULLET = re.compile(r"^[-+•*]\s*")
_INLINE_ITEMS = re.compile(r"(?<=[;,])\s+-\s+")
_END = re.compile(r"[\s,;.:]+$")
_END_MARKS = (",", ";", ".", ":")  # the last character of a squashed text _END may take off
_LABEL = re.compile(r"^(?:kinh\s*(?:gui|trinh)|noi\s*nhan)\s*:?\s*")
NOI_NHAN = re.compile(r"^noi\s*nhan\b")
_BODY_WORDS = re.compile(
    r"^(?:Thực hiện|Căn cứ|Ngày\s+\d|Theo|Để|Nhằm|Trong|Qua|Hiện nay|Vừa qua)\b"
)
MAX_LINES = 30
# "Nơi nhận" as written at the start of the list (capital N: a fast literal scan).
_NOI_NHAN_START = re.compile(r"N[ơƠoO][iI]\s*[nN][hH]")


def recipient(text: str) -> Recipient | None:
    """One recipient from one list line, or None when nothing is left of it."""
    text = squash(_BULLET.sub("", text.strip()))
    # _REPORT and _END try a match at every character: look only when their mark is there.
    report = _REPORT.search(fold(text)) if "(" in text else None
    if report:
        text = text[: report.start()] + text[report.end() :]
    name = squash(text)
    name = _END.sub("", name) if name[-1:] in _END_MARKS else name
    return Recipient(name, report is not None) if name else None


def read_kinh_gui(lines: list[str], start: int) -> tuple[list[Recipient], int]:
    """Recipients of a "Kính gửi:" block starting at ``start``, and the first line after it."""
    first = lines[start].strip()
    items = _split_inline(first[_LABEL.match(fold(first)).end() :])  # type: ignore[union-attr]
    idx, blanks = start + 1, 0
    while idx < min(len(lines), start + MAX_LINES):
        line = lines[idx].strip()
        blanks = blanks + 1 if not line else 0
        if blanks >= 2 or (
            line and not _kinh_gui_line(line, items, idx > 0 and not lines[idx - 1].strip())
        ):
            break
        idx += 1
    return _recipients(items), idx


def _kinh_gui_line(line: str, items: list[str], after_blank: bool) -> bool:
    if _BULLET.match(line) and not line.startswith("*"):
        items.extend(_split_inline(line))
        return True
    if after_blank and items and not (line[0].islower() or items[-1].endswith(",")):
        return False
    if items and _continues(items[-1], line):
        items[-1] = f"{items[-1]} {line}"
        return True
    return False


def _continues(previous: str, line: str) -> bool:
    """A wrapped recipient line: the previous one is not finished and this one is short."""
    if previous.endswith((".", ":")) or len(line) > 120 or _BODY_WORDS.match(line):
        return False
    return (
        line[0].islower() or previous.endswith(",") or (len(line) < 60 and previous[-1].isalpha())
    )


def _split_inline(text: str) -> list[str]:
    text = text.strip()
    if "-" not in text:  # _INLINE_ITEMS needs one (and tries a match at every character)
        return [text] if text else []
    return [part for part in _INLINE_ITEMS.split(text) if part.strip()] if text else []


def find_noi_nhan(lines: list[str], start: int, body: str | None = None) -> int | None:
    """Index of the "Nơi nhận:" line at or after ``start``, or None.

    ``body`` may be ``"\\n".join(lines[start:])`` when the caller has it already.
    """
    text = "\n".join(lines[start:]) if body is None else body
    for found in _NOI_NHAN_START.finditer(text):
        at = found.start()
        line_start = text.rfind("\n", 0, at) + 1
        line_end = text.find("\n", at)
        line = text[line_start : line_end if line_end != -1 else len(text)]
        if NOI_NHAN.match(fold(line.strip())):  # its line, counted back from the text's end
            return len(lines) - 1 - text.count("\n", line_start)
    return None


def read_noi_nhan(lines: list[str], anchor: int) -> list[Recipient]:
    """The recipient list after "Nơi nhận:", skipping signature cells laid out beside it."""
    head = cells(lines[anchor])
    items = _split_inline(head[0][_LABEL.match(fold(head[0])).end() :]) if head else []  # type: ignore[union-attr]
    for line in lines[anchor + 1 : anchor + 1 + MAX_LINES]:
        parts = cells(line)
        if not parts:
            continue
        if not _noi_nhan_cells(parts, items):
            break
    return _recipients(items)


def _noi_nhan_cells(parts: tuple[str, ...], items: list[str]) -> bool:
    """Take one line's cells into the list; False when the list has ended."""
    listed = [p for p in parts if _BULLET.match(p) and not p.startswith("*")]
    if listed:
        for part in listed:
            items.extend(_split_inline(part))
        return True
    cell = parts[0]
    if name_like(cell):
        return False
    if is_signature_cell(cell):
        return True
    if items and cell[0].islower() and not items[-1].endswith("."):
        items[-1] = f"{items[-1]} {cell}"
        return True
    return False


def _recipients(items: list[str]) -> list[Recipient]:
    found = (recipient(item) for item in items)
    return [item for item in found if item is not None]
