"""The scope kept between requests: under the stamp read with the user, which every write to what
a scope is made of changes (database triggers), so a role taken away, given or moved is seen on
the very next request, and one user's scope is never another's."""

from __future__ import annotations

import datetime
import importlib
from collections.abc import Callable
from typing import Any

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.urls import reverse

from doimoi.documents.models import Clearance
from doimoi.organizations import services
from doimoi.organizations.backends import AccountBackend
from doimoi.organizations.models import Membership, Person, Role, ScopeStamp, Unit, UnitSuccession
from doimoi.organizations.scope import kept_key, scope_of

WARD = "Đảng ủy phường 1 Bảo Lộc"
OTHER = "Đảng ủy Khối Doanh nghiệp tỉnh Lâm Đồng"
TODAY = datetime.date.today


def _token() -> str | None:
    return ScopeStamp.objects.filter(pk=1).values_list("token", flat=True).first()


def _signed_in(name: str, unit: Unit, role: str = Role.CLERK) -> tuple[Any, Client, Membership]:
    user = get_user_model().objects.create_user(username=name, password="x")
    person = Person.objects.create(user=user, full_name=name)
    membership = Membership.objects.create(person=person, unit=unit, role=role)
    client = Client()
    client.force_login(user)
    return user, client, membership


def _dashboard(client: Client, unit: Unit) -> int:
    return client.get(reverse("directives:unit_dashboard", args=[unit.pk])).status_code


def _kept_scope(user: Any) -> Any:
    """What the cache holds for ``user`` under today's stamp (as the next request would read it)."""
    loaded = AccountBackend().get_user(user.pk)
    key = kept_key("scope", loaded, TODAY())
    return cache.get(key) if key else None


def test_the_scope_is_kept_between_requests_and_read_from_there(
    demo: dict[str, Any], django_assert_max_num_queries: Any
) -> None:
    user, client, _ = _signed_in("kept.once", demo[WARD])
    assert _dashboard(client, demo[WARD]) == 200
    assert _kept_scope(user) is not None
    loaded = AccountBackend().get_user(user.pk)
    with django_assert_max_num_queries(0):
        assert scope_of(loaded).covers(demo[WARD])


def _end_role(membership: Membership) -> None:
    Membership.objects.filter(pk=membership.pk).update(valid_to=TODAY())


def _delete_role(membership: Membership) -> None:
    Membership.objects.filter(pk=membership.pk).delete()


def _unlink_person(membership: Membership) -> None:
    Person.objects.filter(pk=membership.person_id).update(user=None)


def _raw_sql_end(membership: Membership) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE organizations_membership SET valid_to = %s WHERE id = %s",
            [TODAY(), membership.pk],
        )


@pytest.mark.parametrize(
    "take_away",
    [_end_role, _delete_role, _unlink_person, _raw_sql_end],
    ids=["ended", "deleted", "person-unlinked", "raw-sql"],
)
def test_a_role_taken_away_is_gone_on_the_next_request(
    demo: dict[str, Any], take_away: Callable[[Membership], None]
) -> None:
    user, client, membership = _signed_in("kept.away", demo[WARD])
    for _ in range(2):  # the second is served from what the first kept
        assert _dashboard(client, demo[WARD]) == 200
    assert _kept_scope(user) is not None
    take_away(membership)
    assert _dashboard(client, demo[WARD]) == 404
    assert client.get(reverse("home")).context["my_units"] == []  # nor in the unit switcher


def test_a_role_given_is_there_on_the_next_request(demo: dict[str, Any]) -> None:
    _user, client, membership = _signed_in("kept.given", demo[WARD])
    assert _dashboard(client, demo[WARD]) == 200
    assert _dashboard(client, demo[OTHER]) == 404
    Membership.objects.create(person=membership.person, unit=demo[OTHER], role=Role.CLERK)
    assert _dashboard(client, demo[OTHER]) == 200
    switcher = client.get(reverse("home")).context["my_units"]
    assert demo[OTHER] in switcher  # the unit switcher's units are kept the same way


