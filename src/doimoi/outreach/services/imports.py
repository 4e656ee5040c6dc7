"""Import a batch of activities from an XLSX file made from the downloadable template.

Each data row is one activity. A bad row is reported by its row number in the sheet with the
reason, and nothing of it is stored; good rows are kept. A row already imported for its unit
adds nothing (its values' digest is the activity's ``import_key``), so importing the same file
twice adds nothing. The whole import is one transaction and one ledger event.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from doimoi.compose.sheets import Book
from doimoi.core.errors import ApplicationError
from doimoi.core.sheets import RowError, cell_count, cell_date, cell_text, read_rows
from doimoi.core.text import fold, nfc
from doimoi.ledger import services as ledger
from doimoi.organizations.models import Unit
from doimoi.outreach import events
from doimoi.outreach.models import Activity, Form, Plan
from doimoi.outreach.services.activities import ActivitySpec, record

HEADERS = (
    "Đơn vị",
    "Ngày",
    "Hình thức",
    "Tên hoạt động",
    "Kế hoạch",
    "Nội dung (số mục)",
    "Địa điểm",
    "Cán bộ",
    "Đảng viên",
    "Nhân dân",
    "Lượt tiếp cận",
    "Vắng có lý do",
    "Số tham dự",
    "Đường dẫn",
    "Ghi chú",
)
COLUMNS = tuple(gettext_lazy(h) for h in HEADERS)
MAX_ROWS = 5000


@dataclass
class ImportResult:
    """What an import did: the activities added, the rows already there, each refused row."""

    added: list[int] = field(default_factory=list)
    unchanged: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)


def template_workbook(units: list[Unit], plans: list[Plan]) -> bytes:
    """The template: the data sheet's header, and the user's units, the forms and the plans (with
    their content items' numbers) to copy from."""
    book = Book()
    book.sheet(_("Hoạt động"), [str(c) for c in COLUMNS], [])
    book.sheet(
        _("Đơn vị"),
        [_("Đơn vị (chép nguyên tên, hoặc #mã)"), _("Mã")],
        [[u.name, f"#{u.pk}"] for u in units],
    )
    book.sheet(
        _("Hình thức"), [_("Hình thức")], [[f.name] for f in Form.objects.filter(active=True)]
    )
    book.sheet(
        _("Kế hoạch"),
        [_("Kế hoạch (số, ký hiệu)"), _("Tên"), _("Nội dung (số mục)")],
        [
            [p.document.reference, p.title, "; ".join(i.number for i in p.items.all())]
            for p in plans
        ],
    )
    notes = [
        _("Mỗi dòng của trang «Hoạt động» là một hoạt động; dòng 1 là tiêu đề, giữ nguyên."),
        _("Ngày viết dd/mm/yyyy. «Nội dung (số mục)»: các số mục của kế hoạch, cách nhau bởi «;»."),
        _("Buổi học tập, quán triệt: ghi «Vắng có lý do» và «Số tham dự»."),
        _("Nhập lại cùng một tệp không thêm gì: dòng đã có được bỏ qua."),
    ]
    book.sheet(_("Hướng dẫn"), notes[:1], [[line] for line in notes[1:]])
    sheet = book.book[_("Hoạt động")]
    for n, width in enumerate((36, 12, 30, 40, 14, 14, 24, 8, 8, 8, 10, 10, 10, 30, 30)):
        sheet.column_dimensions[chr(ord("A") + n)].width = width
    return book.save()


class _Lookup:
    """Units (those the user may log for), forms and plans, found as the sheet names them."""

    def __init__(self, units: list[Unit], plans: list[Plan]) -> None:
        self.units = {u.pk: u for u in units}
        self.by_name: dict[str, list[Unit]] = {}
        for u in units:
            self.by_name.setdefault(fold(u.name), []).append(u)
        self.forms = {fold(f.name): f for f in Form.objects.filter(active=True)}
        self.plans = {fold(p.document.reference): p for p in plans}

    def unit(self, value: Any) -> Unit:
        text = cell_text(value)
        if not text:
            raise RowError(_("cột «Đơn vị» để trống."))
        if text.lstrip("#").isdigit() and int(text.lstrip("#")) in self.units:
            return self.units[int(text.lstrip("#"))]
        found = self.by_name.get(fold(text), [])
        if len(found) == 1:
            return found[0]
        if found:
            raise RowError(
                _("cột «Đơn vị»: có nhiều đơn vị tên «%(name)s»; ghi mã (#…).") % {"name": text}
            )
        raise RowError(
            _("cột «Đơn vị»: «%(name)s» không thuộc các đơn vị bạn được ghi nhận.") % {"name": text}
        )

    def form(self, value: Any) -> Form:
        text = cell_text(value)
        if fold(text) not in self.forms:
            raise RowError(
                _(
                    "cột «Hình thức»: «%(name)s» không có trong danh mục; chọn trong trang «Hình thức»."
                )
                % {"name": text}
            )
        return self.forms[fold(text)]

    def plan(self, value: Any) -> Plan | None:
        text = cell_text(value)
        if not text:
            return None
        if fold(text) not in self.plans:
            raise RowError(_("cột «Kế hoạch»: không thấy kế hoạch «%(ref)s».") % {"ref": text})
        return self.plans[fold(text)]


def _items(plan: Plan | None, value: Any) -> list[Any]:
    numbers = [
        n.strip().rstrip(".") for n in cell_text(value).replace(",", ";").split(";") if n.strip()
    ]
    if not numbers:
        return []
    if plan is None:
        raise RowError(_("cột «Nội dung (số mục)»: cần ghi «Kế hoạch»."))
    items = {i.number: i for i in plan.items.all()}
    missing = [n for n in numbers if n not in items]
    if missing:
        raise RowError(
            _("cột «Nội dung (số mục)»: kế hoạch %(ref)s không có mục %(n)s.")
            % {"ref": plan.document.reference, "n": ", ".join(missing)}
        )
    return [items[n] for n in numbers]


def _key(values: list[Any]) -> str:
    cells = [cell_text(v) if not hasattr(v, "isoformat") else v.isoformat() for v in values]
    return hashlib.sha256(json.dumps(cells, ensure_ascii=False).encode()).hexdigest()


def _spec(values: list[Any], lookup: _Lookup) -> ActivitySpec:
    held_on = cell_date(values[1], "Ngày")
    if held_on is None:
        raise RowError(_("cột «Ngày» để trống."))
    plan = lookup.plan(values[4])
    form = lookup.form(values[2])
    spec = ActivitySpec(
        unit=lookup.unit(values[0]),
        form=form,
        held_on=held_on,
        title=cell_text(values[3]),
        plan=plan,
        items=_items(plan, values[5]),
        place=cell_text(values[6]),
        cadres=cell_count(values[7], "Cán bộ"),
        party_members=cell_count(values[8], "Đảng viên"),
        people=cell_count(values[9], "Nhân dân"),
        audience=cell_count(values[10], "Lượt tiếp cận"),
        excused=cell_count(values[11], "Vắng có lý do"),
        attended=cell_count(values[12], "Số tham dự"),
        link=cell_text(values[13]),
        notes=cell_text(values[14]),
        import_key=_key(values),
    )
    return spec


def _import_row(values: list[Any], lookup: _Lookup, actor: Any, result: ImportResult) -> None:
    spec = _spec(values, lookup)
    if Activity.objects.filter(unit=spec.unit, import_key=spec.import_key).exists():
        result.unchanged += 1
        return
    try:
        activity = record(spec, actor)
    except ApplicationError as error:
        raise RowError(" ".join(error.messages)) from error
    result.added.append(activity.pk)


@transaction.atomic
def activities_import(
    *, actor: Any, content: bytes, filename: str, units: list[Unit], plans: list[Plan]
) -> ImportResult:
    """Import the rows of ``content`` for ``units`` (those the actor may log for), with
    ``plans`` (those the actor sees)."""
    if not units:
        raise ApplicationError({"file": _("Bạn không được ghi nhận hoạt động cho đơn vị nào.")})
    rows = read_rows(content, [HEADERS, [str(c) for c in COLUMNS]], MAX_ROWS)
    if not rows:
        raise ApplicationError({"file": _("Tệp không có dòng dữ liệu nào (từ dòng 2).")})
    lookup, result = _Lookup(units, plans), ImportResult()
    for number, values in rows:
        try:
            with transaction.atomic():
                _import_row(values, lookup, actor, result)
        except RowError as error:
            result.errors.append((number, str(error)))
    if result.added:
        ledger.append(
            action=events.ACTIVITIES_IMPORTED,
            subject=units[0],
            actor=actor,
            unit=units[0],
            payload={
                "file": nfc(filename),
                "activities": result.added,
                "unchanged": result.unchanged,
                "errors": [{"row": n, "message": m} for n, m in result.errors],
            },
        )
    return result
