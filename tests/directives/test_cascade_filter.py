"""The directive page's branch filter: a unit of the viewer's scope picked by name (a picker, not
a list of every unit that forwarded the directive), or given by its id."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from doimoi.directives.models import Directive
from tests.directives.conftest import WARDS, unit

pytestmark = pytest.mark.django_db


def _get(persona: Any, username: str, directive: Directive, **query: str) -> str:
    client = Client()
    client.force_login(persona(username))
    url = reverse("directives:directive_detail", args=[directive.pk])
    response = client.get(url, query)
    assert response.status_code == 200
    return response.content.decode()


def _late(page: str) -> str:
    return page.split('data-testid="late-units"', 1)[1].split("</ul>", 1)[0]


def test_no_list_of_units_is_sent_with_the_page(cascade: Directive, persona: Any) -> None:
    page = _get(persona, "vanthu.baoloc", cascade)
    assert '<select id="filter-unit"' not in page
    assert 'name="don_vi_q"' in page and 'name="don_vi"' in page
    assert all(ward in _late(page) for ward in WARDS[1:])


@pytest.mark.parametrize("how", ["id", "name"])
def test_a_branch_by_its_id_or_by_its_name_typed(
    cascade: Directive, persona: Any, how: str
) -> None:
    ward = unit(WARDS[2])
    query = {"don_vi": str(ward.pk)} if how == "id" else {"don_vi_q": "xa dai lao"}
    page = _get(persona, "vanthu.baoloc", cascade, **query)
    assert WARDS[2] in _late(page) and WARDS[1] not in _late(page)
    assert f'value="{ward.pk}"' in page and f'value="{WARDS[2]}"' in page  # shown as chosen
    assert 'role="alert"' not in page


def test_a_name_that_matches_nothing_is_said_and_the_whole_cascade_shown(
    cascade: Directive, persona: Any
) -> None:
    page = _get(persona, "vanthu.baoloc", cascade, don_vi_q="không có đơn vị này")
    assert "Không tìm thấy đơn vị «không có đơn vị này»" in page
    assert all(ward in _late(page) for ward in WARDS[1:])


def test_a_unit_outside_the_viewers_scope_is_refused(cascade: Directive, persona: Any) -> None:
    sibling = unit(WARDS[1])  # phường 1's sibling
    page = _get(persona, "bithu.phuong1", cascade, don_vi=str(sibling.pk))
    assert "Đơn vị đã chọn không có trong phạm vi bạn được chọn." in page
    assert f'value="{sibling.pk}"' not in page and WARDS[1] not in page


def test_late_units_come_a_page_at_a_time_and_all_are_reached(
    cascade: Directive, persona: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from doimoi.directives.views import directives as pages

    monkeypatch.setattr(pages, "LATE_SHOWN", 2)  # three wards are late: two, then one
    client = Client()
    client.force_login(persona("vanthu.baoloc"))
    url = reverse("directives:directive_detail", args=[cascade.pk])
    first = client.get(url, {"yeu_cau": "plan"}).content.decode()
    assert [w for w in WARDS if w in _late(first)] == list(WARDS[:2])
    assert 'data-testid="late-more"' in first and "tre_tu=2" in first and "yeu_cau=plan" in first
    more = client.get(url, {"yeu_cau": "plan", "tre_tu": "2"}, headers={"HX-Request": "true"})
    rest = more.content.decode()
    assert "<html" not in rest and "Tổng hợp theo cấp" not in rest
    assert [w for w in WARDS if w in rest] == [WARDS[2]] and "late-more" not in rest
