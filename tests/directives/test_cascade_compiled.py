"""The directive page's late units and the top of its tree are read through statements compiled
once per key (selectors.compiled): each part of the key, changed alone, gives other rows, so a
key that dropped one would hand a page the rows of another viewer, day, filter or page."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.contrib.auth import get_user_model

from doimoi.directives import services
from doimoi.directives.models import Directive
from doimoi.directives.selectors import Scope, cascade_nodes, late_assignments, late_page
from doimoi.directives.selectors.tree import top_nodes
from doimoi.organizations.models import Membership, Person, Role
from tests.directives.conftest import CELLS, WARDS, forward_to_cells, of, requirements, unit

D = datetime.date
AFTER_PLANS = D(2022, 6, 1)  # the plans' deadline (20/5) passed, the reports' (30/6) not yet


def _clerk_of(name: str) -> Any:
    user = get_user_model().objects.create_user(username=f"clerk-{unit(name).pk}", password="x")
    person = Person.objects.create(user=user, full_name=user.username)
    Membership.objects.create(person=person, unit=unit(name), role=Role.CLERK)
    return user


def _names(rows: list[Any]) -> list[str]:
    return [a.unit.name for a in rows]


def _late(directive: Directive, viewer: Any, today: D = AFTER_PLANS, **scope: Any) -> list[str]:
    start, count = scope.pop("start", 0), scope.pop("count", 10)
    found = late_page(
        Scope(directive=directive, viewer=viewer, **scope), today=today, start=start, count=count
    )
    return _names(found)


@pytest.mark.django_db
def test_late_units_per_viewer_day_branch_requirement_and_page(
    cascade: Directive, persona: Any
) -> None:
    city, ward = persona("vanthu.baoloc"), persona("bithu.phuong1")
    assert _late(cascade, city) == sorted(WARDS, key=lambda n: unit(n).path)
    assert _late(cascade, ward) == [WARDS[0]]  # its own, not its neighbours'
    assert _late(cascade, city, today=D(2022, 5, 20)) == []  # the deadline's own day: not late
    assert _late(cascade, city, subtree=unit(WARDS[1])) == [WARDS[1]]
    assert _late(cascade, city, requirement="report") == []
    everyone = _late(cascade, city)
    assert _late(cascade, city, count=2) == everyone[:2]
    assert _late(cascade, city, start=2, count=2) == everyone[2:]


@pytest.mark.django_db
def test_late_units_per_directive(
    cascade: Directive, city_plan: Any, ward_plan: Any, persona: Any, at: Any
) -> None:
    ward = persona("bithu.phuong1")
    with at(2022, 5, 12):
        other = services.directive_create(
            actor=ward, document=ward_plan, issuer=unit("Đảng ủy phường 1")
        )
        services.directive_distribute(
            actor=ward,
            directive=other,
            recipients=[unit(CELLS[0])],
            requirements=requirements(plan=D(2022, 5, 25)),
            sent_on=D(2022, 5, 12),
        )
    assert _late(cascade, ward) == [WARDS[0]]
    assert _late(other, ward) == [CELLS[0]]


@pytest.mark.django_db
def test_top_of_the_tree_per_viewer_and_requirement(
    cascade: Directive, ward_plan: Any, persona: Any, at: Any
) -> None:
    city, ward = persona("vanthu.baoloc"), persona("bithu.phuong1")
    with at(2022, 5, 12):
        forward_to_cells(of(cascade, WARDS[0]), ward_plan, actor=ward)
    everything = sorted(WARDS, key=lambda n: unit(n).path)
    assert _names(top_nodes(Scope(directive=cascade, viewer=city), 300)) == everything
    assert _names(top_nodes(Scope(directive=cascade, viewer=ward), 300)) == [WARDS[0]]
    neighbour = _clerk_of(WARDS[1])  # sees no more of the cascade than the ward does
    assert _names(top_nodes(Scope(directive=cascade, viewer=neighbour), 300)) == [WARDS[1]]
    assert _names(top_nodes(Scope(directive=cascade, viewer=city), 2)) == everything[:2]
    studied = top_nodes(Scope(directive=cascade, viewer=city, requirement="study"), 300)
    assert sorted(_names(studied)) == sorted(CELLS)  # their parent has no study: out of sight


def _row(a: Any) -> tuple[Any, ...]:
    """Every column of an assignment and of its unit, as read (a date as a date)."""
    columns = [getattr(a, f.attname) for f in a._meta.concrete_fields]
    unit = [getattr(a.unit, f.attname) for f in a.unit._meta.concrete_fields]
    return (*columns, *unit)


@pytest.mark.django_db
def test_the_rows_and_their_units_are_the_orms(
    cascade: Directive, ward_plan: Any, persona: Any, at: Any, django_assert_num_queries: Any
) -> None:
    """The late units and the top of the tree, read by their kept statements through raw(), are
    the rows the ORM reads with their units (select_related), column for column."""
    with at(2022, 5, 12):
        forward_to_cells(of(cascade, WARDS[0]), ward_plan, actor=persona("bithu.phuong1"))
    for viewer in (persona("vanthu.baoloc"), persona("bithu.phuong1")):
        for scope in (
            Scope(directive=cascade, viewer=viewer),
            Scope(directive=cascade, viewer=viewer, requirement="study"),
            Scope(directive=cascade, viewer=viewer, subtree=unit(WARDS[0])),
        ):
            late_page(scope, today=AFTER_PLANS, start=0, count=10)  # the scope read, kept
            with django_assert_num_queries(1):  # the units come in the rows' statement
                late = late_page(scope, today=AFTER_PLANS, start=0, count=10)
                rows = [_row(a) for a in late]
            orm = late_assignments(scope, today=AFTER_PLANS)[:10]
            assert rows == [_row(a) for a in orm]
            top = [_row(a) for a in top_nodes(scope, 300)]
            assert top == [_row(a) for a in cascade_nodes(scope, None)[:300]]
            assert all(isinstance(r[-1], str) for r in rows)  # the unit's last column read too
    assert late and top  # both lists were put to the test
