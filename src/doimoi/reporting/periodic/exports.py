"""Every table of a report as one XLSX workbook (through the composer's sheet writer)."""

from __future__ import annotations

from doimoi.compose.sheets import Book
from doimoi.reporting.periodic.draft import Report


def report_xlsx(report: Report) -> bytes:
    """One sheet per table; the first row names the columns."""
    book = Book()
    for table in report.tables:
        book.sheet(table.title, table.header, table.rows)
    return book.save()
