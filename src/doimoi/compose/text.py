"""A composition as plain text, in the order a reader (and vbparse) meets its components:
the issuer block, the motto, the place and date, type and title, body, recipients, signature."""

from __future__ import annotations

from doimoi.compose import lines as L
from doimoi.compose.model import PARTY_MOTTO, STATE_MOTTO, STATE_MOTTO2, Composition, Section


def issuer_block(c: Composition) -> list[str]:
    """Left column of the header: superior, issuer, mark, number (and a công văn's abstract)."""
    block = [c.superior.upper()] if c.superior else []
    block += [c.issuer.upper(), c.rules.under_issuer, L.number_line(c)]
    if c.is_cong_van:
        block.append(L.cv_abstract(c))
    return block


def motto_block(c: Composition) -> list[str]:
    """Right column of the header: the motto and the place and date."""
    if c.kind == "party":
        return [PARTY_MOTTO, L.date_line(c.place, c.date)]
    return [STATE_MOTTO, STATE_MOTTO2, "---------------", L.date_line(c.place, c.date)]


def title_block(c: Composition) -> list[str]:
    if c.is_cong_van:
        return []
    return [c.type_name.upper(), c.title, "-----"]


def section_lines(sections: list[Section]) -> list[str]:
    out: list[str] = []
    for section in sections:
        if section.heading:
            out.append(section.heading)
        out += section.paragraphs
        out += [table_line(row) for row in section.table]
    return out


def table_line(row: list[str]) -> str:
    """A table row as text: "| Đơn vị | Số đề xuất |"."""
    return "| " + " | ".join(cell.replace("|", "/") for cell in row) + " |"


def signature_block(c: Composition) -> list[str]:
    lines = [L.authority_line(c), c.signature.title.upper()]
    return [*(line for line in lines if line), "", "", c.signature.name]


def body_lines(c: Composition) -> list[str]:
    return [*c.opening, *section_lines(c.sections), *c.closing]


def plain_text(c: Composition) -> str:
    """The document's text, as the documents app stores and indexes it."""
    parts = [
        *issuer_block(c),
        *motto_block(c),
        "",
        *title_block(c),
        *L.kinh_gui_lines(c),
        *body_lines(c),
        "",
        c.rules.recipients_label,
        *L.recipient_lines(c),
        "",
        *signature_block(c),
    ]
    if c.annex:
        parts += ["", c.annex_title.upper() or "PHỤ LỤC", *section_lines(c.annex)]
    return "\n".join(parts) + "\n"
