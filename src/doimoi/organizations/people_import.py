"""Import people and positions from an XLSX file made from the downloadable template.

Each data row is one position of one person. A bad row is reported by its row number in the
sheet and skipped; good rows are kept; a row already imported adds nothing (so importing the
same file twice adds nothing). The whole import is one transaction and one ledger event.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl.worksheet.datavalidation import DataValidation

from doimoi.compose.sheets import Book
from doimoi.core.errors import ApplicationError
from doimoi.core.sheets import RowError, cell_date, cell_text, read_rows
from doimoi.core.text import fold, nfc
from doimoi.ledger import services as ledger
from doimoi.organizations import events
from doimoi.organizations.models import Membership, Person, Role, Unit
from doimoi.organizations.people import USERNAME, _check_in_force
from doimoi.organizations.services import _require

COLUMNS = (
    gettext_lazy("Họ và tên"),
    gettext_lazy("Tên đăng nhập"),
    gettext_lazy("Đơn vị"),
    gettext_lazy("Vai trò"),
    gettext_lazy("Chức vụ"),
    gettext_lazy("Từ ngày"),
    gettext_lazy("Đến ngày"),
)
HEADERS = ("Họ và tên", "Tên đăng nhập", "Đơn vị", "Vai trò", "Chức vụ", "Từ ngày", "Đến ngày")
MAX_ROWS = 5000


@dataclass
class ImportResult:
    """What an import did: counts, and each refused row with its number and reason."""

    people: list[int] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)
    unchanged: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    new_accounts: list[str] = field(default_factory=list)


def template_workbook(units: list[Unit]) -> bytes:
    """The template: a data sheet with the header, the admin's units and the roles beside it
    (written through the composer's workbook writer, like every XLSX doimoi makes)."""
    book = Book()
    book.sheet(_("Cán bộ"), [str(c) for c in COLUMNS], [])
    book.sheet(
        _("Đơn vị"),
        [_("Đơn vị (chép nguyên tên, hoặc #mã nếu trùng tên)"), _("Mã")],
        [[unit.name, f"#{unit.pk}"] for unit in units],
    )
    book.sheet(_("Vai trò"), [_("Vai trò")], [[str(label)] for _value, label in Role.choices])
    notes = [
        _(
            "Mỗi dòng của trang «Cán bộ» là một chức vụ của một người; dòng 1 là tiêu đề, giữ nguyên."
        ),
        _("Tên đăng nhập: để trống nếu người này không cần đăng nhập."),
        _("Ngày viết dd/mm/yyyy; để trống «Từ ngày» là từ hôm nay."),
        _("Nhập lại cùng một tệp không thêm gì: dòng đã có được bỏ qua."),
    ]
    book.sheet(_("Hướng dẫn"), notes[:1], [[line] for line in notes[1:]])
    sheet, role_title = book.book[_("Cán bộ")], _("Vai trò")
    for letter, width in zip("ABCDEFG", (28, 18, 40, 24, 36, 12, 12), strict=True):
        sheet.column_dimensions[letter].width = width
    roles = DataValidation(type="list", formula1=f"'{role_title}'!$A$2:$A${len(Role) + 1}")
    sheet.add_data_validation(roles)
    roles.add(f"D2:D{MAX_ROWS}")
    return book.save()


def _rows(content: bytes) -> list[tuple[int, list[Any]]]:
    return read_rows(content, [HEADERS, [str(c) for c in COLUMNS]], MAX_ROWS)


def _text(value: Any) -> str:
    return cell_text(value)


def _date(value: Any, column: str) -> datetime.date | None:
    return cell_date(value, column)


def _role(value: Any) -> str:
    wanted = fold(_text(value))
    for code, label in Role.choices:
        if wanted in (fold(str(label)), code):
            return str(code)
    raise RowError(
        _("cột «Vai trò»: «%(value)s» không phải vai trò nào; chọn trong trang «Vai trò».")
        % {"value": _text(value)}
    )


class _Context:
    """The units the admin may import into, found by exact name or by #id."""

    def __init__(self, units: list[Unit]) -> None:
        self.by_id = {unit.pk: unit for unit in units}
        self.by_name: dict[str, list[Unit]] = {}
        for unit in units:
            self.by_name.setdefault(unit.name, []).append(unit)

    def unit(self, value: Any) -> Unit:
        text = _text(value)
        if not text:
            raise RowError(_("cột «Đơn vị» để trống."))
        if text.lstrip("#").isdigit() and int(text.lstrip("#")) in self.by_id:
            return self.by_id[int(text.lstrip("#"))]
        found = self.by_name.get(text, [])
        if len(found) == 1:
            return found[0]
        if found:
            raise RowError(
                _("cột «Đơn vị»: có %(n)s đơn vị tên «%(name)s»; ghi mã (#…) trong trang «Đơn vị».")
                % {"n": len(found), "name": text}
            )
        raise RowError(
            _("cột «Đơn vị»: «%(name)s» không thuộc các đơn vị bạn quản trị.") % {"name": text}
        )


def _person(name: str, username: str, unit: Unit, scope: set[int]) -> tuple[Person, bool]:
    """The row's person: by account if given, else by name among those of the unit."""
    if username:
        user = get_user_model().objects.filter(username=username).first()
        if user is not None:
            person = Person.objects.filter(user=user).first()
            if person is None or person.pk not in scope or person.full_name != name:
                raise RowError(
                    _("cột «Tên đăng nhập»: «%(name)s» đã là tài khoản của người khác.")
                    % {"name": username}
                )
            return person, False
    else:
        same = Person.objects.filter(full_name=name, memberships__unit=unit).distinct()
        if same.count() == 1:
            return same.get(), False
    user = None
    if username:
        user = get_user_model().objects.create_user(username=username, password=None)
    return Person.objects.create(full_name=name, user=user, must_change_password=True), True


def _import_row(
    values: list[Any], context: _Context, scope: set[int], result: ImportResult
) -> None:
    name, username = _text(values[0]), _text(values[1]).lower()
    if not name:
        raise RowError(_("cột «Họ và tên» để trống."))
    if username and not USERNAME.match(username):
        raise RowError(
            _("cột «Tên đăng nhập»: «%(name)s» chỉ được gồm chữ thường không dấu, số và . _ -")
            % {"name": username}
        )
    unit, role = context.unit(values[2]), _role(values[3])
    start = _date(values[5], "Từ ngày") or datetime.date.today()
    end = _date(values[6], "Đến ngày")
    if end is not None and end < start:
        raise RowError(_("«Đến ngày» trước «Từ ngày»."))
    try:
        _check_in_force(unit, start)
    except ApplicationError as error:
        raise RowError(" ".join(error.messages)) from error
    person, created = _person(name, username, unit, scope)
    if created:
        result.people.append(person.pk)
        scope.add(person.pk)
        if username:
            result.new_accounts.append(username)
    same = Membership.objects.filter(person=person, unit=unit, role=role, valid_from=start)
    if same.exists():
        result.unchanged += 1
        return
    title = _text(values[4])
    membership = Membership.objects.create(
        person=person, unit=unit, role=role, position_title=title, valid_from=start, valid_to=end
    )
    result.positions.append(membership.pk)


@transaction.atomic
def people_import(*, actor: Any, content: bytes, filename: str, units: list[Unit]) -> ImportResult:
    """Import the rows of ``content`` into ``units`` (those the actor administers)."""
    if not units:
        raise ApplicationError({"file": _("Bạn không quản trị đơn vị nào.")})
    for unit in units[:1]:
        _require(actor, "organizations.change_unit", unit)
    rows = _rows(content)
    if not rows:
        raise ApplicationError({"file": _("Tệp không có dòng dữ liệu nào (từ dòng 2).")})
    context, result = _Context(units), ImportResult()
    unit_ids = [u.pk for u in units]
    scope = set(Membership.objects.filter(unit_id__in=unit_ids).values_list("person_id", flat=True))
    for number, values in rows:
        try:
            with transaction.atomic():
                _import_row(values, context, scope, result)
        except RowError as error:
            result.errors.append((number, str(error)))
    if result.people or result.positions:
        payload = {
            "file": nfc(filename),
            "people": result.people,
            "positions": result.positions,
            "unchanged": result.unchanged,
            "errors": [{"row": n, "message": m} for n, m in result.errors],
        }
        ledger.append(
            action=events.PEOPLE_IMPORTED,
            subject=units[0],
            actor=actor,
            unit=units[0],
            payload=payload,
        )
    return result
