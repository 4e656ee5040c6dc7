"""The standing-committee member votes where the unit's working rules make them a voter (issue 9:
the collective was always head and deputies, whatever the unit's rules said)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from doimoi.core.errors import ApplicationError
from doimoi.initiatives import services
from doimoi.initiatives.demo import COLLECTIVES, ensure_collectives
from doimoi.initiatives.models import CollectiveRule
from tests.initiatives import flow

pytestmark = pytest.mark.django_db


def client_of(persona: Any, username: str) -> Client:
    client = Client()
    client.force_login(persona(username))
    return client


def test_the_unit_admin_makes_the_standing_committee_member_a_voter(
    d: Any, units: dict[str, Any], persona: Any, ledger_probe: Any
) -> None:
    ward = units[flow.TU]
    case = flow.under_review(d)
    assert "Đỗ Văn Thường" not in [p.full_name for p, _head in services.voters(case)]

    admin = client_of(persona, "quantri.lamdong")
    unit_page = admin.get(reverse("organizations:unit_detail", args=[ward.pk])).content.decode()
    assert "Người đứng đầu và cấp phó (Điều 8 khoản 1" in unit_page
    url = reverse("initiatives:collective_edit", args=[ward.pk])
    assert f'href="{url}"' in unit_page
    basis = "Quy chế làm việc của Ban Chấp hành Đảng bộ phường, Điều 5"
    saved = admin.post(url, {"standing_members_vote": "on", "basis": basis})
    assert saved.status_code == 302
    rule = CollectiveRule.objects.get(unit=ward)
    assert rule.standing_members_vote and rule.basis == basis
    event = ledger_probe.assert_recorded("initiatives.collective.set", rule)
    assert event.payload["standing_members_vote"] is True
    assert event.payload["before"]["standing_members_vote"] is False
    unit_page = admin.get(reverse("organizations:unit_detail", args=[ward.pk])).content.decode()
    assert "các ủy viên Ban Thường vụ (theo quy chế làm việc của đơn vị)" in unit_page

    names = [p.full_name for p, _head in services.voters(case)]
    assert names[0] == "Trần Minh Khải" and "Đỗ Văn Thường" in names
    case = flow.checklist(d, flow.opinion(d, case))
    with pytest.raises(ApplicationError) as caught:  # a ballot without the member is incomplete
        flow.vote(d, case, bithu__baoloc="for", phobithu__baoloc="for", phobithu2__baoloc="for")
    messages = [m for errors in caught.value.message_dict.values() for m in errors]
    assert any("Đỗ Văn Thường" in m for m in messages)
    case = flow.vote(d, case, bithu__baoloc="for", phobithu__baoloc="against",
                     phobithu2__baoloc="against", uvbtv__baoloc="for")  # fmt: skip
    vote = ledger_probe.assert_recorded("initiatives.case.vote_recorded", case)
    assert (vote.payload["for"], vote.payload["against"], vote.payload["tie"]) == (2, 2, True)
    assert vote.payload["passed"] is True  # 2–2 follows the head
    assert {"name": "Đỗ Văn Thường", "head": False, "choice": "for"} in vote.payload["ballots"]


def test_only_the_units_admin_changes_who_votes(units: dict[str, Any], persona: Any) -> None:
    ward = units[flow.TU]
    url = reverse("initiatives:collective_edit", args=[ward.pk])
    for outsider in ("vanthu.dukdn", "bithu.baoloc"):  # another unit's clerk; the head himself
        client = client_of(persona, outsider)
        assert client.get(url).status_code == 404
        assert client.post(url, {"standing_members_vote": "on"}).status_code == 404
        unit_page = client.get(reverse("organizations:unit_detail", args=[ward.pk]))
        assert f'href="{url}"' not in unit_page.content.decode()
    assert not CollectiveRule.objects.filter(unit=ward).exists()


def test_the_demo_party_committees_vote_with_their_standing_members(
    units: dict[str, Any],
) -> None:
    ensure_collectives(units)
    for name in COLLECTIVES:
        assert services.collective_rule(units[name]).standing_members_vote
    assert not services.collective_rule(
        units["Ủy ban nhân dân phường 1 Bảo Lộc"]
    ).standing_members_vote
