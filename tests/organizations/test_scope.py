"""The one scope: roles and their subtrees, clearances, on a date, computed once per request."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser

from doimoi.documents.models import Clearance, Document
from doimoi.initiatives.models import Case
from doimoi.organizations.models import Membership, Person, Role
from doimoi.organizations.scope import forget_scope, may, scope_of, subtree_ids, subtree_units


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


def _document(unit: Any, number: str) -> Document:
    return Document.objects.create(
        state="review", kind="party", number=number, symbol="KH/ĐU", type_name="Kế hoạch",
        title=f"Kế hoạch số {number}", date=datetime.date.today(), unit=unit,
    )  # fmt: skip


def test_a_row_read_through_restrict_is_not_asked_again(
    demo: dict[str, Any], django_assert_num_queries: Any
) -> None:
    user = _user("doc", demo["Đảng ủy phường 1"], Role.CLERK)
    mine = _document(demo["Đảng ủy phường 1"], "1")
    read = Document.objects.restrict(user).select_related("unit").get(pk=mine.pk)
    with django_assert_num_queries(0):  # the page's rule, after the page's getter read it
        assert may(user, read)
    with django_assert_num_queries(1):  # another action is asked
        assert may(user, read, "change")
    plain = Document.objects.get(pk=mine.pk)
    with django_assert_num_queries(1):  # a row read otherwise is asked
        assert may(user, plain)


def test_rows_an_or_or_a_union_let_in_are_asked(
    demo: dict[str, Any], django_assert_num_queries: Any
) -> None:
    user = _user("doc", demo["Đảng ủy phường 1"], Role.CLERK)
    theirs = _document(demo["Tỉnh ủy Lâm Đồng"], "2")
    other = Document.objects.filter(pk=theirs.pk)
    for rows in (
        Document.objects.restrict(user) | other,
        Document.objects.restrict(user) ^ other,
        Document.objects.restrict(user).order_by().union(other.order_by()),
    ):
        (read,) = [d for d in rows if d.pk == theirs.pk]
        with django_assert_num_queries(1):
            assert not may(user, read)


def test_a_scope_forgotten_after_a_change_does_not_vouch(demo: dict[str, Any]) -> None:
    user = _user("doc", demo["Đảng ủy phường 1"], Role.CLERK)
    mine = _document(demo["Đảng ủy phường 1"], "3")
    read = Document.objects.restrict(user).get(pk=mine.pk)
    Membership.objects.filter(person__user=user).update(valid_to=datetime.date.today())
    forget_scope(user)
    assert not may(user, read)


def test_written_out_subtree_subquery_finds_the_units_the_tree_does(demo: dict[str, Any]) -> None:
    # scope filters take the subtree's ids as SQL written once (lookups.Subtrees), not as a
    # unit queryset: both must name the same units, by either lookup, on either database
    ward, city = demo["Đảng ủy phường 1"], demo["Thành ủy Bảo Lộc"]
    for unit in (ward, city, demo["Tỉnh ủy Lâm Đồng"]):
        _user(f"m{unit.pk}", unit, Role.CLERK)
    paths = [ward.path, demo["Ủy ban Kiểm tra Thành ủy Bảo Lộc"].path, city.path]
    tree = set(subtree_units(paths).values_list("pk", flat=True))
    held = Membership.objects.filter(unit__in=tree)
    assert held.exists() and held.count() < Membership.objects.count()
    for lookup in ("unit__any_of", "unit__in"):
        found = Membership.objects.filter(**{lookup: subtree_ids(paths)})
        assert set(found.values_list("pk", flat=True)) == set(held.values_list("pk", flat=True))
    assert subtree_ids(reversed(paths)) == subtree_ids(paths)  # one filter per set of paths
