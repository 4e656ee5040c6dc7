"""Reading a sheet filled from one of doimoi's templates: the header checked, the data rows with
their numbers as the spreadsheet shows them, and cell values read the Vietnamese way. Imports
(people, activities) report a bad row by its number and reason and keep the good ones."""

from __future__ import annotations

import datetime
import io
from collections.abc import Sequence
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import load_workbook

from doimoi.core.errors import ApplicationError
from doimoi.core.text import canonical_tones, fold, nfc

MAX_COUNT = 100_000_000  # more than any one activity reaches; beyond it, a typing slip


class RowError(Exception):
    """A row refused, with the reason shown next to its number."""


def read_rows(
    content: bytes, headers: Sequence[Sequence[str]], max_rows: int
) -> list[tuple[int, list[Any]]]:
    """(row number, values) of each non-empty data row of the first sheet; the header (row 1)
    must be one of ``headers`` (e.g. the Vietnamese one and the translated one)."""
    width = len(headers[0])
    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is not XLSX
        raise ApplicationError({"file": _("Tệp không đọc được như một tệp XLSX.")}) from error
    rows = list(book.worksheets[0].iter_rows(values_only=True, max_col=width))
    header = [fold(str(v or "")) for v in (rows[0] if rows else ())][:width]
    if all(header != [fold(str(h)) for h in expected] for expected in headers):
        raise ApplicationError(
            {
                "file": _(
                    "Tệp không đúng mẫu: dòng 1 phải là %(cols)s. Hãy tải mẫu và chép dữ liệu vào."
                )
                % {"cols": ", ".join(str(c) for c in headers[-1])}
            }
        )
    if len(rows) - 1 > max_rows:
        raise ApplicationError(
            {"file": _("Tệp có quá %(n)s dòng; hãy chia thành nhiều tệp.") % {"n": max_rows}}
        )
    data = []
    for number, row in enumerate(rows[1:], start=2):
        values = list(row) + [None] * (width - len(row))
        if any(v not in (None, "") for v in values):
            data.append((number, values))
    return data


def cell_text(value: Any) -> str:
    """A cell as NFC text with new-style tone marks ("" when empty)."""
    return canonical_tones(nfc(str(value))) if value not in (None, "") else ""


def cell_date(value: Any, column: str) -> datetime.date | None:
    """A date cell, or text written dd/mm/yyyy (None when empty)."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value).strip()
    for pattern in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise RowError(
        _("cột «%(col)s»: «%(value)s» không phải ngày dd/mm/yyyy.") % {"col": column, "value": text}
    )


def cell_count(value: Any, column: str) -> int:
    """A whole number ≥ 0 (0 when empty); "1.250" is read the Vietnamese way, as 1250."""
    if value in (None, ""):
        return 0
    if isinstance(value, bool):
        raise RowError(_("cột «%(col)s»: cần một số.") % {"col": column})
    number = None
    if isinstance(value, int | float) and float(value).is_integer() and value >= 0:
        number = int(value)
    text = str(value).strip().replace(".", "").replace(" ", "")
    if number is None and text.isdigit():
        number = int(text)
    if number is not None and number <= MAX_COUNT:
        return number
    raise RowError(
        _("cột «%(col)s»: «%(value)s» không phải số nguyên không âm.")
        % {"col": column, "value": str(value).strip()}
    )
