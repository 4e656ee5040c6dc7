"""Signing in and loading the signed-in user: Django's password check, the user read with its
person and the scope stamp in one statement, and no permission from Django's permission tables.

Every permission doimoi asks is a rule (django-rules predicates over the one scope, registered
in each app's ``rules.py``); a superuser has them all (Django's ``User.has_perm``). Django's
``ModelBackend`` also answered any permission a rule refused from ``auth_user_user_permissions``
and ``auth_group_permissions``: two queries on every page that asks a permission without an
object (the menu asks three), and a way around the rules, since Django names its model
permissions as the rules are named (``organizations.change_unit``) and the admin can tick them.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser, User
from django.db import connection
from django.db.models import CharField
from django.db.models.expressions import RawSQL

from doimoi.organizations.models import ScopeStamp
from doimoi.organizations.scope import STAMP


def _stamp() -> RawSQL:
    """The scope stamp's token, as a subquery of the user's statement: written out, since every
    page loads its user and a queryset subquery cost it 0.7 ms of Python (resolved and compiled
    anew each time) against 0.1 ms."""
    quote = connection.ops.quote_name
    table, token = ScopeStamp._meta.db_table, str(ScopeStamp._meta.get_field("token").column)
    sql = f"SELECT {quote(token)} FROM {quote(table)} WHERE {quote('id')} = 1"
    return RawSQL(sql, (), output_field=CharField())


class AccountBackend(ModelBackend):
    """Django's password sign-in; permissions come from the rules alone."""

    def get_user(self, user_id: Any) -> User | None:
        """The user with their person (the page header shows the person's name) and the scope
        stamp, under which the user's scope is kept between requests (``scope.scope_of``)."""
        users = User._default_manager.select_related("person").annotate(**{STAMP: _stamp()})
        user = users.filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None

    def get_user_permissions(
        self, user_obj: AbstractBaseUser | AnonymousUser, obj: Any = None
    ) -> set[str]:
        return set()

    def get_group_permissions(
        self, user_obj: AbstractBaseUser | AnonymousUser, obj: Any = None
    ) -> set[str]:
        return set()

    def get_all_permissions(
        self, user_obj: AbstractBaseUser | AnonymousUser, obj: Any = None
    ) -> set[str]:
        return set()

    def has_perm(
        self, user_obj: AbstractBaseUser | AnonymousUser, perm: str, obj: Any = None
    ) -> bool:
        return False

    def has_module_perms(self, user_obj: AbstractBaseUser | AnonymousUser, app_label: str) -> bool:
        return False

    def with_perm(
        self,
        perm: Any,
        is_active: bool = True,
        include_superusers: bool = True,
        obj: Any = None,
    ) -> Any:
        """Only superusers hold a permission whatever the rules say."""
        users = get_user_model()._default_manager.filter(is_active=is_active)
        return users.filter(is_superuser=True) if include_superusers else users.none()
