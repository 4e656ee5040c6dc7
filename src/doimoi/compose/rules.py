"""Layout rules as data: one rule set per guideline, chosen by the kind and the document's date.

Party documents follow Quy định 399-QĐ/TW and its layout guidance (Hướng dẫn 36-HD/VPTW of 2018,
replaced by Hướng dẫn 05-HD/VPTW of 27/5/2026); state documents follow Nghị định 30/2020/NĐ-CP
Phụ lục I. Where sources conflict (party margins, DOMAIN.md §2.8) the value kept is the one the
guidance is reported to give, and the conflict is written beside it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

D = datetime.date


@dataclass(frozen=True)
class Style:
    """How one component is printed: size in points, and what is bold, italic, underlined."""

    size: float
    bold: bool = False
    italic: bool = False
    underline: bool = False


@dataclass(frozen=True)
class Rules:
    """One guideline's layout: paper, margins, font, and the style of every component."""

    name: str
    kind: str
    valid_from: datetime.date
    source: str
    margins_mm: tuple[int, int, int, int]  # top, bottom, left, right
    styles: dict[str, Style]
    number_prefix: str
    under_issuer: str
    recipients_label: str
    archive_prefix: str
    cv_abstract_prefix: str
    authority_prefixes: dict[str, str]
    page_mm: tuple[int, int] = (210, 297)
    # the two columns of the header and of the signature (issuer | motto, recipients | signer):
    # wide enough that the motto and the place and date line each print on one line
    columns_mm: tuple[int, int] = (78, 87)
    font: str = "Times New Roman"
    first_line_indent_mm: float = 10
    space_after_pt: float = 6
    line_spacing_pt: float = 18
    notes: tuple[str, ...] = field(default_factory=tuple)


_PARTY_STYLES = {
    "motto": Style(15, bold=True),
    "superior": Style(14),
    "issuer": Style(14, bold=True),
    "number": Style(14),
    "place_date": Style(14, italic=True),
    "type": Style(16, bold=True),
    "title": Style(14, bold=True),
    "cv_title": Style(12, italic=True),
    "kinh_gui": Style(14),
    "body": Style(14),
    "heading": Style(14, bold=True),
    "recipients_label": Style(14, underline=True),
    "recipients": Style(12),
    "authority": Style(14, bold=True),
    "signer_title": Style(14, bold=True),
    "signer_name": Style(14, bold=True),
    "annex": Style(12),
}

_STATE_STYLES = {
    "motto": Style(13, bold=True),
    "motto2": Style(14, bold=True),
    "superior": Style(13),
    "issuer": Style(13, bold=True),
    "number": Style(13),
    "place_date": Style(14, italic=True),
    "type": Style(14, bold=True),
    "title": Style(14, bold=True),
    "cv_title": Style(13),
    "kinh_gui": Style(14),
    "body": Style(14),
    "heading": Style(14, bold=True),
    "recipients_label": Style(12, bold=True, italic=True),
    "recipients": Style(11),
    "authority": Style(14, bold=True),
    "signer_title": Style(14, bold=True),
    "signer_name": Style(14, bold=True),
    "annex": Style(12),
}

PARTY_PREFIXES = {"on_behalf": "T/M", "for": "K/T", "by_order": "T/L", "acting": "Q."}
STATE_PREFIXES = {
    "on_behalf": "TM.",
    "for": "KT.",
    "by_order": "TL.",
    "acting": "Q.",
    "delegated": "TUQ.",
}

HD36_2018 = Rules(
    name="HD36-2018",
    kind="party",
    valid_from=D(2018, 4, 3),
    source="Hướng dẫn 36-HD/VPTW ngày 03/4/2018, Phụ lục 3",
    margins_mm=(20, 20, 30, 15),
    styles=_PARTY_STYLES,
    number_prefix="Số ",
    under_issuer="*",
    recipients_label="Nơi nhận:",
    archive_prefix="- Lưu ",
    cv_abstract_prefix="V/v ",
    authority_prefixes=PARTY_PREFIXES,
    notes=(
        "Lề: HD 36 theo bản sao công bố 20/20/30/15 mm; sổ tay ĐUK Bình Thuận ghi 25/25/35/15 mm "
        "(có lẽ theo HD 11-HD/VPTW 2004) — giữ 20/20/30/15, chỉ cảnh báo.",
    ),
)

HD05_2026 = Rules(
    name="HD05-2026",
    kind="party",
    valid_from=D(2026, 5, 27),
    source="Hướng dẫn 05-HD/VPTW ngày 27/5/2026 (thay HD 36; theo các bản sao công bố)",
    margins_mm=(20, 20, 30, 15),
    styles=_PARTY_STYLES,
    number_prefix="Số ",
    under_issuer="*",
    recipients_label="Nơi nhận:",
    archive_prefix="- Lưu ",
    cv_abstract_prefix="Về ",
    authority_prefixes=PARTY_PREFIXES,
    notes=("Trích yếu công văn không ghi «V/v», viết «Về …» (HD 05, theo bản sao công bố).",),
)

ND30_2020 = Rules(
    name="ND30-2020",
    kind="state",
    valid_from=D(2020, 3, 5),
    source="Nghị định 30/2020/NĐ-CP ngày 05/3/2020, Phụ lục I",
    margins_mm=(20, 20, 30, 15),
    styles=_STATE_STYLES,
    number_prefix="Số: ",
    under_issuer="-------",
    recipients_label="Nơi nhận:",
    archive_prefix="- Lưu: ",
    cv_abstract_prefix="V/v ",
    authority_prefixes=STATE_PREFIXES,
    first_line_indent_mm=10,
    line_spacing_pt=18,
    columns_mm=(65, 100),  # "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in 13 pt bold is 95 mm long
)

RULE_SETS: tuple[Rules, ...] = (HD36_2018, HD05_2026, ND30_2020)


def rules_for(kind: str, day: datetime.date) -> Rules:
    """The rule set in force for a ``kind`` ("party" or "state") document dated ``day``; before the
    first known guideline, the earliest one."""
    known = sorted((r for r in RULE_SETS if r.kind == kind), key=lambda r: r.valid_from)
    if not known:
        raise ValueError(f"no layout rules for kind {kind!r}")
    current = known[0]
    for rules in known:
        if rules.valid_from <= day:
            current = rules
    return current
