"""The unit picker and the tree one level at a time: pages that name units stay small and their
query counts bounded however many units the tree holds (a national tree has 60,000), and a
picker never offers nor accepts a unit outside its user's scope."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from doimoi.core.text import fold
from doimoi.documents.demo import seed_demo as seed_documents
from doimoi.organizations.models import Unit, UnitKind, UnitLevel

MANY = 300
WARD = "Đảng ủy phường 1 Bảo Lộc"  # vanthu.baoloc's unit
OUTSIDE = "Đảng ủy Khối Doanh nghiệp tỉnh Lâm Đồng"  # not under the ward


@pytest.fixture
def seeded(demo: dict[str, Unit]) -> dict[str, Unit]:
    seed_documents(demo)
    return demo


def _client(persona: Any, username: str) -> Client:
    client = Client()
    client.force_login(persona(username))
    return client


def _add_cells(parent: Unit, count: int, prefix: str = "Chi bộ khu dân cư thử") -> list[Unit]:
    """``count`` party cells under ``parent``, named "<prefix> 001" and so on."""
    added = []
    for n in range(1, count + 1):
        name = f"{prefix} {n:03}"
        parent = Unit.objects.get(pk=parent.pk)  # treebeard counts children on the parent row
        added.append(
            Unit.objects.add_child(
                parent,
                {
                    "name": name,
                    "kind": UnitKind.PARTY_CELL,
                    "level": UnitLevel.CELL,
                    "name_folded": fold(name),
                },
            )
        )
    return added


def _get(client: Client, url: str, **params: Any) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def _pick(client: Client, source: str, text: str) -> Any:
    return client.get(
        reverse("organizations:unit_pick"), {"source": source, "field": "unit", "unit_q": text}
    )


def test_documents_page_and_tree_do_not_grow_with_the_tree(
    seeded: dict[str, Unit], persona: Any
) -> None:
    clerk, admin = _client(persona, "vanthu.baoloc"), _client(persona, "admin")
    documents, tree = reverse("documents:document_list"), reverse("organizations:unit_tree")
    before = {"documents": _get(clerk, documents)[1], "tree": _get(admin, tree)[1]}
    cells = _add_cells(seeded[WARD], MANY)
    html, queries = _get(clerk, documents)
    assert queries <= before["documents"]  # (the types present, read once, are kept a while)
    assert not any(cell.name in html for cell in cells)
    html, queries = _get(admin, tree)
    assert queries == before["tree"]
    assert not any(cell.name in html for cell in cells)
    # the ward's children are one level, loaded on demand, in a bounded number of queries
    html, queries = _get(admin, tree, cha=seeded[WARD].pk)
    assert all(cell.name in html for cell in cells)
    assert queries <= before["tree"] + 3  # the unit, the units above it


def test_tree_shows_one_level_and_opens_the_next_on_demand(
    demo: dict[str, Unit], persona: Any
) -> None:
    admin = _client(persona, "admin")
    tree = reverse("organizations:unit_tree")
    html, _n = _get(admin, tree)
    (root,) = Unit.objects.get_root_nodes()  # one top unit: the page opens on its children
    province = demo["Tỉnh ủy Lâm Đồng"]
    assert root.name in html and province.name in html
    assert "Thành ủy Bảo Lộc" not in html  # a level further down
    ward = demo[WARD]
    # without JavaScript: a link to the level below, a page with where it sits in the tree
    assert f"?cha={province.pk}" in html
    html, _n = _get(admin, tree, cha=ward.pk)
    assert "Chi bộ khu phố Lộc Phát" in html and "<html" in html
    assert "Tỉnh ủy Lâm Đồng" in html  # the breadcrumbs above the ward
    # with htmx: only the level's items, to be put under the opened node
    response = admin.get(tree, {"cha": ward.pk}, HTTP_HX_REQUEST="true")
    fragment = response.content.decode()
    assert "Chi bộ khu phố Lộc Phát" in fragment and "<html" not in fragment
    assert admin.get(tree, {"cha": "x"}).status_code == 404
    assert admin.get(tree, {"cha": 10**9}).status_code == 404


def test_picker_offers_at_most_twenty_units_of_the_users_scope(
    seeded: dict[str, Unit], persona: Any
) -> None:
    _add_cells(seeded[WARD], MANY)
    clerk = _client(persona, "vanthu.baoloc")
    html = _pick(clerk, "in_scope", "chi bo khu dan cu thu").content.decode()
    assert html.count('class="unit-pick"') == 20
    assert "gõ thêm để thu hẹp" in html
    html = _pick(clerk, "in_scope", "chi bo khu dan cu thu 007").content.decode()
    assert "Chi bộ khu dân cư thử 007" in html and html.count('class="unit-pick"') == 1
    assert f"thuộc {WARD}" in html  # namesakes told apart by their parent
    # another unit's user does not see the ward's cells, and the clerk does not see other units
    other = _client(persona, "vanthu.dukdn")
    assert "unit-pick" not in _pick(other, "in_scope", "chi bo khu dan cu thu").content.decode()
    for name in (OUTSIDE, "Tỉnh ủy Lâm Đồng"):
        html = _pick(clerk, "in_scope", name).content.decode()
        assert name not in html and "Không có đơn vị nào khớp" in html
    assert _pick(_client(persona, "admin"), "in_scope", OUTSIDE).content.decode().count(OUTSIDE)


def test_picker_sources_and_fields_are_checked(seeded: dict[str, Unit], persona: Any) -> None:
    clerk = _client(persona, "vanthu.baoloc")
    assert _pick(clerk, "no_such_source", "phuong").status_code == 404
    url = reverse("organizations:unit_pick")
    assert clerk.get(url, {"source": "in_scope", "field": "x y"}).status_code == 404
    assert Client().get(url, {"source": "in_scope", "field": "unit"}).status_code in (302, 403)


def test_documents_filter_resolves_a_typed_name_without_javascript(
    seeded: dict[str, Unit], persona: Any
) -> None:
    clerk = _client(persona, "vanthu.baoloc")
    url = reverse("documents:document_list")
    response = clerk.get(url, {"unit_q": "dang uy phuong 1 bao loc"})
    assert response.context["form"].cleaned_data["unit"] == seeded[WARD]
    html = response.content.decode()
    assert f'name="unit" value="{seeded[WARD].pk}"' in html  # the id kept for the next search
    # a name outside the scope is not found, as one that does not exist
    for text in (OUTSIDE, "khong co don vi nay"):
        html = clerk.get(url, {"unit_q": text}).content.decode()
        assert f"Không tìm thấy đơn vị «{text}»" in html
    # an id outside the scope is refused, the list is not narrowed to it
    response = clerk.get(url, {"unit": seeded[OUTSIDE].pk})
    assert "Đơn vị đã chọn không có trong phạm vi" in response.content.decode()
    assert response.context["form"].errors


def test_an_ambiguous_name_offers_the_candidates_to_choose(
    seeded: dict[str, Unit], persona: Any
) -> None:
    cells = _add_cells(seeded[WARD], 3)
    clerk = _client(persona, "vanthu.baoloc")
    url = reverse("documents:document_list")
    html = clerk.get(url, {"unit_q": "khu dan cu thu"}).content.decode()
    assert "Có nhiều đơn vị khớp với «khu dan cu thu»" in html
    for cell in cells:  # each a button that sends the form with that unit
        assert f'name="unit_pick" value="{cell.pk}"' in html
    response = clerk.get(url, {"unit_q": "khu dan cu thu", "unit_pick": cells[1].pk})
    assert response.context["form"].cleaned_data["unit"] == cells[1]
    # a name typed over a unit chosen before replaces it; an emptied field drops the filter
    response = clerk.get(url, {"unit": cells[1].pk, "unit_q": "khu dan cu thu 003"})
    assert response.context["form"].cleaned_data["unit"] == cells[2]
    response = clerk.get(url, {"unit": cells[1].pk, "unit_q": ""})
    assert response.context["form"].cleaned_data["unit"] is None
    # a link naming the unit by id alone (no text field) is taken as such
    response = clerk.get(url, {"unit": cells[0].pk})
    assert response.context["form"].cleaned_data["unit"] == cells[0]


def test_issuer_filter_offers_the_issuers_of_what_the_user_sees(
    seeded: dict[str, Unit], persona: Any
) -> None:
    from doimoi.documents.selectors import document_list

    user = persona("vanthu.baoloc")
    issuers = Unit.objects.filter(
        pk__in=document_list(viewer=user).exclude(issuer_unit=None).values("issuer_unit")
    )
    assert issuers.exists()
    clerk = _client(persona, "vanthu.baoloc")
    for issuer in issuers:
        assert f'value="{issuer.pk}"' in _pick(clerk, "issuers", issuer.name).content.decode()
    names = set(issuers.values_list("name", flat=True))
    unseen = next(u for u in Unit.objects.order_by("pk") if u.name not in names)
    assert f'value="{unseen.pk}"' not in _pick(clerk, "issuers", unseen.name).content.decode()


def test_merge_picks_units_by_name_within_what_the_admin_administers(
    demo: dict[str, Unit], persona: Any, ledger_probe: Any
) -> None:
    import datetime

    admin = _client(persona, "quantri.lamdong")
    ward = demo[WARD]
    url = reverse("organizations:unit_merge", args=[ward.pk])
    page = admin.get(url).content.decode()
    assert "Tỉnh ủy Bình Thuận" not in page and page.count("<option") < 5  # the unit switcher
    two, three = demo["Đảng ủy phường 2 Bảo Lộc"], demo["Đảng ủy phường 3 Bảo Lộc"]
    today = datetime.date.today().isoformat()
    # without JavaScript: a unit offered among several is added, and the form comes back
    response = admin.post(url, {"units_q": "phuong bao loc", "units_pick": two.pk})
    html = response.content.decode()
    assert response.status_code == 400 and f"Đã thêm «{two.name}»" in html
    assert f'name="units" value="{two.pk}" checked' in html
    # a unit the admin does not administer is not found, by name or by id
    outside = demo["Tỉnh ủy Bình Thuận"]
    html = admin.post(url, {"units_q": "tinh uy binh thuan", "effective": today}).content.decode()
    assert "Không tìm thấy đơn vị «tinh uy binh thuan»" in html
    html = admin.post(url, {"units": outside.pk, "effective": today}).content.decode()
    assert "Đơn vị đã chọn không có trong phạm vi" in html
    # one ticked, one typed: both merge into the ward
    data = {"units": two.pk, "units_q": "dang uy phuong 3 bao loc", "effective": today}
    assert admin.post(url, data).status_code == 302
    for unit in (two, three):
        unit.refresh_from_db()
        assert unit.valid_to is not None
        assert unit.successions.get().successor == ward
    ledger_probe.assert_recorded("organizations.unit.merged", ward)
