"""Reading units and people, scoped to the viewer."""

from __future__ import annotations

import datetime
from typing import Any, NamedTuple

from django.db.models import Q, QuerySet

from doimoi.core.text import fold
from doimoi.organizations.models import Membership, Person, Unit, UnitSuccession
from doimoi.organizations.scope import kept, scope_of, subtree_units


class ActiveRole(NamedTuple):
    """One role the user holds today, with where its unit sits in the tree."""

    role: str
    unit_id: int
    path: str
    kind: str


def active_roles(*, user: Any) -> list[ActiveRole]:
    """The user's roles in force today, read from the scope (computed once per request)."""
    return [ActiveRole(g.role, g.unit_id, g.path, g.kind) for g in scope_of(user).grants]


def units_in_scope(*, viewer: Any, roles: frozenset[str] | None = None) -> QuerySet[Unit]:
    """The units in the viewer's subtrees (reached through ``roles``, if given), in tree order."""
    scope = scope_of(viewer)
    if scope.superuser:
        return Unit.objects.order_by("path")
    return subtree_units(scope.paths(roles)).order_by("path")


def units_of_user(*, user: Any) -> list[Unit]:
    """The units in which the user holds an active role, for the unit switcher.

    Read once per request and date (kept on the user object, as the scope is): the switcher,
    the home panels and the lists each ask for them."""
    key = datetime.date.today()
    kept: dict[datetime.date, list[Unit]] | None = getattr(user, "_doimoi_units", None)
    if kept is None or key not in kept:
        kept = {key: _units_of_user(user, key)}
        if getattr(user, "pk", None) is not None:
            user._doimoi_units = kept
    return list(kept[key])


def _units_of_user(user: Any, on: datetime.date) -> list[Unit]:
    """Kept under the scope stamp, as the scope is."""

    def read() -> list[Unit]:
        ids = Membership.objects.active(on).filter(person__user=user).values_list("unit_id")
        return list(Unit.objects.filter(pk__in=ids).order_by("path"))

    return kept("units", user, on, read)


def unit_tree(*, include_closed: bool = True) -> QuerySet[Unit]:
    """Every unit in tree order (the tree's names are visible to every signed-in user)."""
    qs = Unit.objects.order_by("path")
    if not include_closed:
        qs = qs.filter(Q(valid_to__isnull=True) | Q(valid_to__gt=datetime.date.today()))
    return qs


def unit_roots() -> QuerySet[Unit]:
    """The units at the top of the tree."""
    return Unit.objects.get_root_nodes()


def units_named(units: QuerySet[Unit], query: str) -> QuerySet[Unit]:
    """Those of ``units`` whose name, short name or code holds every word of ``query``, accents
    folded ("dang uy" → Đảng ủy)."""
    for word in fold(query).split():
        units = units.filter(name_folded__contains=word)
    return units


def unit_search(*, query: str) -> QuerySet[Unit]:
    """Units whose name or short name matches ``query`` with accents folded ("dang uy" → Đảng ủy)."""
    return units_named(Unit.objects.order_by("path"), query)


def unit_members(*, unit: Unit) -> QuerySet[Membership]:
    """The people holding roles in ``unit`` today, or on its last day if it has closed (the caller
    has checked the viewer may see them)."""
    on = datetime.date.today()
    if unit.valid_to is not None and unit.valid_to <= on:
        on = unit.valid_to - datetime.timedelta(days=1)
    return Membership.objects.active(on).filter(unit=unit).select_related("person")


def people_of_unit(*, unit: Unit) -> QuerySet[Person]:
    """The people holding a role today in ``unit`` or a unit under it (its office, its boards)."""
    held = Membership.objects.active().filter(unit__path__under=unit.path)
    return Person.objects.filter(pk__in=held.values("person_id")).order_by("full_name")


def unit_history(*, unit: Unit) -> dict[str, QuerySet[UnitSuccession]]:
    """What ``unit`` came from and what it became."""
    return {
        "from": unit.predecessions.select_related("predecessor").order_by("effective"),
        "into": unit.successions.select_related("successor").order_by("effective"),
    }


def unit_ancestors(*, unit: Unit) -> QuerySet[Unit]:
    """The units above ``unit``, from the root down."""
    return Unit.objects.get_ancestors(unit)


def unit_children(*, unit: Unit) -> QuerySet[Unit]:
    """The units directly below ``unit``."""
    return Unit.objects.get_children(unit).order_by("name")


def _admin_prefixes(viewer: Any) -> Q | None:
    """A filter on unit paths for the subtrees ``viewer`` administers; None means every unit."""
    from doimoi.organizations.rules import admin_paths

    if viewer.is_superuser:
        return None
    query = Q(pk__in=[])
    for path in admin_paths(viewer):
        query |= Q(path__under=path)
    return query


def admin_units(*, viewer: Any, in_force: bool = True) -> QuerySet[Unit]:
    """The units ``viewer`` administers (their subtrees), in tree order."""
    qs = Unit.objects.order_by("path")
    prefixes = _admin_prefixes(viewer)
    if prefixes is not None:
        qs = qs.filter(prefixes)
    if in_force:
        today = datetime.date.today()
        qs = qs.filter(Q(valid_to__isnull=True) | Q(valid_to__gt=today), valid_from__lte=today)
    return qs


def people_list(*, viewer: Any, query: str = "") -> QuerySet[Person]:
    """The people holding or having held a position in a unit ``viewer`` administers."""
    qs = Person.objects.select_related("user").order_by("full_name", "pk")
    prefixes = _admin_prefixes(viewer)
    if prefixes is not None:
        units = Unit.objects.filter(prefixes).values("pk")
        qs = qs.filter(pk__in=Membership.objects.filter(unit__in=units).values("person_id"))
    words = fold(query).split()
    if words:  # names are matched without accents ("nguyen thu ha" finds Nguyễn Thu Hà)
        names = qs.values_list("pk", "full_name")
        qs = qs.filter(pk__in=[pk for pk, name in names if all(w in fold(name) for w in words)])
    return qs


def person_get(*, viewer: Any, pk: int) -> Person | None:
    """One person, if ``viewer`` administers a unit where the person holds or held a position."""
    return people_list(viewer=viewer).filter(pk=pk).first()


def person_positions(*, person: Person) -> QuerySet[Membership]:
    """Every position of ``person``, present and past, the latest first."""
    return (
        Membership.objects.filter(person=person)
        .select_related("unit")
        .order_by("-valid_from", "unit__name", "pk")
    )