def test_one_users_kept_scope_is_never_anothers(demo: dict[str, Any]) -> None:
    ward_user, ward, _ = _signed_in("kept.ward", demo[WARD])
    other_user, other, _ = _signed_in("kept.other", demo[OTHER])
    for _ in range(2):
        assert _dashboard(ward, demo[WARD]) == 200
        assert _dashboard(other, demo[OTHER]) == 200
        assert _dashboard(other, demo[WARD]) == 404
        assert _dashboard(ward, demo[OTHER]) == 404
    for user, unit in ((ward_user, demo[WARD]), (other_user, demo[OTHER])):
        grants, _ = _kept_scope(user)
        fresh = get_user_model().objects.get(pk=user.pk)  # loaded without the stamp: computed
        assert grants == scope_of(fresh).grants
        assert grants[0].unit_id == unit.pk
    assert not {g.unit_id for g in _kept_scope(ward_user)[0]} & {
        g.unit_id for g in _kept_scope(other_user)[0]
    }


def test_a_clearance_given_or_taken_is_seen_on_the_next_request(demo: dict[str, Any]) -> None:
    user, client, _ = _signed_in("kept.cleared", demo[WARD])
    client.get(reverse("home"))
    assert _kept_scope(user)[1] == ()
    clearance = Clearance.objects.create(user=user, unit=demo[WARD], level=2)
    client.get(reverse("home"))
    assert _kept_scope(user)[1] == ((demo[WARD].path, 2),)
    clearance.delete()
    client.get(reverse("home"))
    assert _kept_scope(user)[1] == ()


def test_a_moved_unit_moves_the_kept_scope(demo: dict[str, Any], persona: Any) -> None:
    cell = Unit.objects.filter(path__startswith=demo[WARD].path, depth=demo[WARD].depth + 1)[0]
    user, client, _ = _signed_in("kept.moved", cell)
    assert _dashboard(client, cell) == 200
    services.unit_move(actor=persona("admin"), unit=cell, new_parent=demo[OTHER])
    client.get(reverse("home"))
    grants, _ = _kept_scope(user)
    assert grants[0].path == Unit.objects.get(pk=cell.pk).path
    assert grants[0].path.startswith(demo[OTHER].path)
    assert grants == scope_of(get_user_model().objects.get(pk=user.pk)).grants


@pytest.mark.parametrize(
    "write",
    [
        lambda d: Unit.objects.filter(pk=d[WARD].pk).update(short_name="x"),
        lambda d: Membership.objects.filter(unit=d[WARD]).update(position_title="x"),
        lambda d: UnitSuccession.objects.create(
            predecessor=d[OTHER], successor=d[WARD], kind="renamed", effective=TODAY()
        ),
        lambda d: Clearance.objects.filter(pk__gt=0).delete(),
        lambda d: Person.objects.filter(full_name__gt="").update(must_change_password=False),
    ],
    ids=["unit", "membership", "succession", "clearance", "person"],
)
def test_every_write_to_what_a_scope_reads_changes_the_stamp(
    demo: dict[str, Any], write: Callable[[dict[str, Any]], Any]
) -> None:
    Clearance.objects.create(user=get_user_model().objects.first(), unit=demo[WARD], level=1)
    before = _token()
    assert before
    write(demo)
    assert _token() not in (None, before)


def test_a_user_loaded_without_the_stamp_is_not_kept(demo: dict[str, Any], persona: Any) -> None:
    """Users loaded elsewhere (tasks, tests, commands) compute their scope as before."""
    clerk = persona("vanthu.baoloc")
    assert kept_key("scope", clerk, TODAY()) is None
    scope_of(clerk)
    assert not any(str(k).startswith(":1:doimoi:scope") for k in getattr(cache, "_cache", {}))


def test_the_migration_leaves_a_token(db: None) -> None:
    """An upgraded database keeps scopes from its first request, before any write."""
    first = importlib.import_module("doimoi.organizations.migrations.0005_scope_stamp_first_token")
    ScopeStamp.objects.all().delete()
    first.first_token(apps, None)
    token = _token()
    assert token and len(token) == 32
    first.first_token(apps, None)  # a token already there is left alone
    assert _token() == token


@pytest.mark.django_db
def test_every_table_of_a_scope_keeps_its_stamp_triggers() -> None:
    """A migration that alters a table on SQLite rebuilds it without its triggers (organizations
    0006 added a column to the units): after all migrations, each table still has them."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT tgname FROM pg_trigger WHERE tgname LIKE %s", ["%scope_stamp%"])
        else:
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        names = {row[0] for row in cursor.fetchall()}
    tables = ("unit", "person", "membership", "unitsuccession")
    for table in [f"organizations_{t}" for t in tables] + ["documents_clearance"]:
        assert any(name.startswith(f"{table}_scope_stamp") for name in names), table
