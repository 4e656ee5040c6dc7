"""The signature block: signing authority (T/M, K/T, T/L, Q., TM., KT., TL., TUQ.), title, name.

Only what is printed is read: a block with only a name gives only a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from doimoi.vbparse.lines import cells
from doimoi.vbparse.tables import CITIES, PROVINCES, SIGNING
from doimoi.vbparse.text import fold, is_upper

_PREFIXES = sorted(SIGNING["authority_prefixes"], key=len, reverse=True)
AUTHORITY = re.compile(
    r"^(?:" + "|".join(re.escape(p) for p in _PREFIXES) + r")(?:\s+|(?<=\.)(?=[A-ZĐ]))(?=\S)"
)
_AUTHORITY_INITIALS = frozenset(p[0] for p in _PREFIXES)
_TITLES = tuple(sorted((fold(t) for t in SIGNING["signer_titles"]), key=len, reverse=True))
_TITLE_SET = frozenset(_TITLES)
# Folding keeps one character for one, so only a title's length of a line need be folded to
# compare it with the titles: folding is a table lookup per character, and lines in the
# signature's region are often whole paragraphs.
_TITLE_LENGTH = max(len(title) for title in _TITLES)
_SURNAMES = frozenset(SIGNING["surnames"])
_NAME_PREFIX = re.compile(
    r"^(?:" + "|".join(re.escape(p) for p in SIGNING["name_prefixes"]) + r")\s+", re.IGNORECASE
)
_NOT_NAME_START = frozenset(
    [
        "Nơi",
        "Kính",
        "Như",
        "Lưu",
        "Các",
        "Ban",
        "Bộ",
        "Sở",
        "Ủy",
        "Đảng",
        "Tỉnh",
        "Thành",
        "Huyện",
        "Quận",
        "Xã",
        "Phường",
        "Chi",
        "Hội",
        "Cục",
        "Vụ",
        "Viện",
        "Trường",
        "Báo",
        "Đài",
        "Trung",
        "Văn",
        "Phòng",
        "Điều",
        "Chương",
        "Phần",
        "Mục",
        "Ngày",
        "Số",
        "Căn",
        "Thực",
        "Kết",
        "Quyết",
        "Nghị",
        "Chỉ",
        "Thông",
        "Hướng",
        "Công",
        "Kế",
        "Mặt",
        "Đoàn",
    ]
)
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_'’-]*$")
REGION_BEFORE = 12
REGION_AFTER = 36


@dataclass
class Signature:
    """Authority line(s), signer's title and name, each with a confidence."""

    authority: str | None = None
    title: str | None = None
    name: str | None = None
    confidence: dict[str, float] = field(default_factory=dict)
    others: list[Signature] = field(default_factory=list)

    def to_dict(self) -> dict[str, str | None]:
        """One signer as plain data."""
        return {"authority": self.authority, "title": self.title, "name": self.name}

    def all(self) -> list[Signature]:
        """This signer and the others that signed beside or below."""
        return [self, *self.others] if (self.name or self.title) else list(self.others)


def is_authority(cell: str) -> bool:
    """True for a signing-authority line: "T/M BAN THƯỜNG VỤ", "KT. CHỦ TỊCH"."""
    if cell[:1] not in _AUTHORITY_INITIALS:
        return False
    found = AUTHORITY.match(cell)
    return found is not None and is_upper(cell[found.end() :])


def is_signer_title(cell: str) -> bool:
    """True for a capitals line that starts with a known signer title ("PHÓ BÍ THƯ")."""
    if is_upper(cell):
        return fold(cell[:_TITLE_LENGTH]).startswith(_TITLES)
    # a copy that recased the block: "Chủ tịch", "Phó Chủ tịch" alone on their line
    return cell[:1].isupper() and len(cell) <= _TITLE_LENGTH and fold(cell) in _TITLE_SET


def is_signature_cell(cell: str) -> bool:
    """An authority or title line (what sits beside a recipient list in two columns)."""
    return is_authority(cell) or is_signer_title(cell) or (is_upper(cell) and len(cell) < 60)


_SIGNED_NOTE = re.compile(r"\s*[(\[]\s*(?:đã|Đã|ĐÃ)\s+(?:ký|KÝ)[^)\]]*[)\]]\s*$")


def name_like(cell: str) -> str | None:
    """The person's name when a cell is only a name ("Nghiêm Xuân Đức"), else None."""
    cell = _SIGNED_NOTE.sub("", cell) if "ký" in cell or "KÝ" in cell else cell
    text = _NAME_PREFIX.sub("", cell.strip())
    words = text.split()
    if not 2 <= len(words) <= 6 or not all(map(_NAME_WORD.match, words)):
        return None
    if is_upper(text):
        if is_signer_title(text) or is_authority(text):
            return None
        titled = [w.capitalize() for w in words]
        return " ".join(titled) if titled[0] in _SURNAMES else None
    if words[0] in _NOT_NAME_START or fold(text) in CITIES or fold(text) in PROVINCES:
        return None  # "Hà Nơi" (OCR's Hà Nội) is a place
    if all(w[0].isupper() and (len(w) == 1 or w[1:].islower()) for w in words):
        return cell.strip()
    return None


