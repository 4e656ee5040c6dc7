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


def _put(sheet: Any, row: Sequence[Any]) -> None:
    sheet.append([None if v is None else v for v in row])
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
            cell.data_type = TYPE_STRING  # stored as a string cell, not a formula


class Book:
    """A workbook of named sheets, each a header row (bold, frozen) and rows."""

    def __init__(self) -> None:
        self.book = Workbook()
        self._first = True

    def sheet(self, title: str, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        sheet = self.book.active if self._first else self.book.create_sheet()
        self._first = False
        sheet.title = title[:31]
        _put(sheet, header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            _put(sheet, row)
        sheet.freeze_panes = "A2"

    def save(self) -> bytes:
        buffer = io.BytesIO()
        self.book.save(buffer)
        return buffer.getvalue()
