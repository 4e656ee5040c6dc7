"""A composition as a Word file, laid out by its rule set: A4, margins, Times New Roman, sizes.

The header and the signature are two-column tables without borders (issuer left, motto right;
recipients left, signature right), as offices lay them out; a reader that takes a table row by row,
left cell first, meets the components in the order of ``text.plain_text``.
"""

from __future__ import annotations

import io
from typing import Any

from docx import Document as new_document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from doimoi.compose import lines as L
from doimoi.compose import text as T
from doimoi.compose.model import AUTHOR_MARK, Composition, Section
from doimoi.compose.rules import Rules

CENTER, LEFT, JUSTIFY = (
    WD_ALIGN_PARAGRAPH.CENTER,
    WD_ALIGN_PARAGRAPH.LEFT,
    WD_ALIGN_PARAGRAPH.JUSTIFY,
)


class Writer:
    """Writes paragraphs in the styles the rule set names."""

    def __init__(self, rules: Rules) -> None:
        self.rules = rules
        self.document: Any = new_document()
        self._page()

    def _page(self) -> None:
        r = self.rules
        section = self.document.sections[0]
        section.page_width, section.page_height = Mm(r.page_mm[0]), Mm(r.page_mm[1])
        top, bottom, left, right = r.margins_mm
        section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
        section.left_margin, section.right_margin = Mm(left), Mm(right)
        normal = self.document.styles["Normal"]
        normal.font.name, normal.font.size = r.font, Pt(r.styles["body"].size)
        normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), r.font)
        normal.paragraph_format.space_after = Pt(0)

    def line(self, where: Any, text: str, component: str, *, align: Any = CENTER) -> Any:
        """A paragraph in ``where`` (the document or a table cell) styled as ``component``."""
        paragraph = where.add_paragraph()
        paragraph.alignment = align
        self.run(paragraph, text, component)
        return paragraph

    def run(self, paragraph: Any, text: str, component: str) -> Any:
        style = self.rules.styles[component]
        run = paragraph.add_run(text)
        run.font.name = self.rules.font
        run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), self.rules.font)
        run.font.size = Pt(style.size)
        run.font.bold, run.font.italic, run.font.underline = (
            style.bold,
            style.italic,
            style.underline,
        )
        return run

    def body(self, text: str, component: str = "body") -> Any:
        # an annex lists (events, hashes): justified, a line of long tokens spreads word by word
        align = LEFT if component == "annex" else JUSTIFY
        paragraph = self.line(self.document, text, component, align=align)
        fmt = paragraph.paragraph_format
        fmt.first_line_indent = Mm(self.rules.first_line_indent_mm)
        fmt.space_after = Pt(self.rules.space_after_pt)
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(self.rules.line_spacing_pt)
        if text.startswith(AUTHOR_MARK):
            for run in paragraph.runs:
                run.font.italic = True
        return paragraph

    def columns(self) -> tuple[Any, Any]:
        """Two borderless cells of the rule set's widths, kept on one page."""
        table = self.document.add_table(rows=1, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        row = table.rows[0]
        # the grid is what LibreOffice lays out by, the cell width what Word does: set both
        for column, cell, width in zip(
            table.columns, row.cells, self.rules.columns_mm, strict=True
        ):
            column.width = cell.width = Mm(width)
            cell._element.remove(cell.paragraphs[0]._element)  # start empty: no blank first line
        # a signature block split across two pages separates the signer from the text signed
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        return row.cells[0], row.cells[1]

    def save(self) -> bytes:
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()


def _header(w: Writer, c: Composition) -> None:
    left, right = w.columns()
    if c.superior:
        w.line(left, c.superior.upper(), "superior")
    w.line(left, c.issuer.upper(), "issuer")
    w.line(left, c.rules.under_issuer, "issuer")
    w.line(left, L.number_line(c), "number")
    if c.is_cong_van:
        w.line(left, L.cv_abstract(c), "cv_title")
    motto = T.motto_block(c)
    w.line(right, motto[0], "motto")
    if c.kind == "state":
        w.line(right, motto[1], "motto2")
        w.line(right, motto[2], "motto2")
    w.line(right, motto[-1], "place_date")


def _title(w: Writer, c: Composition) -> None:
    w.line(w.document, "", "body")
    for text, component in zip(T.title_block(c), ("type", "title", "title"), strict=False):
        w.line(w.document, text, component)
    for text in L.kinh_gui_lines(c):
        w.line(w.document, text, "kinh_gui", align=LEFT if text.startswith("- ") else CENTER)


def _table(w: Writer, rows: list[list[str]]) -> None:
    width = max(len(row) for row in rows)
    table = w.document.add_table(rows=0, cols=width)
    table.style = w.document.styles["Table Grid"]
    for i, row in enumerate(rows):
        cells = table.add_row().cells
        for cell, text in zip(cells, [*row, *[""] * (width - len(row))], strict=True):
            paragraph = cell.paragraphs[0]
            paragraph.alignment = CENTER if i == 0 or text.isdigit() else LEFT
            run = w.run(paragraph, text, "annex")
            run.font.bold = i == 0
    w.line(w.document, "", "annex")


def _sections(w: Writer, sections: list[Section], component: str = "body") -> None:
    for section in sections:
        if section.heading:
            w.body(section.heading, "heading")
        for text in section.paragraphs:
            w.body(text, component)
        if section.table:
            _table(w, section.table)


def _footer(w: Writer, c: Composition) -> None:
    w.line(w.document, "", "body")
    left, right = w.columns()
    w.line(left, c.rules.recipients_label, "recipients_label", align=LEFT)
    for text in L.recipient_lines(c):
        w.line(left, text, "recipients", align=LEFT)
    authority = L.authority_line(c)
    if authority:
        w.line(right, authority, "authority")
    w.line(right, c.signature.title.upper(), "signer_title")
    for _blank in range(3):
        w.line(right, "", "signer_title")
    w.line(right, c.signature.name, "signer_name")


def _annex(w: Writer, c: Composition) -> None:
    if not c.annex:
        return
    w.document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    w.line(w.document, (c.annex_title or "Phụ lục").upper(), "title")
    _sections(w, c.annex, "annex")


def render_docx(c: Composition) -> bytes:
    """The Word file of ``c``."""
    w = Writer(c.rules)
    _header(w, c)
    _title(w, c)
    for text in c.opening:
        w.body(text)
    _sections(w, c.sections)
    for text in c.closing:
        w.body(text)
    _footer(w, c)
    _annex(w, c)
    return w.save()
