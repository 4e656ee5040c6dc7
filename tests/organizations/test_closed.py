"""A closed unit keeps its records for its successors' people; an action dated after its end points
to the successor with a link, instead of a dead end."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from doimoi.core.errors import ApplicationError
from doimoi.documents.services import outgoing_register_take
from doimoi.organizations.closed import successors_on

pytestmark = pytest.mark.django_db
WARDS = ["Đảng ủy phường 1 Bảo Lộc", "Đảng ủy phường 2 Bảo Lộc", "Đảng ủy phường 3 Bảo Lộc"]


def test_successors_are_those_in_force(demo: dict[str, Any]) -> None:
    today = datetime.date.today()
    city = demo["Thành ủy Bảo Lộc"]
    names = [u.name for u in successors_on(city, today)]
    assert set(WARDS) <= set(names) and "Đảng ủy phường B'Lao" in names
    # followed through a later closure: the 2022 ward became part of phường 1 Bảo Lộc
    assert [u.name for u in successors_on(demo["Đảng ủy phường 1"], today)] == [WARDS[0]]


def test_a_number_dated_after_the_end_names_the_successors(demo: dict[str, Any]) -> None:
    city = demo["Thành ủy Bảo Lộc"]
    with pytest.raises(ApplicationError) as caught:
        outgoing_register_take(
            actor=None, unit=city, type_code="CV", kind="party", date=datetime.date.today()
        )
    message = caught.value.message_dict["date"][0]
    assert "nằm ngoài thời gian hoạt động của Thành ủy Bảo Lộc" in message
    assert "01/07/2025" in message
    link = reverse("organizations:unit_detail", args=[demo[WARDS[0]].pk])
    assert f'<a href="{link}" data-testid="successor-link">{WARDS[0]}</a>' in message


def test_the_register_page_shows_the_link_and_the_closed_units_register(
    demo: dict[str, Any], persona: Any
) -> None:
    client = Client()
    client.force_login(persona("vanthu.baoloc"))
    url = reverse("documents:outgoing_register")
    city, ward = demo["Thành ủy Bảo Lộc"], demo[WARDS[0]]
    # by default the clerk works in her unit of today, not in the closed city committee
    assert f'value="{ward.pk}" selected' in client.get(url).content.decode()
    # the closed unit's register still opens for her (its successor's clerk)
    assert client.get(url, {"unit": city.pk}).status_code == 200
    today = datetime.date.today().isoformat()
    data = {"kind": "party", "type_code": "CV", "date": today, "confidentiality": 0}
    response = client.post(f"{url}?unit={city.pk}", data)
    html = response.content.decode()
    assert response.status_code == 400
    link = reverse("organizations:unit_detail", args=[ward.pk])
    assert f'<a href="{link}" data-testid="successor-link">' in html
    # in the successor, the same number is given
    response = client.post(f"{url}?unit={ward.pk}", data)
    assert response.status_code == 302


def test_a_closed_units_page_shows_who_held_its_positions_on_its_last_day(
    demo: dict[str, Any], persona: Any
) -> None:
    client = Client()
    client.force_login(persona("quantri.lamdong"))
    city = demo["Thành ủy Bảo Lộc"]
    html = client.get(reverse("organizations:unit_detail", args=[city.pk])).content.decode()
    assert "Trần Minh Khải" in html and "Bí thư Thành ủy" in html
    assert 'data-testid="members-restricted"' not in html
