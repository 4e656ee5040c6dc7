"""Unit pages: who sees what, search without accents, and bad input shown on the field at fault."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from doimoi.organizations.models import Unit

SEES_MEMBERS = [
    "admin",
    "quantri.lamdong",
    "kiemtra.tinhuy",
    "bithu.baoloc",
    "phobithu.baoloc",
    "uvbtv.baoloc",
    "vanthu.baoloc",
]
NO_MEMBERS = ["chuyenvien.btg", "bithu.phuong1", "vanthu.dukdn"]
CAN_CHANGE = ["admin", "quantri.lamdong"]


@pytest.fixture
def as_user(persona: Any) -> Any:
    def login(username: str) -> Client:
        client = Client()
        client.force_login(persona(username))
        return client

    return login


def test_anonymous_is_sent_to_login(demo: dict[str, Unit], client: Client) -> None:
    url = reverse("organizations:unit_detail", args=[demo["Thành ủy Bảo Lộc"].pk])
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("username", SEES_MEMBERS + NO_MEMBERS)
def test_unit_page_permission_matrix(demo: dict[str, Unit], as_user: Any, username: str) -> None:
    unit = demo["Đảng ủy phường 1 Bảo Lộc"]  # the unit the Bảo Lộc personas work in today
    html = (
        as_user(username).get(reverse("organizations:unit_detail", args=[unit.pk])).content.decode()
    )
    assert "Đảng ủy phường 1 Bảo Lộc" in html
    assert ("Trần Minh Khải" in html) is (username in SEES_MEMBERS)
    assert ('data-testid="members-restricted"' in html) is (username in NO_MEMBERS)
    assert (reverse("organizations:unit_edit", args=[unit.pk]) in html) is (username in CAN_CHANGE)


@pytest.mark.parametrize("username", ["bithu.baoloc", "vanthu.dukdn"])
def test_change_pages_answer_404_without_the_role(
    demo: dict[str, Unit], as_user: Any, username: str
) -> None:
    unit = demo["Thành ủy Bảo Lộc"]
    for name in ("unit_create", "unit_edit", "unit_move", "unit_close", "unit_merge"):
        assert (
            as_user(username).get(reverse(f"organizations:{name}", args=[unit.pk])).status_code
            == 404
        )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("dang uy khoi", "Đảng ủy Khối Doanh nghiệp"),
        ("THANH UY BAO LOC", "Thành ủy Bảo Lộc"),
        ("Đảng ủy phường", "Đảng ủy phường Lộc Phát"),
        ("tinh uỷ lam dong", "Tỉnh ủy Lâm Đồng"),
        ("BTGTU", "Ban Tuyên giáo Tỉnh ủy Lâm Đồng"),
    ],
)
def test_tree_search_folds_accents(
    demo: dict[str, Unit], as_user: Any, query: str, expected: str
) -> None:
    html = (
        as_user("vanthu.dukdn")
        .get(reverse("organizations:unit_tree"), {"q": query})
        .content.decode()
    )
    assert expected in html


def test_tree_search_htmx_returns_the_fragment(demo: dict[str, Unit], as_user: Any) -> None:
    response = as_user("bithu.baoloc").get(
        reverse("organizations:unit_tree"), {"q": "bao loc"}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert "Thành ủy Bảo Lộc" in html and "<html" not in html


def test_tree_search_with_no_match_says_what_to_do(demo: dict[str, Unit], as_user: Any) -> None:
    html = (
        as_user("bithu.baoloc")
        .get(reverse("organizations:unit_tree"), {"q": "zzzz"})
        .content.decode()
    )
    assert "Không tìm thấy đơn vị nào" in html


def _field_error(html: str, field: str) -> str:
    match = re.search(rf'id="id_{field}_error"[^>]*>([^<]+)<', html)
    assert match, f"no error shown next to {field}"
    return match.group(1)


def test_end_date_before_start_shows_on_the_field(demo: dict[str, Unit], as_user: Any) -> None:
    unit = demo["Văn phòng Tỉnh ủy Lâm Đồng"]
    before = Unit.objects.count()
    response = as_user("quantri.lamdong").post(
        reverse("organizations:unit_create", args=[unit.pk]),
        {
            "name": "Chi bộ mới",
            "kind": "party_cell",
            "level": "cell",
            "valid_from": "2022-05-04",
            "valid_to": "2022-05-01",
            "member_count": "3",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "không được trước ngày bắt đầu" in _field_error(html, "valid_to")
    assert 'aria-invalid="true"' in html
    assert Unit.objects.count() == before


def test_duplicate_code_shows_on_the_field(demo: dict[str, Unit], as_user: Any) -> None:
    unit = demo["Tỉnh ủy Lâm Đồng"]
    response = as_user("quantri.lamdong").post(
        reverse("organizations:unit_create", args=[unit.pk]),
        {
            "name": "Ban trùng",
            "code": "UBKTTU",
            "kind": "advisory_board",
            "level": "province",
            "valid_from": "2022-01-01",
            "member_count": "0",
        },
    )
    assert "«UBKTTU»" in _field_error(response.content.decode(), "code")


def test_move_under_descendant_shows_on_the_field(demo: dict[str, Unit], as_user: Any) -> None:
    unit, child = demo["Thành ủy Bảo Lộc"], demo["Đảng ủy phường 1"]
    path = unit.path
    response = as_user("admin").post(
        reverse("organizations:unit_move", args=[unit.pk]), {"parent": child.pk}
    )
    assert "cấp dưới của nó" in _field_error(response.content.decode(), "parent")
    unit.refresh_from_db()
    assert unit.path == path


def test_errors_speak_english_when_asked(demo: dict[str, Unit], as_user: Any) -> None:
    client = as_user("admin")
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    unit, child = demo["Thành ủy Bảo Lộc"], demo["Đảng ủy phường 1"]
    response = client.post(reverse("organizations:unit_move", args=[unit.pk]), {"parent": child.pk})
    assert "one of its descendants" in _field_error(response.content.decode(), "parent")


def test_edit_records_the_change(demo: dict[str, Unit], as_user: Any, ledger_probe: Any) -> None:
    unit = demo["Đảng ủy xã Đại Lào"]
    response = as_user("quantri.lamdong").post(
        reverse("organizations:unit_edit", args=[unit.pk]),
        {
            "name": "Đảng ủy xã Đại Lào",
            "code": "ĐU",
            "kind": "grassroots",
            "level": "commune",
            "valid_from": "2010-04-08",
            "valid_to": "2025-07-01",
            "member_count": "301",
        },
    )
    assert response.status_code == 302
    event = ledger_probe.assert_recorded("organizations.unit.updated", unit)
    assert event.payload == {"member_count": [297, 301]}


ROW = re.compile(r'<li role="treeitem" class="tree-node[^"]*">(.*?)\n</li>', re.S)


def _tree_rows(html: str) -> dict[str, dict[str, str | None]]:
    """Each row of a tree level by its unit's name: its links, its count, the level below."""
    rows = {}
    for body in ROW.findall(html):
        page = re.search(r'<a href="([^"]*)">([^<]*)</a>', body)
        assert page is not None
        found = {
            "hx": re.search(r'<details hx-get="([^"]*)"', body),
            "count": re.search(r'<span class="count">([^<]*)</span>', body),
            "below": re.search(r'class="tree-children"><li><a href="([^"]*)">', body),
        }
        rows[page[2]] = {"page": page[1]} | {k: m and m[1] for k, m in found.items()}
    return rows


