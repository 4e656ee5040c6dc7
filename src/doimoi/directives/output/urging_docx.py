"""The urging dispatch (công văn đôn đốc) as a Word file in the party layout (HD 36, DOMAIN.md §2).

Issuer block top left (superior body, issuing body in bold, "*", number and symbol, "V/v …" in
italics), "ĐẢNG CỘNG SẢN VIỆT NAM" top right over the place and date in italics; "Kính gửi";
the body listing the late units; "Nơi nhận" bottom left; the signature block bottom right.
Times New Roman on A4, margins 20/20/30/15 mm.
"""

from __future__ import annotations

import io
from typing import Any

from docx import Document as new_document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from doimoi.directives.models import UrgingDispatch
from doimoi.directives.output.party_layout import date_line

FONT = "Times New Roman"
CENTER, JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY


def _page(document: Any) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(14)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    normal.paragraph_format.space_after = Pt(0)


def _line(
    cell_or_doc: Any,
    text: str,
    *,
    size: int = 14,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    align: Any = CENTER,
    first: bool = False,
) -> Any:
    paragraph = cell_or_doc.paragraphs[0] if first else cell_or_doc.add_paragraph()
    paragraph.alignment = align
    run = paragraph.add_run(text)
    run.font.size, run.font.bold, run.font.italic = Pt(size), bold, italic
    run.font.underline = underline
    run.font.name = FONT
    return paragraph


def _grid(document: Any, widths: tuple[int, int]) -> Any:
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for cell, width in zip(table.rows[0].cells, widths, strict=True):
        cell.width = Mm(width)
    return table


def _header(document: Any, u: UrgingDispatch) -> None:
    left, right = _grid(document, (78, 87)).rows[0].cells
    _line(left, u.superior_name, first=True)
    _line(left, u.issuer_name.upper(), bold=True)
    _line(left, "*")
    _line(left, f"Số {u.reference}")
    _line(left, u.subject, size=12, italic=True)
    _line(right, "ĐẢNG CỘNG SẢN VIỆT NAM", size=15, bold=True, underline=True, first=True)
    _line(right, "")
    _line(right, date_line(u.place, u.date), italic=True)


def _addressees(document: Any, u: UrgingDispatch) -> None:
    document.add_paragraph()
    names = [item["unit"] for item in u.late_units]
    paragraph = _line(document, "Kính gửi: ", italic=True)
    run = paragraph.add_run(names[0] + ("," if len(names) > 1 else "."))
    run.font.size = Pt(14)
    for i, name in enumerate(names[1:], start=2):
        _line(document, f"- {name}" + ("." if i == len(names) else ","))


def _body(document: Any, u: UrgingDispatch) -> None:
    document.add_paragraph()
    for text in u.body:
        paragraph = _line(document, text, align=JUSTIFY)
        paragraph.paragraph_format.first_line_indent = Mm(10)
        paragraph.paragraph_format.space_after = Pt(6)


def _footer(document: Any, u: UrgingDispatch) -> None:
    document.add_paragraph()
    left, right = _grid(document, (80, 85)).rows[0].cells
    _line(left, "Nơi nhận:", underline=True, align=WD_ALIGN_PARAGRAPH.LEFT, first=True)
    for text in ("- Như kính gửi,", "- Lưu Văn phòng."):
        _line(left, text, size=12, align=WD_ALIGN_PARAGRAPH.LEFT)
    _line(right, u.authority.upper(), bold=True, first=True)
    _line(right, u.signer_title.upper(), bold=True)
    for _blank in range(4):
        _line(right, "")
    _line(right, u.signer_name, bold=True)


def urging_docx(urging: UrgingDispatch) -> bytes:
    """The Word file of an urging dispatch, built from what the dispatch row keeps."""
    document = new_document()
    _page(document)
    _header(document, urging)
    _addressees(document, urging)
    _body(document, urging)
    _footer(document, urging)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
