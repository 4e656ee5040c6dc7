"""The printed words of each component, from a composition and its rule set."""

from __future__ import annotations

import datetime

from doimoi.compose.model import Composition


def date_line(place: str, day: datetime.date) -> str:
    """ "Bảo Lộc, ngày 04 tháng 5 năm 2022": the day and months 1–2 take a leading zero."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def number_line(c: Composition) -> str:
    """ "Số 01-KH/TU" (party) or "Số: 01/KH-UBND" (state); a draft leaves the number blank."""
    prefix = c.rules.number_prefix
    if c.reference:
        return f"{prefix}{c.reference}"
    if c.kind == "party":
        return f"{prefix}    -{c.type_code}/{c.issuer_code}"
    tail = f"{c.type_code}-{c.issuer_code}" if c.type_code else c.issuer_code
    return f"{prefix}    /{tail}"


def cv_abstract(c: Composition) -> str:
    """The abstract of a công văn, under its number."""
    title = c.title.strip()
    if title.lower().startswith(("v/v ", "về ")):
        return title
    return c.rules.cv_abstract_prefix + title[:1].lower() + title[1:]


def authority_line(c: Composition) -> str:
    """ "T/M BAN THƯỜNG VỤ", "KT. CHỦ TỊCH" … or "" when the signer signs directly."""
    sig = c.signature
    prefix = c.rules.authority_prefixes.get(sig.authority)
    if prefix is None:  # written out already ("T/M BAN THƯỜNG VỤ"), or empty
        return sig.authority.strip().upper()
    return f"{prefix} {sig.authority_body}".strip().upper()


def recipient_lines(c: Composition) -> list[str]:
    """ "- Ban Thường vụ Tỉnh ủy (b/c);" … and the archive line last ("- Lưu Văn phòng.")."""
    lines = []
    if c.kinh_gui:
        lines.append("- Như kính gửi;")
    for r in c.recipients:
        lines.append(f"- {r.name}{' (b/c)' if r.for_report else ''};")
    if c.archive:
        lines.append(f"{c.rules.archive_prefix}{c.archive}.")
    return lines


def kinh_gui_lines(c: Composition) -> list[str]:
    if not c.kinh_gui:
        return []
    if len(c.kinh_gui) == 1:
        return [f"Kính gửi: {c.kinh_gui[0]}"]
    items = [f"- {name};" for name in c.kinh_gui[:-1]] + [f"- {c.kinh_gui[-1]}."]
    return ["Kính gửi:", *items]
