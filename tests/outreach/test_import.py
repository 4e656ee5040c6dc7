"""Activities imported from the XLSX template: bad rows reported by number with the reason and
nothing stored from them, good rows kept, the same file twice adds nothing."""

from __future__ import annotations

import io
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from doimoi.core.errors import ApplicationError
from doimoi.outreach import selectors, services
from doimoi.outreach.models import Activity
from doimoi.outreach.services.imports import HEADERS
from tests.outreach.conftest import BL1, CELL_LP, CELL_LT, days_ago

pytestmark = pytest.mark.django_db


def sheet(rows: list[list[Any]], header: tuple[str, ...] = HEADERS) -> bytes:
    book = Workbook()
    ws = book.active
    ws.append(list(header))
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def row(unit: str, day: str, form: str, title: str, **more: Any) -> list[Any]:
    values = dict.fromkeys(HEADERS, None) | {
        "Đơn vị": unit,
        "Ngày": day,
        "Hình thức": form,
        "Tên hoạt động": title,
    }
    values |= more
    return [values[h] for h in HEADERS]


def dmy(n: int) -> str:
    return f"{days_ago(n):%d/%m/%Y}"


def do_import(clerk: Any, plan: Any, content: bytes) -> Any:
    return services.activities_import(
        actor=clerk,
        content=content,
        filename="hoat-dong.xlsx",
        units=selectors.log_units(viewer=clerk),
        plans=list(selectors.plan_list(viewer=clerk)),
    )


def test_bad_rows_are_reported_by_number_and_nothing_of_them_is_stored(
    plan64: Any, clerk: Any, ledger_probe: Any
) -> None:
    radio = "Hệ thống truyền thanh phường, xã"
    content = sheet(
        [
            row(
                CELL_LP,
                dmy(10),
                "Sinh hoạt thường kỳ của tổ chức đảng, đoàn thể",
                "Sinh hoạt chuyên đề",
                **{"Kế hoạch": "64-KH/ThU", "Nội dung (số mục)": "1; 2", "Đảng viên": 30},
            ),
            row(CELL_LT, "31/02/2026", radio, "Bản tin phát thanh"),
            row(BL1, dmy(3), radio, "Phát thanh chuyên mục", **{"Lượt tiếp cận": "1.250"}),
            row(CELL_LT, dmy(4), "Bắn pháo hoa", "Không có trong danh mục"),
            row(
                CELL_LT,
                dmy(4),
                radio,
                "Bản tin",
                **{"Kế hoạch": "64-KH/ThU", "Nội dung (số mục)": "9"},
            ),
        ]
    )
    result = do_import(clerk, plan64, content)
    assert [n for n, _m in result.errors] == [3, 5, 6]
    messages = dict(result.errors)
    assert "31/02/2026" in messages[3] and "Ngày" in messages[3]
    assert "Bắn pháo hoa" in messages[5]
    assert "9" in messages[6]
    assert len(result.added) == 2
    stored = Activity.objects.order_by("held_on")
    assert [a.title for a in stored] == ["Sinh hoạt chuyên đề", "Phát thanh chuyên mục"]
    assert sorted(i.number for i in stored[0].items.all()) == ["1", "2"]
    assert stored[1].audience == 1250
    assert any(e.action == "outreach.activity.imported" for e in ledger_probe.new())

    again = do_import(clerk, plan64, content)
    assert (again.added, again.unchanged, len(again.errors)) == ([], 2, 3)
    assert Activity.objects.count() == 2


def test_the_template_reads_back_and_names_the_units_forms_and_plans(
    plan64: Any, clerk: Any
) -> None:
    template = services.template_workbook(
        selectors.log_units(viewer=clerk), list(selectors.plan_list(viewer=clerk))
    )
    book = load_workbook(io.BytesIO(template))
    assert [c.value for c in book.worksheets[0][1]] == list(HEADERS)
    assert CELL_LP in [r[0].value for r in book["Đơn vị"].iter_rows()]
    assert "64-KH/ThU" in [r[0].value for r in book["Kế hoạch"].iter_rows()]
    with pytest.raises(ApplicationError, match="dòng dữ liệu"):
        do_import(clerk, plan64, template)


def test_a_file_not_made_from_the_template_is_refused_whole(plan64: Any, clerk: Any) -> None:
    with pytest.raises(ApplicationError, match="không đúng mẫu"):
        do_import(clerk, plan64, sheet([["x"]], header=("Tên", "Ngày")))
    with pytest.raises(ApplicationError, match="XLSX"):
        do_import(clerk, plan64, b"not a workbook")
    assert not Activity.objects.exists()


def test_a_unit_outside_the_users_reach_is_a_row_error(plan64: Any, persona: Any) -> None:
    cell_head = persona("bithu.phuong1")  # may log for Chi bộ khu phố Lộc Phát only
    content = sheet([row(CELL_LT, dmy(2), "Hệ thống truyền thanh phường, xã", "Bản tin")])
    result = do_import(cell_head, plan64, content)
    assert [n for n, _m in result.errors] == [2]
    assert not Activity.objects.exists()
