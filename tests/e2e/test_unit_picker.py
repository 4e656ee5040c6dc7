"""Browser: a ward clerk narrows the documents list by typing a unit's name in the picker (no
list of 60,000 units), and an administrator opens the tree one level at a time."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest

from doimoi.documents.demo import seed_demo as seed_documents
from doimoi.documents.selectors import document_list
from doimoi.organizations.models import Unit
from tests.e2e.conftest import login

WARD = "Đảng ủy phường 1 Bảo Lộc"
CITY = "Thành ủy Bảo Lộc"  # before 2025; the ward succeeded it, and its clerk reads its records


@pytest.mark.django_db(transaction=True)
def test_clerk_types_a_unit_and_the_list_narrows(
    page: Any, demo: dict[str, Unit], persona: Any, artifacts: Path
) -> None:
    seed_documents(demo)
    clerk = persona("vanthu.baoloc")
    city = demo[CITY]
    every = document_list(viewer=clerk).count()
    narrowed = document_list(viewer=clerk, unit=city).count()
    assert 0 < narrowed < every  # the filter has something to remove

    login(page, "vanthu.baoloc")
    page.goto("/van-ban/")
    assert page.get_by_test_id("document-count").inner_text().startswith(f"{every} ")
    page.get_by_text("Lọc", exact=True).click()
    picker = page.get_by_label("Đơn vị (cả cấp dưới)")
    # a unit outside the clerk's scope is not offered
    picker.fill("khoi doanh nghiep")
    page.get_by_text("Không có đơn vị nào khớp").wait_for()
    picker.fill("thanh uy bao loc")  # no accents
    option = page.locator(f'.unit-pick[data-label="{CITY}"]')
    option.wait_for()
    page.screenshot(path=str(artifacts / "unit-picker.png"), full_page=True)
    option.click()
    page.wait_for_url(f"**unit={city.pk}**")
    count = page.get_by_test_id("document-count")
    count.filter(has_text=f"{narrowed} ").wait_for()
    assert picker.input_value() == CITY
    # emptying the field drops the filter
    picker.fill("")
    picker.dispatch_event("change")
    count.filter(has_text=f"{every} ").wait_for()


@pytest.mark.django_db(transaction=True)
def test_tree_opens_one_level_at_a_time(page: Any, demo: dict[str, Unit]) -> None:
    login(page, "admin")
    page.goto("/to-chuc/")
    tree = page.get_by_role("tree")
    assert tree.get_by_role("link", name="Thành ủy Bảo Lộc", exact=True).count() == 0
    province = tree.get_by_role("treeitem").filter(
        has=page.get_by_role("link", name="Tỉnh ủy Lâm Đồng", exact=True)
    )
    province.locator("summary").first.click()  # htmx loads the level below
    tree.get_by_role("link", name="Thành ủy Bảo Lộc", exact=True).wait_for()
    assert tree.get_by_role("link", name=WARD, exact=True).count() == 0


@pytest.mark.django_db(transaction=True)
def test_admin_merges_two_wards_picked_by_name(page: Any, demo: dict[str, Unit]) -> None:
    ward = demo[WARD]
    login(page, "quantri.lamdong")
    page.goto(f"/to-chuc/{ward.pk}/hop-nhat/")
    picker = page.get_by_label("Các đơn vị hợp nhất vào đơn vị này")
    for name in ("Đảng ủy phường 2 Bảo Lộc", "Đảng ủy phường 3 Bảo Lộc"):
        picker.fill(name.lower().replace("đ", "d"))
        page.locator(f'.unit-pick[data-label="{name}"]').click()
        page.get_by_role("checkbox", name=name).wait_for()
        assert picker.input_value() == ""
    page.get_by_label("Ngày hiệu lực").fill(datetime.date.today().isoformat())
    page.get_by_role("button", name="Lưu").click()
    # exact: the form's own heading ("Hợp nhất đơn vị khác vào Đảng ủy phường 1 Bảo Lộc") contains
    # the name, so without it the wait ended at once and the query below ran before the merge
    page.get_by_role("heading", name=WARD, exact=True, level=1).wait_for()
    closed = Unit.objects.filter(successions__successor=ward, valid_to__isnull=False)
    assert {u.name for u in closed} >= {"Đảng ủy phường 2 Bảo Lộc", "Đảng ủy phường 3 Bảo Lộc"}
