"""Browser: each demo role opens the tree and Thành ủy Bảo Lộc and sees what its role allows."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import expect, login

# username → (sees the members of Đảng ủy phường 1 Bảo Lộc, may change the unit)
ROLES = {
    "admin": (True, True),
    "quantri.lamdong": (True, True),
    "kiemtra.tinhuy": (True, False),
    "bithu.baoloc": (True, False),
    "phobithu.baoloc": (True, False),
    "uvbtv.baoloc": (True, False),
    "vanthu.baoloc": (True, False),
    "chuyenvien.btg": (False, False),
    "bithu.phuong1": (False, False),
    "vanthu.dukdn": (False, False),
}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("username", list(ROLES))
def test_role_sees_what_it_may(page: Any, demo: Any, artifacts: Path, username: str) -> None:
    sees_members, may_change = ROLES[username]
    login(page, username)
    page.get_by_role("navigation", name="Điều hướng chính").get_by_role(
        "link", name="Tổ chức"
    ).click()
    page.get_by_role("heading", name="Cây tổ chức").wait_for()
    if username == "admin":
        page.screenshot(path=str(artifacts / "unit-tree.png"), full_page=True)
    # the tree opens one level at a time: the province, then the ward under it
    province = page.get_by_role("treeitem").filter(
        has=page.get_by_role("link", name="Tỉnh ủy Lâm Đồng (từ 01/7/2025)", exact=True)
    )
    province.locator("summary").first.click()
    page.get_by_role("link", name="Đảng ủy phường 1 Bảo Lộc", exact=True).first.click()
    page.get_by_role("heading", name="Đảng ủy phường 1 Bảo Lộc", level=1).wait_for()
    # the heading is the top of the new page: wait for all of it before counting what is absent
    page.wait_for_load_state()

    members = page.get_by_role("cell", name="Trần Minh Khải")
    restricted = page.get_by_test_id("members-restricted")
    assert members.count() == (1 if sees_members else 0)
    assert restricted.count() == (0 if sees_members else 1)
    assert page.get_by_role("link", name="Sửa", exact=True).count() == (1 if may_change else 0)
    assert (
        page.get_by_role("link", name="Chi bộ khu phố Lộc Phát", exact=True).count() == 1
    )  # children are public


@pytest.mark.django_db(transaction=True)
def test_tree_search_without_accents_and_mobile_layout(
    browser: Any, live_server: Any, demo: Any, artifacts: Path
) -> None:
    context = browser.new_context(
        base_url=live_server.url, locale="vi-VN", viewport={"width": 390, "height": 844}
    )
    page = context.new_page()
    login(page, "vanthu.dukdn")
    page.goto("/to-chuc/")
    page.get_by_label("Tìm đơn vị").fill("dang uy khoi doanh")
    page.locator("ul.search-results").wait_for()  # htmx swapped the tree for the results
    page.get_by_role("link", name="Đảng ủy Khối Doanh nghiệp tỉnh Lâm Đồng").wait_for()
    # the search is in the address, so it can be shared (page.url follows htmx's pushState late)
    expect(page).to_have_url(re.compile(r"[?&]q=dang"))
    assert page.get_by_role("link", name="Thành ủy Bảo Lộc").count() == 0
    page.screenshot(path=str(artifacts / "unit-search-phone.png"), full_page=True)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"page overflows a phone screen: {width}px"
    context.close()


@pytest.mark.django_db(transaction=True)
def test_admin_gets_field_error_and_switches_language(page: Any, demo: Any) -> None:
    login(page, "quantri.lamdong")
    page.goto(f"/to-chuc/{demo['Thành ủy Bảo Lộc'].pk}/")
    page.get_by_role("link", name="Chuyển", exact=True).click()
    page.get_by_label("Đơn vị cấp trên mới").fill("dang uy phuong 1")
    page.locator('.unit-pick[data-label="Đảng ủy phường 1"]').click()
    page.get_by_role("button", name="Lưu").click()
    error = page.locator("#id_parent_error")
    assert "cấp dưới của nó" in error.inner_text()
    assert page.get_by_label("Đơn vị cấp trên mới").get_attribute("aria-invalid") == "true"
    with page.expect_navigation():
        page.get_by_label("Ngôn ngữ").select_option("en")
    page.locator("html[lang=en]").wait_for()
    assert page.get_by_role("link", name="Organizations").count() == 1


@pytest.mark.django_db(transaction=True)
def test_administrator_enters_a_swapped_day(page: Any, demo: Any) -> None:
    login(page, "admin")
    page.get_by_role("navigation", name="Điều hướng chính").get_by_role(
        "link", name="Lịch làm việc"
    ).click()
    page.wait_for_url("**/lich-lam-viec/**")  # page.url right after the click was still home's
    page.goto(page.url.split("?")[0] + "?nam=2026")
    page.locator("#id_date").fill("2026-04-25")
    page.get_by_label("Ngày đó").select_option("1")
    page.get_by_label("Căn cứ, ghi chú").fill("Làm bù")
    page.get_by_role("button", name="Lưu").click()
    page.get_by_role("cell", name="25/04/2026").wait_for()
    expect(page.get_by_role("cell", name="Làm bù")).to_have_count(1)


@pytest.mark.django_db(transaction=True)
def test_unit_admin_makes_the_standing_committee_vote(
    page: Any, demo: Any, artifacts: Path
) -> None:
    """The ward's working rules put its standing-committee members in the collective that votes
    on proposals: the unit admin says so on the unit's page (issue 9)."""
    ward = demo["Đảng ủy phường 1 Bảo Lộc"]
    login(page, "quantri.lamdong")
    page.goto(f"/to-chuc/{ward.pk}/")
    panel = page.get_by_test_id("unit-collective")
    assert "Người đứng đầu và cấp phó" in panel.inner_text()
    panel.get_by_role("link", name="Sửa quy định biểu quyết").click()
    page.get_by_label("Ủy viên Ban Thường vụ tham gia biểu quyết đề xuất").check()
    page.get_by_label("Căn cứ").fill("Quy chế làm việc của Ban Chấp hành Đảng bộ phường, Điều 5")
    page.screenshot(path=str(artifacts / "unit-collective-form.png"), full_page=True)
    page.get_by_role("button", name="Lưu").click()
    panel = page.get_by_test_id("unit-collective")
    panel.wait_for()
    assert "các ủy viên Ban Thường vụ" in panel.inner_text()
    panel.screenshot(path=str(artifacts / "unit-collective.png"))
