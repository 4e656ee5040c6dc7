"""A layout check written from the rule data: page size, margins, font, and the size and weight
of the header, the title and the body, read from a Word file."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from docx import Document as open_docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from doimoi.compose import Composition, Rules, Style

MM_TOLERANCE = 0.5


def _paragraphs(document: Any) -> Iterator[Paragraph]:
    yield from document.paragraphs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def _find(document: Any, text: str) -> Paragraph:
    found = [p for p in _paragraphs(document) if p.text.strip() == text]
    assert found, f"no paragraph reads {text!r}"
    return found[0]


def _styled(paragraph: Paragraph, style: Style, rules: Rules, what: str) -> None:
    runs = [r for r in paragraph.runs if r.text.strip()]
    assert runs, what
    for run in runs:
        assert run.font.name == rules.font, (what, run.font.name)
        assert run.font.size is not None and run.font.size.pt == style.size, (what, run.font.size)
        assert bool(run.font.bold) == style.bold, (what, "bold")
        assert bool(run.font.italic) == style.italic, (what, "italic")


def _columns(document: Any, rules: Rules) -> None:
    """The header and the signature: two columns of the rule's widths (in the grid, which
    LibreOffice lays out by, and in the cells, which Word does), whose row never splits."""
    header, footer = document.tables[0], document.tables[-1]
    for table in (header, footer):
        grid = [column.width.mm for column in table.columns]
        cells = [cell.width.mm for cell in table.rows[0].cells]
        for have in (grid, cells):
            assert [round(w) for w in have] == list(rules.columns_mm), ("columns", have)
        assert table.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None, "row may split"


def check_layout(content: bytes, c: Composition, motto: str, date_line: str) -> None:
    """Assert the Word file follows ``c.rules``; fail naming the component that does not."""
    rules, document = c.rules, open_docx(io.BytesIO(content))
    section = document.sections[0]
    width, height = rules.page_mm
    assert abs(section.page_width.mm - width) < MM_TOLERANCE, "page width"
    assert abs(section.page_height.mm - height) < MM_TOLERANCE, "page height"
    got = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    sides = ("top", "bottom", "left", "right")
    for name, want, have in zip(sides, rules.margins_mm, got, strict=True):
        assert abs(have.mm - want) < MM_TOLERANCE, f"{name} margin"
    assert document.styles["Normal"].font.name == rules.font
    _columns(document, rules)
    _styled(_find(document, motto), rules.styles["motto"], rules, "motto")
    _styled(_find(document, c.issuer.upper()), rules.styles["issuer"], rules, "issuer")
    _styled(_find(document, date_line), rules.styles["place_date"], rules, "place and date")
    if c.is_cong_van:
        title = next(p for p in _paragraphs(document) if p.text.endswith(c.title.split()[-1]))
        _styled(title, rules.styles["cv_title"], rules, "công văn abstract")
    else:
        _styled(_find(document, c.type_name.upper()), rules.styles["type"], rules, "type")
        _styled(_find(document, c.title), rules.styles["title"], rules, "title")
    _styled(_find(document, c.opening[0]), rules.styles["body"], rules, "body")
    _styled(_find(document, c.signature.name), rules.styles["signer_name"], rules, "signer")