@pytest.mark.parametrize(
    ("language", "one", "many"),
    [
        ("vi", "(1 đơn vị trực thuộc)", "(2 đơn vị trực thuộc)"),
        ("en", "(1 unit under it)", "(2 units under it)"),
    ],
)
def test_tree_rows_link_and_count_as_reversed_and_translated(
    demo: dict[str, Unit], as_user: Any, language: str, one: str, many: str
) -> None:
    """A level's rows are written once per level (views.tree_nodes): each links the unit's page
    and the level below it as reverse() does, and counts its units in the language's plural."""
    parent = demo["Thành ủy Bảo Lộc"]
    leaves = [u for u in Unit.objects.get_children(parent).order_by("path") if not u.numchild]
    lone, pair, leaf = leaves[:3]
    for n, unit in ((1, lone), (2, pair)):
        for i in range(n):
            Unit.objects.add_child(
                Unit.objects.get(pk=unit.pk),
                {"name": f"Chi bộ {unit.pk}-{i}", "kind": "party_cell"},
            )
    client = as_user("admin")
    client.cookies["django_language"] = language
    url = reverse("organizations:unit_tree") + f"?cha={parent.pk}"
    rows = _tree_rows(client.get(url).content.decode())
    assert len(rows) == Unit.objects.get(pk=parent.pk).numchild
    for unit, count in ((lone, one), (pair, many), (leaf, None)):
        row = rows[Unit.objects.get(pk=unit.pk).name]
        assert row["page"] == reverse("organizations:unit_detail", args=[unit.pk])
        below = reverse("organizations:unit_tree") + f"?cha={unit.pk}"
        shown = (below, below, count) if count else (None, None, None)
        assert (row["hx"], row["below"], row["count"]) == shown


def test_kept_tree_level_shows_each_change_to_its_units(
    demo: dict[str, Unit], as_user: Any
) -> None:
    """A tree level is kept for everyone under the scope stamp (views._kept_level): a renamed
    unit, a new unit under it and a closed one show on the next visit, to every user, in the
    language each reads, on the page and in its htmx fragment."""
    parent = demo["Thành ủy Bảo Lộc"]
    url = reverse("organizations:unit_tree") + f"?cha={parent.pk}"
    clerk, admin = as_user("vanthu.baoloc"), as_user("admin")
    english = as_user("vanthu.dukdn")
    english.cookies["django_language"] = "en"
    for client in (clerk, admin, english):
        client.get(url), client.get(url, HTTP_HX_REQUEST="true")
    unit = Unit.objects.get(name="Văn phòng Thành ủy Bảo Lộc")
    Unit.objects.filter(pk=unit.pk).update(name="Văn phòng Thành ủy (đổi tên)")
    assert "Văn phòng Thành ủy (đổi tên)" in clerk.get(url).content.decode()
    Unit.objects.add_child(Unit.objects.get(pk=unit.pk), {"name": "Tổ lưu trữ", "kind": "office"})
    rows = _tree_rows(admin.get(url, HTTP_HX_REQUEST="true").content.decode())
    assert rows["Văn phòng Thành ủy (đổi tên)"]["count"] == "(1 đơn vị trực thuộc)"
    clerk.get(url)  # kept in Vietnamese: the English reader gets their own
    rows = _tree_rows(english.get(url).content.decode())
    assert rows["Văn phòng Thành ủy (đổi tên)"]["count"] == "(1 unit under it)"
    Unit.objects.filter(pk=unit.pk).update(valid_to=datetime.date(2025, 7, 1))
    assert "đã kết thúc 01/07/2025" in clerk.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert admin.get(reverse("organizations:unit_tree") + "?cha=999999").status_code == 404
