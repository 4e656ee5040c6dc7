"""Browser: a unit admin adds a person with an account; the person signs in and changes the
temporary password; the admin resets it; every step is on the person's ledger; an XLSX import
reports its bad row by number."""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import expect, login
from tests.organizations.conftest import Realm, realm  # noqa: F401 (the fixture)
from tests.organizations.test_people_import import xlsx


def change_password(page: Any, old: str, new: str) -> None:
    page.get_by_label("Mật khẩu hiện tại").fill(old)
    page.get_by_label(re.compile(r"^Mật khẩu mới")).fill(new)
    page.get_by_label("Nhập lại mật khẩu mới").fill(new)
    page.get_by_role("button", name="Đổi mật khẩu").click()


@pytest.mark.django_db(transaction=True)
def test_admin_creates_a_person_who_signs_in_and_is_reset(
    new_page: Any,
    realm: Realm,  # noqa: F811 (the fixture imported above)
    artifacts: Path,
    tmp_path: Path,
) -> None:
    admin = new_page()
    login(admin, "quantri.thu", realm.admin_password)
    admin.goto(f"/to-chuc/{realm.below.pk}/")
    admin.get_by_role("link", name="Thêm cán bộ").click()
    admin.get_by_label("Họ và tên").fill("Lương Thị Thu")
    admin.get_by_label("Tên đăng nhập").fill("thu.luong")
    admin.get_by_label("Vai trò").select_option(label="Văn thư")
    admin.get_by_label("Chức vụ (ghi như văn bản)").fill("Văn thư Văn phòng")
    admin.get_by_label("Từ ngày").fill(datetime.date.today().isoformat())
    admin.get_by_role("button", name="Lưu").click()
    first = admin.get_by_test_id("temp-password").inner_text()
    admin.screenshot(path=str(artifacts / "people-temporary-password.png"), full_page=True)

    person = new_page()
    login(person, "thu.luong", first)
    person.get_by_test_id("must-change").wait_for()
    change_password(person, first, "1234567890")
    person.get_by_text("Mật khẩu này hoàn toàn là số.").wait_for()
    change_password(person, first, "Hoa-dã-quỳ-Đà-Lạt-25")
    person.get_by_role("heading", name="Xin chào, Lương Thị Thu").wait_for()

    admin.get_by_role("link", name="Về trang cán bộ").click()
    admin.get_by_role("button", name="Đặt lại mật khẩu").click()
    second = admin.get_by_test_id("temp-password").inner_text()
    assert second != first
    admin.get_by_role("link", name="Về trang cán bộ").click()
    # The click starts a navigation; count() would read whatever page is there at that moment
    # (CI once read the temporary-password page and found no ledger). wait_for() waits for the
    # person's page and fails, with the label, if a step is missing from its ledger.
    timeline = admin.locator(".timeline-list")
    for label in ("Thêm cán bộ", "Đổi mật khẩu", "Đặt lại mật khẩu tạm thời"):
        timeline.get_by_text(label, exact=True).first.wait_for(timeout=15_000)
    admin.screenshot(path=str(artifacts / "people-person-page.png"), full_page=True)

    person.goto("/")
    assert "/dang-nhap/" in person.url  # the reset ended the person's session
    login(person, "thu.luong", second)
    person.get_by_test_id("must-change").wait_for()

    bad = tmp_path / "can-bo.xlsx"
    bad.write_bytes(
        xlsx(
            [
                ["Tô Văn Hùng", "", realm.below.name, "Văn thư", "", "", ""],
                ["Tô Văn Dũng", "", realm.below.name, "Văn thư", "", "30/02/2026", ""],
            ]
        )
    )
    admin.get_by_role("navigation", name="Điều hướng chính").get_by_role(
        "link", name="Cán bộ, tài khoản"
    ).click()
    admin.get_by_role("link", name="Nhập từ tệp XLSX").click()
    admin.get_by_label("Tệp XLSX theo mẫu").set_input_files(str(bad))
    admin.get_by_role("button", name="Nhập", exact=True).click()
    errors = admin.get_by_test_id("import-errors")
    # count() does not wait for the page the click loads; expect() retries until it is there
    expect(errors.get_by_role("cell", name="3", exact=True)).to_have_count(1)
    assert "30/02/2026" in errors.inner_text()
    assert "Chức vụ mới: 1" in admin.get_by_test_id("import-result").inner_text()
    admin.screenshot(path=str(artifacts / "people-import-errors.png"), full_page=True)
