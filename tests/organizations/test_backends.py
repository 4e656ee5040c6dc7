"""The signed-in user: read with the person in one statement, permissions from the rules alone."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse

from doimoi.organizations.backends import AccountBackend
from doimoi.organizations.models import ScopeStamp
from doimoi.organizations.scope import STAMP


def _django_permission(codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label="organizations", codename=codename)


def test_the_user_comes_with_the_person_in_one_query(
    persona: Any, django_assert_num_queries: Any
) -> None:
    clerk = persona("vanthu.baoloc")
    name = clerk.person.full_name
    with django_assert_num_queries(1):
        user = AccountBackend().get_user(clerk.pk)
        assert user is not None and user.person.full_name == name


def test_the_user_read_by_its_written_statement_is_the_orms(persona: Any) -> None:
    # organizations.backends.read_user writes the user's statement out (every request makes
    # it): each column converted as the ORM converts it (dates, flags), the person attached
    clerk = persona("vanthu.baoloc")
    clerk.person.must_change_password = True
    clerk.person.save()
    loaded = AccountBackend().get_user(clerk.pk)
    orm = get_user_model().objects.select_related("person").get(pk=clerk.pk)
    assert loaded is not None and loaded.person.user is loaded
    for field in get_user_model()._meta.concrete_fields:
        assert getattr(loaded, field.attname) == getattr(orm, field.attname), field.name
        assert type(getattr(loaded, field.attname)) is type(getattr(orm, field.attname))
    assert loaded.person.must_change_password is True
    assert loaded.person.full_name == orm.person.full_name
    assert getattr(loaded, STAMP) == ScopeStamp.objects.get(pk=1).token


def test_a_user_without_a_person_still_signs_in(db: None) -> None:
    user = get_user_model().objects.create_user("no.person", password="x")
    loaded = AccountBackend().get_user(user.pk)
    assert loaded == user and not hasattr(loaded, "person")
    client = Client()
    client.force_login(user)
    assert client.get(reverse("home")).status_code == 200


def test_an_inactive_user_is_not_loaded(persona: Any) -> None:
    clerk = persona("vanthu.baoloc")
    clerk.is_active = False
    clerk.save()
    assert AccountBackend().get_user(clerk.pk) is None


def test_django_permission_tables_grant_nothing_the_rules_refuse(persona: Any) -> None:
    """A ward clerk is not a unit admin: ticking Django's permissions of the same names (on the
    user or through a group) in the admin gives them nothing."""
    clerk = persona("vanthu.baoloc")
    perms = ("change_unit", "view_unit_members", "manage_people")
    for codename in perms:
        Permission.objects.get_or_create(
            codename=codename,
            content_type=_django_permission("view_unit").content_type,
            defaults={"name": codename},
        )
    clerk.user_permissions.add(*(_django_permission(c) for c in perms))
    group = Group.objects.create(name="all-units")
    group.permissions.add(_django_permission("change_unit"))
    clerk.groups.add(group)
    clerk = get_user_model().objects.get(pk=clerk.pk)
    assert not any(clerk.has_perm(f"organizations.{c}") for c in perms)
    client = Client()
    client.force_login(clerk)
    assert client.get(reverse("organizations:people_list")).status_code == 403


def test_rules_still_grant_what_they_grant(persona: Any) -> None:
    assert persona("quantri.lamdong").has_perm("organizations.manage_people")
    assert persona("admin").has_perm("organizations.manage_people")  # a superuser has them all
    assert not persona("vanthu.baoloc").has_perm("organizations.manage_people")
