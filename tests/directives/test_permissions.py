"""A unit sees its own assignments and its subtree's, not its siblings' (acceptance 3)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from doimoi.directives import selectors
from doimoi.directives.models import Directive
from tests.directives.conftest import CELLS, WARDS, forward_to_cells, of, unit

D = datetime.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def grown(cascade: Directive, ward_plan: Any, at: Any) -> Directive:
    """Phường 1 forwards to its two cells: five assignments in all."""
    with at(2022, 5, 12):
        forward_to_cells(of(cascade, WARDS[0]), ward_plan)
    return cascade


# username → the units whose assignments they see
SEES = {
    "vanthu.baoloc": {*WARDS, *CELLS},  # the issuer
    "quantri.lamdong": {*WARDS, *CELLS},  # the province above supervises
    "bithu.phuong1": {WARDS[0], *CELLS},  # its own and its subtree's, not its siblings'
    "vanthu.dukdn": set(),  # a committee beside the city sees nothing
    "chuyenvien.btg": set(),  # a board of the city, not above the wards
}


@pytest.mark.parametrize("username", list(SEES))
def test_assignments_visible_by_subtree(grown: Directive, persona: Any, username: str) -> None:
    viewer = persona(username)
    seen = {a.unit.name for a in selectors.assignment_list(viewer=viewer, directive=grown)}
    assert seen == SEES[username]
    summary = selectors.directive_summary(selectors.Scope(grown, viewer), today=D(2022, 6, 1))
    assert summary.total.get("received", 0) == len(SEES[username])
    assert viewer.has_perm("directives.view_directive", grown) is bool(SEES[username])


@pytest.mark.parametrize("username", list(SEES))
def test_pages_follow_the_same_rule(grown: Directive, persona: Any, username: str) -> None:
    client = Client()
    client.force_login(persona(username))
    page = client.get(reverse("directives:directive_detail", args=[grown.pk]))
    assert page.status_code == (200 if SEES[username] else 404)
    for name in (*WARDS, *CELLS):
        response = client.get(reverse("directives:assignment_detail", args=[of(grown, name).pk]))
        assert response.status_code == (200 if name in SEES[username] else 404), name
        if page.status_code == 200:
            assert (name in page.content.decode()) is (name in SEES[username]), name


def test_acting_is_for_the_units_own_people(grown: Directive, persona: Any) -> None:
    head = persona("bithu.phuong1")
    cell, sibling = of(grown, CELLS[0]), of(grown, WARDS[1])
    assert head.has_perm("directives.view_assignment", cell)
    assert not head.has_perm("directives.act_on_assignment", cell)  # the cell reports for itself
    assert head.has_perm("directives.review_assignment", cell)  # phường 1 sent it
    assert not head.has_perm(
        "directives.review_assignment", of(grown, WARDS[0])
    )  # the city reviews
    assert not head.has_perm("directives.view_assignment", sibling)
    client = Client()
    client.force_login(head)
    url = reverse("directives:report_create", args=[cell.pk])
    assert client.post(url, {"narrative": "x"}).status_code == 404
    api = client.get(f"/api/v1/directives/units/{sibling.unit_id}/assignments")
    assert api.status_code == 404  # another unit's list: missing, as for a unit that does not exist


def test_visibility_holds_when_a_sibling_unit_is_added(grown: Directive, persona: Any) -> None:
    from doimoi.organizations import services as organizations
    from doimoi.organizations.models import UnitKind, UnitLevel

    ward = unit(WARDS[0])
    before = ward.path
    organizations.unit_create(  # would sort first by name; the tree keeps existing paths
        actor=None,
        parent=unit("Thành ủy Bảo Lộc"),
        name="Ban Dân vận Thành ủy Bảo Lộc",
        short_name="",
        code="BDVThU",
        kind=UnitKind.ADVISORY_BOARD,
        level=UnitLevel.DISTRICT,
        valid_from=datetime.date(2010, 4, 8),
        valid_to=None,
        member_count=5,
    )
    assert unit(WARDS[0]).path == before
    head = persona("bithu.phuong1")
    seen = {a.unit.name for a in selectors.assignment_list(viewer=head, directive=grown)}
    assert seen == {WARDS[0], *CELLS}
    branch = selectors.Scope(grown, persona("vanthu.baoloc"), subtree=unit(WARDS[0]))
    assert selectors.directive_summary(branch, today=D(2022, 6, 1)).total["received"] == 3
