"""How a unit is named on its documents: official name, the party organization it heads, the
superior line, the place, who it signs for (DOMAIN.md §2). Units are read by their attributes
(name, short_name, kind, depth), so the composer needs nothing from the organizations app."""

from __future__ import annotations

import re
from typing import Any

from doimoi.compose.lines import date_line

Unit = Any  # an organizations.Unit: name, short_name, kind, depth

__all__ = [
    "collective_authority",
    "date_line",
    "default_place",
    "official_name",
    "party_of",
    "signing_title",
    "superior_line",
]

# "Tỉnh ủy X" writes "ĐẢNG BỘ TỈNH X" above the names of the bodies it heads, and so on down.
_COMMITTEE_TO_PARTY = [
    ("Tỉnh ủy ", "Đảng bộ tỉnh "),
    ("Thành ủy ", "Đảng bộ thành phố "),
    ("Huyện ủy ", "Đảng bộ huyện "),
    ("Quận ủy ", "Đảng bộ quận "),
    ("Thị ủy ", "Đảng bộ thị xã "),
    ("Đảng ủy ", "Đảng bộ "),
]


def official_name(unit: Unit) -> str:
    """The name a unit writes on its documents: "Tỉnh ủy Lâm Đồng (từ 01/7/2025)" is a name kept
    apart in the tree; on paper it is its short name "Tỉnh ủy Lâm Đồng"."""
    return unit.short_name if unit.name.endswith(")") and unit.short_name else unit.name


def party_of(committee_name: str) -> str:
    """The party organization a committee leads: "Tỉnh ủy Lâm Đồng" → "Đảng bộ tỉnh Lâm Đồng"."""
    for prefix, party in _COMMITTEE_TO_PARTY:
        if committee_name.startswith(prefix):
            return party + committee_name[len(prefix) :]
    return committee_name


def superior_line(parent: Unit | None) -> str:
    """The superior body's line over the issuer's name (empty at the top of the tree)."""
    if parent is None or parent.depth == 1:
        return ""
    return party_of(official_name(parent)).upper()


_NUMBERED_WARD = re.compile(r"^(?:phường|xã|khu phố)\s+\d+\s+", re.I)


def default_place(unit: Unit) -> str:
    """A place name from the unit's name ("Thành ủy Bảo Lộc" → "Bảo Lộc"; a numbered ward
    "Đảng ủy phường 1 Bảo Lộc" writes the town it lies in, "Bảo Lộc")."""
    name = official_name(unit)
    for prefix, _party in _COMMITTEE_TO_PARTY:
        if name.startswith(prefix):
            rest = _NUMBERED_WARD.sub("", name[len(prefix) :])
            return rest[0].upper() + rest[1:] if rest else name
    return name


def collective_authority(unit: Unit) -> str:
    """Who a committee signs for: its standing committee ("T/M BAN THƯỜNG VỤ"); a board signs itself."""
    if unit.kind in {"party_committee", "grassroots"}:
        return "T/M BAN THƯỜNG VỤ"
    if unit.kind == "party_cell":
        return "T/M CHI BỘ"
    return ""


_TITLES = (
    "Phó Bí thư Thường trực",
    "Phó Bí thư",
    "Bí thư",
    "Phó Trưởng ban",
    "Trưởng ban",
    "Phó Chủ nhiệm",
    "Chủ nhiệm",
    "Chánh Văn phòng",
)


def signing_title(position: str) -> str:
    """The title a signer writes under the authority line: "Bí thư Thành ủy" → "Bí thư"."""
    folded = position.strip().lower()
    for title in _TITLES:
        if folded.startswith(title.lower()):
            return title
    return " ".join(position.split()[:2])
