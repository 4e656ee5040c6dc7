"""The one scope: roles and their subtrees, clearances, on a date, computed once per request."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser

from doimoi.documents.models import Clearance
from doimoi.initiatives.models import Case
from doimoi.organizations.models import Membership, Person, Role
from doimoi.organizations.scope import scope_of


def _user(name: str, unit: Any, role: str, **dates: Any) -> Any:
    user = get_user_model().objects.create_user(username=name, password="x")
    person = Person.objects.create(user=user, full_name=name)
    Membership.objects.create(person=person, unit=unit, role=role, **dates)
    return user


def test_inspection_commission_inspectors_cover_their_committee(demo: dict[str, Any]) -> None:
    commission = demo["Ủy ban Kiểm tra Thành ủy Bảo Lộc"]
    inspector = _user("kt", commission, Role.INSPECTOR)
    clerk = _user("vt", commission, Role.CLERK)
    assert scope_of(inspector).covers(demo["Đảng ủy phường 1"])
    assert not scope_of(clerk).covers(demo["Đảng ủy phường 1"])  # only the inspectors do
    assert scope_of(clerk).covers(commission)


def test_scope_is_on_a_date(demo: dict[str, Any]) -> None:
    today = datetime.date.today()
    unit = demo["Đảng ủy phường 1"]
    user = _user("later", unit, Role.HEAD, valid_from=today + datetime.timedelta(days=10))
    assert not scope_of(user).covers(unit)
    assert scope_of(user, today + datetime.timedelta(days=11)).covers(unit)


def test_clearances_are_part_of_the_scope(demo: dict[str, Any]) -> None:
    unit = demo["Thành ủy Bảo Lộc"]
    user = _user("cleared", unit, Role.DEPUTY)
    Clearance.objects.create(user=user, unit=unit, level=2, valid_from=datetime.date(2020, 1, 1))
    scope = scope_of(user)
    assert scope.level_over(demo["Đảng ủy phường 1"]) == 2
    assert scope.level_over(demo["Đảng ủy Khối Doanh nghiệp tỉnh Lâm Đồng"]) == 0


def test_scope_is_read_once_per_user_object(
    demo: dict[str, Any], django_assert_num_queries: Any
) -> None:
    user = _user("once", demo["Thành ủy Bảo Lộc"], Role.CLERK)
    scope_of(user)
    with django_assert_num_queries(0):
        for _ in range(5):
            scope_of(user).covers(demo["Đảng ủy phường 1"])


@pytest.mark.parametrize("who", ["anonymous", "superuser"])
def test_restrict_for_anonymous_and_superuser(demo: dict[str, Any], who: str) -> None:
    user = (
        AnonymousUser()
        if who == "anonymous"
        else get_user_model().objects.create_superuser(username="su", password="x")
    )
    restricted = Case.objects.restrict(user)
    assert restricted.count() == (0 if who == "anonymous" else Case.objects.count())


def test_unknown_action_is_a_programming_error(demo: dict[str, Any]) -> None:
    user = _user("u", demo["Thành ủy Bảo Lộc"], Role.CLERK)
    with pytest.raises(ValueError):
        list(Case.objects.restrict(user, "fly"))
