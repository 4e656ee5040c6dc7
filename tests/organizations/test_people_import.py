"""XLSX import of people and positions: bad rows by number, good rows kept, a second run adds nothing."""

from __future__ import annotations

import datetime
import io
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from tests.organizations.conftest import Realm

from doimoi.core.errors import ApplicationError
from doimoi.ledger.models import LedgerEvent
from doimoi.organizations import people_import, selectors
from doimoi.organizations.models import Membership, Person


def xlsx(rows: list[list[Any]], header: list[str] | None = None) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(header or list(people_import.HEADERS))
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _rows(realm: Realm) -> list[list[Any]]:
    below, province = realm.below.name, f"#{realm.province.pk}"
    return [
        ["Nguyễn Thị Một", "mot.nguyen", below, "Văn thư", "Văn thư Văn phòng", "01/08/2025", None],
        ["Trần Văn Hai", None, province, "Cán bộ, chuyên viên", "Chuyên viên", datetime.datetime(2025, 9, 1), None],
        [None, None, None, None, None, None, None],  # an empty line is skipped, not an error
        ["", "x", below, "Văn thư", "", "", ""],  # row 5: no name
        ["Lê Văn Ba", "", "Đơn vị không có", "Văn thư", "", "", ""],  # row 6: unknown unit
        ["Phạm Thị Bốn", "", below, "Trưởng thôn", "", "", ""],  # row 7: unknown role
        ["Hồ Văn Năm", "", below, "Văn thư", "", "31/02/2025", ""],  # row 8: no such date
        ["Đỗ Thị Sáu", "", realm.outside.name, "Văn thư", "", "", ""],  # row 9: outside the subtree
        ["Nguyễn Thị Một", "mot.nguyen", below, "Cấp phó", "Phó Chánh Văn phòng", "01/10/2025", ""],
    ]  # fmt: skip


def _run(realm: Realm, content: bytes) -> people_import.ImportResult:
    units = list(selectors.admin_units(viewer=realm.admin))
    return people_import.people_import(
        actor=realm.admin, content=content, filename="can-bo.xlsx", units=units
    )


def test_bad_rows_are_reported_by_number_and_good_rows_kept(
    realm: Realm, ledger_probe: Any
) -> None:
    result = _run(realm, xlsx(_rows(realm)))
    assert [number for number, _ in result.errors] == [5, 6, 7, 8, 9]
    messages = dict(result.errors)
    assert "Họ và tên" in messages[5] and "Đơn vị không có" in messages[6]
    assert "Trưởng thôn" in messages[7] and "31/02/2025" in messages[8]
    assert realm.outside.name in messages[9]
    one = Person.objects.get(full_name="Nguyễn Thị Một")
    assert one.user.username == "mot.nguyen" and not one.user.has_usable_password()
    assert one.memberships.count() == 2  # one person, two positions
    two = Person.objects.get(full_name="Trần Văn Hai")
    assert two.user is None
    assert two.memberships.get().valid_from == datetime.date(2025, 9, 1)
    assert len(result.people) == 2 and len(result.positions) == 3
    assert result.new_accounts == ["mot.nguyen"]
    events = ledger_probe.new()
    assert [e.action for e in events] == ["organizations.people.imported"]
    assert [e["row"] for e in events[0].payload["errors"]] == [5, 6, 7, 8, 9]


def test_importing_the_same_file_twice_adds_nothing(realm: Realm) -> None:
    content = xlsx(_rows(realm))
    _run(realm, content)
    counts = (Person.objects.count(), Membership.objects.count(), LedgerEvent.objects.count())
    again = _run(realm, content)
    assert again.people == [] and again.positions == [] and again.unchanged == 3
    assert (
        Person.objects.count(),
        Membership.objects.count(),
        LedgerEvent.objects.count(),
    ) == counts


@pytest.mark.parametrize(
    "content",
    [b"not a spreadsheet", xlsx([["A", "B"]], header=["Tên", "Tuổi"]), xlsx([])],
)
def test_a_file_that_is_not_the_template_is_refused_whole(realm: Realm, content: bytes) -> None:
    before = (Person.objects.count(), LedgerEvent.objects.count())
    with pytest.raises(ApplicationError) as refused:
        _run(realm, content)
    assert "file" in refused.value.message_dict
    assert (Person.objects.count(), LedgerEvent.objects.count()) == before


def test_the_template_lists_the_admins_units_and_the_roles(realm: Realm) -> None:
    units = list(selectors.admin_units(viewer=realm.admin))
    book = load_workbook(io.BytesIO(people_import.template_workbook(units)))
    data, unit_sheet, role_sheet = book.worksheets[:3]
    assert [c.value for c in data[1]] == list(people_import.HEADERS)
    listed = [row[0] for row in unit_sheet.iter_rows(min_row=2, values_only=True)]
    assert realm.below.name in listed and realm.outside.name not in listed
    assert "Văn thư" in [row[0] for row in role_sheet.iter_rows(min_row=2, values_only=True)]
    filled = xlsx([["Vũ Văn Bảy", "", realm.below.name, "Văn thư", "", "", ""]])
    assert _run(realm, filled).positions  # a row written in the template's words imports
