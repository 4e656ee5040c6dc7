"""Browser, at phone size (390 px): a ward's clerk logs an activity with a photo from the phone
form, imports an XLSX whose two bad rows are reported by number, and opens the plan's coverage
page; each step saves a screenshot."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from doimoi.outreach.models import Activity
from tests.e2e.conftest import TIMEOUT_MS, login
from tests.outreach.conftest import (  # noqa: F401 (the fixtures)
    CELL_LP,
    CELL_LT,
    clerk,
    days_ago,
    form,
    log,
    plan64,
    unit,
)
from tests.outreach.test_import import row, sheet

PHONE = {"width": 390, "height": 844}
FITS = "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1"


@pytest.mark.django_db(transaction=True)
def test_phone_logs_an_activity_imports_a_sheet_and_sees_coverage(
    browser: Any,
    live_server: Any,
    task_worker: Any,
    plan64: Any,  # noqa: F811 (the fixture imported above)
    clerk: Any,  # noqa: F811
    artifacts: Path,
    tmp_path: Path,
) -> None:
    log(
        clerk,
        unit=unit(CELL_LT),
        form=form("Hội nghị học tập, quán triệt"),
        plan=plan64,
        excused=1,
        attended=25,
    )
    context = browser.new_context(
        base_url=live_server.url, locale="vi-VN", viewport=PHONE, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    login(page, "vanthu.baoloc")

    photo = tmp_path / "IMG_2025.jpg"
    Image.new("RGB", (4032, 3024), (200, 40, 40)).save(photo, "JPEG")
    page.goto(f"/tuyen-truyen/ghi-nhan/?plan={plan64.pk}")
    page.locator("#id_unit").select_option(label=CELL_LP)
    page.locator("#id_form").select_option(label="Hệ thống truyền thanh phường, xã")
    page.locator("#id_title").fill("Bản tin phát thanh về Kết luận 14-KL/TW")
    page.get_by_label("1. Tăng cường tuyên truyền", exact=False).check()
    page.get_by_label("Lượt tiếp cận (nghe, đọc, xem)").fill("1800")
    page.locator("#id_photo").set_input_files(str(photo))
    assert page.evaluate(FITS)
    page.screenshot(path=str(artifacts / "outreach-phone-log-form.png"), full_page=True)
    page.get_by_role("button", name="Ghi nhận", exact=True).click()
    page.get_by_text("Đã ghi nhận «Bản tin phát thanh về Kết luận 14-KL/TW».").wait_for()
    logged = Activity.objects.get(title="Bản tin phát thanh về Kết luận 14-KL/TW")
    assert logged.photo is not None and logged.audience == 1800
    assert page.locator("#id_unit").input_value() == str(unit(CELL_LP).pk)  # remembered
    page.screenshot(path=str(artifacts / "outreach-phone-logged.png"), full_page=True)

    radio = "Hệ thống truyền thanh phường, xã"
    upload = tmp_path / "hoat-dong.xlsx"
    upload.write_bytes(sheet([
        row(CELL_LP, f"{days_ago(6):%d/%m/%Y}", radio, "Bản tin tuần", **{"Lượt tiếp cận": 900, "Kế hoạch": "64-KH/ThU"}),
        row(CELL_LP, "30/02/2026", radio, "Ngày không có thật"),
        row(CELL_LT, f"{days_ago(5):%d/%m/%Y}", "Chiếu phim ngoài trời", "Hình thức không có trong danh mục"),
        row(CELL_LT, f"{days_ago(4):%d/%m/%Y}", "Sinh hoạt thường kỳ của tổ chức đảng, đoàn thể", "Sinh hoạt chi bộ", **{"Đảng viên": 24, "Kế hoạch": "64-KH/ThU"}),
    ]))  # fmt: skip
    page.goto("/tuyen-truyen/nhap/")
    page.get_by_label("Tệp XLSX theo mẫu").set_input_files(str(upload))
    page.get_by_role("button", name="Nhập", exact=True).click()
    result = page.get_by_test_id("import-result")
    result.wait_for()
    assert result.locator("li[data-row]").all_inner_texts() == [
        "Dòng 3: cột «Ngày»: «30/02/2026» không phải ngày dd/mm/yyyy.",
        "Dòng 4: cột «Hình thức»: «Chiếu phim ngoài trời» không có trong danh mục; chọn trong trang «Hình thức».",
    ]
    assert "Đã thêm 2 hoạt động." in result.inner_text()
    assert not Activity.objects.filter(
        title__in=["Ngày không có thật", "Hình thức không có trong danh mục"]
    ).exists()
    page.screenshot(path=str(artifacts / "outreach-phone-import-errors.png"), full_page=True)

    page.goto(f"/tuyen-truyen/ke-hoach/{plan64.pk}/bao-phu/")
    total = page.get_by_test_id("coverage-total").inner_text()
    assert "89,3 % (25/28)" in total  # 25 of 28 expected (29 members, 1 excused)
    assert total.split("\n")[:2] == ["Hoạt động", "4"]  # the session, the phone's and two imported
    assert page.locator("svg.chart").count() == 5
    assert page.get_by_test_id("children").get_by_text(CELL_LP).is_visible()
    assert page.evaluate(FITS)
    page.screenshot(path=str(artifacts / "outreach-phone-coverage.png"), full_page=True)
    context.close()