def read_signature(lines: list[str], start: int, anchor: int | None) -> Signature:
    """The signature block, looked for around the recipient list or near the end."""
    if anchor is not None:
        lo, hi = max(start, anchor - REGION_BEFORE), min(len(lines), anchor + REGION_AFTER)
    else:
        lo, hi = max(start, len(lines) - REGION_AFTER), len(lines)
    region = [(i, c) for i in range(lo, hi) if lines[i] for c in cells(lines[i])]
    signature = Signature()
    found = _block_start(region)
    if found is None:
        _name_only(signature, region, anchor)
        return signature
    columns = _columns(region, found)
    if columns is not None:
        left, right = columns
        first = _read_block(signature, left, 0)
        other = _read_block(Signature(), right, 0)
        if other.name:
            first.others.append(other)
        return first
    first = _read_block(signature, region, found)
    _more_blocks(first, region, found)
    return first


def _columns(
    region: list[tuple[int, str]], pos: int
) -> tuple[list[tuple[int, str]], list[tuple[int, str]]] | None:
    """Two signers side by side (joint documents): the left and right cells of each line."""
    line = region[pos][0]
    row = [cell for idx, cell in region if idx == line]
    if len(row) != 2 or not all(is_authority(c) or is_signer_title(c) for c in row):
        return None
    left: list[tuple[int, str]] = []
    right: list[tuple[int, str]] = []
    lines = sorted({idx for idx, _ in region if idx >= line})
    for idx in lines:
        cells_here = [cell for i, cell in region if i == idx]
        left.append((idx, cells_here[0]))
        if len(cells_here) > 1:
            right.append((idx, cells_here[-1]))
    return left, right


def _more_blocks(first: Signature, region: list[tuple[int, str]], start: int) -> None:
    """Signers stacked one below the other: each further authority or title line, after the
    previous signer's name, opens another block."""
    pos = _after_name(region, start + 1)
    while pos < len(region) and len(first.others) < 4:
        nxt = next(
            (p for p in range(pos, len(region)) if _opens_block(region[p][1])),
            None,
        )
        if nxt is None:
            return
        other = _read_block(Signature(), region, nxt)
        if not other.name:
            return
        first.others.append(other)
        pos = _after_name(region, nxt)


def _after_name(region: list[tuple[int, str]], start: int) -> int:
    """The position just after the first name at or after ``start`` (the end if none)."""
    found = next((p for p in range(start, len(region)) if name_like(region[p][1])), None)
    return len(region) if found is None else found + 1


def _opens_block(cell: str) -> bool:
    return is_authority(cell) or (is_signer_title(cell) and len(cell) <= 60)


def _block_start(region: list[tuple[int, str]]) -> int | None:
    for pos, (_, cell) in enumerate(region):
        if is_authority(cell):
            return pos
    titles = [
        pos
        for pos, (_, cell) in enumerate(region)
        if is_signer_title(cell) and len(cell) <= 60 and not cell.endswith(":")
    ]
    return titles[-1] if titles else None


def _read_block(signature: Signature, region: list[tuple[int, str]], pos: int) -> Signature:
    authority: list[str] = []
    titles: list[str] = []
    for _, cell in region[pos:]:
        if cell.startswith(("-", "+", "•")):
            continue
        name = name_like(cell)
        if name:
            signature.name = name
            signature.confidence["signer_name"] = 0.95 if _surname(name) else 0.75
            break
        if is_authority(cell) and not titles:
            authority.append(cell)
        elif (is_upper(cell) or is_signer_title(cell)) and len(titles) < 2 and not _noise(cell):
            titles.append(cell)
    signature.authority = " ".join(authority) or None
    signature.title = " ".join(titles) or None
    signature.confidence["signing_authority"] = 0.9
    signature.confidence["signer_title"] = 0.9 if titles and is_signer_title(titles[0]) else 0.7
    return signature


def _name_only(signature: Signature, region: list[tuple[int, str]], anchor: int | None) -> None:
    """No authority or title printed: the last name-like line after the recipient list."""
    candidates = [
        name
        for idx, cell in region
        if (anchor is None or idx > anchor) and not cell.startswith(("-", "+"))
        for name in [name_like(cell)]
        if name
    ]
    if anchor is None:  # no recipient list: only a name that starts with a known surname
        candidates = [name for name in candidates if _surname(name)]
    if candidates:
        signature.name = candidates[-1]
        signature.confidence["signer_name"] = 0.85 if _surname(candidates[-1]) else 0.6


def _surname(name: str) -> bool:
    return name.split()[0] in _SURNAMES


def _noise(cell: str) -> bool:
    folded = fold(cell)
    return folded.startswith(("noi nhan", "kinh gui")) or len(cell) > 80
