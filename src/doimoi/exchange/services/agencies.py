"""Units' agency codes: validated (QĐ 20/2020 art. 4: at most 35 characters, "." digits and
capitals), edited one by one or imported from a spreadsheet."""

from __future__ import annotations

import io
import re
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from doimoi.core.errors import ApplicationError
from doimoi.documents.services.common import require
from doimoi.exchange import events
from doimoi.exchange.models import AgencyCode
from doimoi.ledger import services as ledger
from doimoi.organizations.models import Unit

_CODE = re.compile(r"^[0-9A-Z.]{1,35}$")
FIELDS = ("code_102", "code_qd20", "parent_code")
LABELS = {
    "code_102": "mã định danh (QCVN 102)",
    "code_qd20": "mã định danh (QĐ 20/2020)",
    "parent_code": "mã định danh đơn vị cấp trên",
}


def validate_code(value: str, field: str) -> str:
    """The code, trimmed; refused unless it is at most 35 of "." digits and capitals."""
    code = (value or "").strip()
    if code and not _CODE.match(code):
        raise ApplicationError(
            {
                field: _(
                    "Mã «%(code)s» không hợp lệ: tối đa 35 ký tự, chỉ gồm chữ in hoa không dấu, "
                    "chữ số và dấu chấm (QĐ 20/2020/QĐ-TTg)."
                )
                % {"code": code[:40]}
            }
        )
    return code


def _check_unique(unit: Unit, codes: dict[str, str]) -> None:
    for field in ("code_102", "code_qd20"):
        if not codes[field]:
            continue
        other = AgencyCode.objects.filter(**{field: codes[field]}).exclude(unit=unit).first()
        if other is not None:
            raise ApplicationError(
                {
                    field: _("Mã «%(code)s» đã là mã của đơn vị «%(unit)s».")
                    % {"code": codes[field], "unit": other.unit.name}
                }
            )


def _save(actor: Any, unit: Unit, codes: dict[str, str]) -> AgencyCode:
    require(actor, "organizations.change_unit", unit)
    codes = {f: validate_code(codes.get(f, ""), f) for f in FIELDS}
    _check_unique(unit, codes)
    agency, _created = AgencyCode.objects.get_or_create(unit=unit)
    before = {f: getattr(agency, f) for f in FIELDS}
    for field, value in codes.items():
        setattr(agency, field, value)
    agency.save()
    changes = {f: [before[f], codes[f]] for f in FIELDS if before[f] != codes[f]}
    ledger.append(action=events.AGENCY_SAVED, subject=unit, actor=actor, unit=unit, payload=changes)
    return agency


@transaction.atomic
def agency_save(
    *, actor: Any, unit: Unit, code_102: str = "", code_qd20: str = "", parent_code: str = ""
) -> AgencyCode:
    """Set ``unit``'s agency codes (empty clears one)."""
    return _save(
        actor, unit, {"code_102": code_102, "code_qd20": code_qd20, "parent_code": parent_code}
    )


def _rows(data: bytes) -> list[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    try:
        sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).active
    except Exception as error:  # openpyxl raises many kinds for a file that is not XLSX
        raise ApplicationError({"file": _("Tệp không phải bảng tính XLSX đọc được.")}) from error
    if sheet is None:
        raise ApplicationError({"file": _("Bảng tính không có trang nào.")})
    rows = []
    for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        cells = ["" if v is None else str(v).strip() for v in row]
        if any(cells):
            rows.append((number, cells + [""] * 4))
    return rows


def _unit_of(cell: str, line: int) -> Unit:
    unit = (
        Unit.objects.filter(pk=int(cell)).first()
        if cell.isdigit()
        else Unit.objects.filter(name=cell).first()
    )
    if unit is None:
        raise ApplicationError(
            {"file": _("Dòng %(line)s: không có đơn vị «%(unit)s».") % {"line": line, "unit": cell}}
        )
    return unit


@transaction.atomic
def agencies_import_xlsx(*, actor: Any, data: bytes) -> int:
    """Codes from a sheet: unit (name or id), QCVN 102 code, QĐ 20 code, parent code; a first
    row of headings is skipped. All rows or none: a bad row names its line."""
    rows = _rows(data)
    if rows and not any(_CODE.match(c) for c in rows[0][1][1:4] if c):
        rows = rows[1:]  # headings
    for line, cells in rows:
        codes = dict(zip(FIELDS, cells[1:4], strict=True))
        try:
            _save(actor, _unit_of(cells[0], line), codes)
        except ApplicationError as error:
            messages = "; ".join(str(m) for m in error.messages)
            raise ApplicationError(
                {"file": _("Dòng %(line)s: %(error)s") % {"line": line, "error": messages}}
            ) from error
    return len(rows)
