"""Workbooks: every exported table goes through here, so a cell that starts like a formula
("=", "+", "-", "@") is written as text and never runs in the reader's spreadsheet."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import TYPE_STRING
from openpyxl.styles import Font

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Figures are stored as numbers with a grouped format, so the reader's spreadsheet shows them in
# its own language's style (128.000 and 12,5 in Vietnamese); ids and years are not figures.
FIGURE_FORMATS = {int: "#,##0", float: "#,##0.0"}


def _put(sheet: Any, row: Sequence[Any], figures: bool = False) -> None:
    sheet.append([None if v is None else v for v in row])
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
            cell.data_type = TYPE_STRING  # stored as a string cell, not a formula
        elif figures and type(cell.value) in FIGURE_FORMATS:
            cell.number_format = FIGURE_FORMATS[type(cell.value)]


class Book:
    """A workbook of named sheets, each a header row (bold, frozen) and rows."""

    def __init__(self) -> None:
        self.book = Workbook()
        self._first = True

    def sheet(
        self,
        title: str,
        header: Sequence[str],
        rows: Iterable[Sequence[Any]],
        *,
        figures: bool = False,
    ) -> None:
        """Add a sheet; ``figures``: its numbers are counts and rates, shown grouped."""
        sheet = self.book.active if self._first else self.book.create_sheet()
        self._first = False
        sheet.title = title[:31]
        _put(sheet, header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            _put(sheet, row, figures)
        sheet.freeze_panes = "A2"

    def save(self) -> bytes:
        buffer = io.BytesIO()
        self.book.save(buffer)
        return buffer.getvalue()
