"""The type-name line ("KẾ HOẠCH", "QUYẾT ĐỊNH", "KẾT LUẬN CỦA BỘ CHÍNH TRỊ về ...")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from doimoi.vbparse.tables import GENERIC_TYPE_NAMES, TYPE_NAMES
from doimoi.vbparse.text import fold, is_upper

_BY_FOLDED = {fold(name): name for name in TYPE_NAMES if name not in GENERIC_TYPE_NAMES}
_BY_FOLDED_TIGHT = {key.replace(" ", ""): name for key, name in _BY_FOLDED.items()}
# A heading printed letter by letter ("K Ế  H O Ạ C H"), as some PDFs extract it.
_SPACED = re.compile(r"^(?:\S {1,2}){3,}\S$")
_TYPE_START = re.compile(
    r"^(?:" + "|".join(re.escape(k) for k in sorted(_BY_FOLDED, key=len, reverse=True)) + r")(?!\w)"
)


@dataclass
class TypeLine:
    """A type name found at the head of a line, and the text that follows it on that line."""

    name: str
    rest: str


def parse_type_line(text: str) -> TypeLine | None:
    """The type name when a line is a type heading (written in capitals), else None."""
    if _SPACED.match(text):
        name = _BY_FOLDED_TIGHT.get(fold(text).replace(" ", ""))
        return TypeLine(name, "") if name else None
    folded = fold(text)
    found = _TYPE_START.match(folded)
    if not found:
        return None
    head = text[: found.end()]
    rest = text[found.end() :].strip()
    if not is_upper(head) and rest:
        return None
    if rest and not _acceptable_rest(rest):
        return None
    return TypeLine(_BY_FOLDED[found.group(0)], strip_of_heading(rest))


def _acceptable_rest(rest: str) -> bool:
    """After a type name: nothing, a caps continuation, or a lower-case abstract start."""
    first = rest.split()[0]
    if rest.startswith(("(", ":", "V/v", "V/V", "Về ")):
        return True
    return is_upper(first) or first[0].islower()


def strip_of_heading(rest: str) -> str:
    """Drop a capitals qualifier naming the issuing organ ("CỦA BỘ CHÍNH TRỊ") from a heading."""
    rest = rest.lstrip(": ").strip()
    words = rest.split()
    if "CỦA" not in words[:4]:
        return rest
    upper = words.index("CỦA") + 1
    while upper < len(words) and is_upper(words[upper]) and words[upper] not in ("V/V", "VỀ"):
        upper += 1  # "CỦA ỦY BAN NHÂN DÂN THÀNH PHỐ V/V PHÊ DUYỆT ...": the abstract stays
        if words[upper - 1] == "SỐ" and upper < len(words) and words[upper][:1].isdigit():
            break  # "... SỐ 72/HĐBT NGÀY 17-9-1981 VỀ ...": own number and date, dropped later
    return " ".join(words[upper:])
