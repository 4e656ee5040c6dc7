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

from collections.abc import Sequence
from typing import Any, TypeVar

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser, User
from django.db import connection
from django.db.models import Model
from django.db.models.sql.query import Query

from doimoi.organizations.models import Person, ScopeStamp
from doimoi.organizations.scope import STAMP

M = TypeVar("M", bound=Model)


def _columns(model: type[Model], alias: str) -> str:
    quote = connection.ops.quote_name
    return ", ".join(f"{alias}.{quote(str(f.column))}" for f in model._meta.concrete_fields)


def _statement() -> str:
    """The user, the scope stamp's token and the person, in one statement (as the queryset
    ``User.objects.select_related("person").annotate(<stamp>)`` reads them)."""
    quote = connection.ops.quote_name
    person_user = str(Person._meta.get_field("user").column)
    return (
        f"SELECT {_columns(User, 'u')}, "
        f"{ScopeStamp.token_sql()}, "
        f"{_columns(Person, 'p')} FROM {quote(User._meta.db_table)} u "
        f"LEFT OUTER JOIN {quote(Person._meta.db_table)} p ON p.{quote(person_user)} = u.{quote('id')} "
        f"WHERE u.{quote('id')} = %s"
    )


def _instance(model: type[M], values: Sequence[Any]) -> M:
    """A row of ``model`` from its columns' values, converted as the ORM converts them."""
    fields = model._meta.concrete_fields
    compiler = Query(model).get_compiler(connection=connection)
    converters = compiler.get_converters([f.get_col(model._meta.db_table) for f in fields])
    converted = next(iter(compiler.apply_converters([list(values)], converters)))
    return model.from_db(connection.alias, [f.attname for f in fields], converted)


def read_user(user_id: Any) -> User | None:
    """The user ``user_id`` with their person (or the knowledge that there is none) and the
    scope stamp's token, read by a statement written out: every signed-in request loads its
    user, and building and compiling the queryset cost it more than the statement (0.8 ms
    against 0.2 on PostgreSQL)."""
    with connection.cursor() as cursor:
        cursor.execute(_statement(), [user_id])
        row = cursor.fetchone()
    if row is None:
        return None
    size = len(User._meta.concrete_fields)
    user = _instance(User, row[:size])
    setattr(user, STAMP, row[size])
    person = _instance(Person, row[size + 1 :]) if row[size + 1] is not None else None
    relation: Any = User._meta.get_field("person")
    relation.set_cached_value(user, person)  # None: the user has no person (as select_related)
    if person is not None:
        relation.field.set_cached_value(person, user)
    return user


class AccountBackend(ModelBackend):
    """Django's password sign-in; permissions come from the rules alone."""

    def get_user(self, user_id: Any) -> User | None:
        """The user with their person (the page header shows the person's name) and the scope
        stamp, under which the user's scope is kept between requests (``scope.scope_of``)."""
        user = read_user(user_id)
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
