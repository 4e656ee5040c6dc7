"""Who sees what, decided in one place: the viewer's scope and ``restrict(user, action)``.

A unit's data is visible to people holding a role in the unit or in one of its ancestors (who
supervise it); the inspectors of an inspection commission cover the committee the commission
belongs to. Classified things (Mật, Tối mật, Tuyệt mật) also need a clearance for that level
in force over the unit. ``scope_of(user)`` computes this once per request (kept on the user
object, which Django loads once per request), and keeps it in the cache between requests under
the scope stamp read with the user (``models.ScopeStamp``: a token every write to units, people,
memberships, successions and clearances changes); each domain model declares its unit fields in
an ``Access`` and gets ``restrict(user, action)`` from ``ScopedQuerySet``. Out of scope answers
404. See docs/adr/0009-one-scope.md.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache, reduce
from operator import or_
from typing import Any, Generic, TypeVar

from django.core.cache import cache
from django.db import models
from django.db.models import Q
from django.db.models.query import ModelIterable

from doimoi.organizations import lookups  # registers any_of and under
from doimoi.organizations.models import Membership, Role, Unit, UnitKind, UnitSuccession

ClearanceSource = Callable[[Any, datetime.date], Iterable[tuple[str, int]]]
# Where a row sits in the tree: the lookup of a unit foreign key ("unit", "assignment__sender"),
# or, for a many-valued relation, a function of subtree paths giving the filter (an Exists).
Placement = str | Callable[[Iterable[str]], Q]
_CLEARANCE_SOURCES: list[ClearanceSource] = []
NOTHING = Q(pk__in=[])
TOP_LEVEL = 3  # Tuyệt mật: what a superuser is cleared for
STAMP = "doimoi_scope_stamp"  # the stamp's token, read with the user (organizations.backends)
KEPT_SECONDS = 60 * 60


def register_clearance_source(source: ClearanceSource) -> None:
    """Let the app that keeps clearances (documents) feed them into every scope."""
    if source not in _CLEARANCE_SOURCES:
        _CLEARANCE_SOURCES.append(source)


@dataclass(frozen=True)
class Grant:
    """One role the user holds on the scope's date: the unit, and the subtree the role covers."""

    role: str
    unit_id: int
    path: str
    kind: str
    subtree: str


def _subtree(role: str, path: str, kind: str) -> str:
    """An inspection commission's inspectors see their committee's subtree; others their unit's."""
    if role == Role.INSPECTOR and kind == UnitKind.INSPECTION_COMMISSION:
        return path[: -Unit.steplen] or path
    return path


@dataclass(frozen=True)
class Scope:
    """What one user may reach on one date: roles with their subtrees, and clearances."""

    user_id: int | None
    superuser: bool
    on: datetime.date
    grants: tuple[Grant, ...] = ()
    clearances: tuple[tuple[str, int], ...] = ()

    @property
    def authenticated(self) -> bool:
        return self.user_id is not None

    def paths(self, roles: Iterable[str] | None = None) -> frozenset[str]:
        """Tops of the subtrees the user's roles (``roles`` only, if given) cover."""
        wanted = None if roles is None else frozenset(roles)
        return frozenset(g.subtree for g in self.grants if wanted is None or g.role in wanted)

    def covers(self, unit: Unit | None, roles: Iterable[str] | None = None) -> bool:
        """The user holds a role (one of ``roles``) in ``unit`` or above it, or is a superuser."""
        return (
            self.authenticated and unit is not None and (self.superuser or self.holds(unit, roles))
        )

    def holds(self, unit: Unit | None, roles: Iterable[str] | None = None) -> bool:
        """The user holds a role (one of ``roles``) in ``unit`` or above it (superuser or not)."""
        return unit is not None and any(unit.path.startswith(p) for p in self.paths(roles))

    def acting_units(self, roles: Iterable[str] | None = None) -> frozenset[int]:
        """Ids of the units in which the user holds one of ``roles`` (not their subtrees)."""
        wanted = None if roles is None else frozenset(roles)
        return frozenset(g.unit_id for g in self.grants if wanted is None or g.role in wanted)

    def level_over(self, unit: Unit | None) -> int:
        """The highest classification the user is cleared for over ``unit``."""
        if self.superuser:
            return TOP_LEVEL
        if unit is None:
            return 0
        return max((lvl for path, lvl in self.clearances if unit.path.startswith(path)), default=0)

    def under(self, placement: Placement, roles: Iterable[str] | None = None) -> Q:
        """Rows placed in one of the user's subtrees (an indexed subquery on the tree's paths)."""
        return units_in(placement, self.paths(roles))


def subtree_units(paths: Iterable[str]) -> models.QuerySet[Unit]:
    """The units under ``paths`` (a range scan on the tree's path index, see ``lookups``)."""
    return Unit.objects.filter(reduce(or_, (Q(path__under=p) for p in paths), NOTHING))


def subtree_ids(paths: Iterable[str]) -> lookups.Subtrees:
    """The ids of the units under ``paths``, as a subquery for ``__any_of`` or ``__in`` (the
    SQL of ``subtree_units(paths).values("pk")``, written out once: see ``lookups.Subtrees``)."""
    return lookups.Subtrees(Unit._meta.db_table, tuple(sorted(set(paths))))


def units_in(placement: Placement, paths: Iterable[str]) -> Q:
    """Rows placed under one of ``paths`` (empty paths: nothing)."""
    paths = sorted(set(paths))
    if not paths:
        return NOTHING
    if callable(placement):
        return placement(paths)
    return Q(**{f"{placement}__any_of": subtree_ids(paths)})


def _grants(user: Any, on: datetime.date) -> tuple[Grant, ...]:
    rows = Membership.objects.active(on).filter(person__user=user)
    values = rows.values_list("role", "unit_id", "unit__path", "unit__kind").order_by("pk")
    grants = [Grant(r, u, p, k, _subtree(r, p, k)) for r, u, p, k in values]
    return tuple(grants + _inherited(grants, on))


def _inherited(grants: list[Grant], on: datetime.date) -> list[Grant]:
    """Each role carried to the units its unit succeeded (merged, split, renamed; transitively,
    successions in effect on ``on``): the successor keeps its predecessors' documents, registers
    and history. Acting there is still bound by each unit's dates, so a closed unit's records are
    read, not added to."""
    found: list[Grant] = []
    seen = {(g.role, g.unit_id) for g in grants}
    frontier = grants
    while frontier:
        by_unit: dict[int, set[str]] = {}
        for g in frontier:
            by_unit.setdefault(g.unit_id, set()).add(g.role)
        edges = UnitSuccession.objects.filter(successor_id__in=by_unit, effective__lte=on)
        values = edges.values_list(
            "successor_id", "predecessor_id", "predecessor__path", "predecessor__kind"
        ).order_by("pk")
        frontier = []
        for successor, unit_id, path, kind in values:
            for role in sorted(by_unit[successor]):
                if (role, unit_id) not in seen:
                    seen.add((role, unit_id))
                    frontier.append(Grant(role, unit_id, path, kind, _subtree(role, path, kind)))
        found += frontier
    return found


def kept_key(what: str, user: Any, on: datetime.date) -> str | None:
    """The cache key of ``what`` the user's roles give on ``on``, under the scope stamp read with
    the user in this request; None (not kept) for a user loaded without it."""
    stamp = getattr(user, STAMP, None)
    return f"doimoi:{what}:{user.pk}:{on.isoformat()}:{stamp}" if stamp else None


K = TypeVar("K")


def kept(what: str, user: Any, on: datetime.date, read: Callable[[], K]) -> K:
    """``read()``, kept in the cache between requests under the stamp read with the user in this
    request (read before what is kept, so nothing kept is older than its stamp); read every time
    for a user loaded without a stamp."""
    key = kept_key(what, user, on)
    found: K | None = cache.get(key) if key else None
    if found is None:
        found = read()
        if key:
            cache.set(key, found, KEPT_SECONDS)
    return found


Parts = tuple[tuple[Grant, ...], tuple[tuple[str, int], ...]]


def _parts(user: Any, on: datetime.date) -> Parts:
    """The user's grants and clearances on ``on``, kept under the scope stamp."""

    def read() -> Parts:
        clearances = tuple(c for source in _CLEARANCE_SOURCES for c in source(user, on))
        return (_grants(user, on), clearances)

    return kept("scope", user, on, read)


def scope_of(user: Any, on: datetime.date | None = None) -> Scope:
    """The user's scope on ``on`` (today by default), computed once and kept on the user object."""
    on = on or datetime.date.today()
    if user is None or not getattr(user, "is_authenticated", False):
        return Scope(user_id=None, superuser=False, on=on)
    cached: dict[datetime.date, Scope] | None = getattr(user, "_doimoi_scope", None)
    if cached is None:
        cached = {}
        user._doimoi_scope = cached
    if on not in cached:
        grants, clearances = _parts(user, on)
        cached[on] = Scope(
            user_id=user.pk,
            superuser=bool(user.is_superuser),  # read with the user on every request
            on=on,
            grants=grants,
            clearances=clearances,
        )
    return cached[on]


def forget_scope(user: Any) -> None:
    """Drop the kept scope (after the user's roles or clearances changed in this request): the
    stamp read with the user is older than the change, so nothing is kept under it either."""
    if getattr(user, "_doimoi_scope", None) is not None:
        user._doimoi_scope = None
    if getattr(user, "_doimoi_units", None) is not None:  # organizations.selectors.units_of_user
        user._doimoi_units = None
    if getattr(user, STAMP, None) is not None:
        setattr(user, STAMP, None)


QBuilder = Callable[[Scope, str], Q]


@dataclass(frozen=True, eq=False)  # one per model, told apart by identity (a key of _filter)
class Access:
    """How a model is scoped: the unit fields that place a row in the tree, per action.

    ``units``: lookups of the unit foreign keys whose subtree holders see the row.
    ``level``: lookup of the row's classification (0 = not classified), if it has one.
    ``roles``: for actions other than "view", the roles that may take them (subtree semantics).
    ``places``: for an action, other placements than ``units`` (a copy lets its holder see a
    document, never edit it).
    ``also``: further rows the user reaches another way (the proposer of a case).
    ``only``: a condition the rows reached so far must also meet (a case once sent).
    ``own``: rows that are the user's own whatever else holds (the proposer's draft).
    """

    units: tuple[Placement, ...] = ()
    level: str | None = None
    roles: Mapping[str, frozenset[str]] = field(default_factory=dict)
    places: Mapping[str, tuple[Placement, ...]] = field(default_factory=dict)
    also: QBuilder | None = None
    only: QBuilder | None = None
    own: QBuilder | None = None

    def _roles(self, action: str) -> frozenset[str] | None:
        if action == "view":
            return None
        if action not in self.roles:
            raise ValueError(f"unknown action {action!r}")
        return self.roles[action]

    def within(self, scope: Scope, action: str, prefix: str = "") -> Q:
        """Rows placed in the user's subtrees for ``action``, before classification."""
        roles = self._roles(action)
        places = self.places.get(action, self.units)
        q = reduce(or_, (scope.under(_prefixed(u, prefix), roles) for u in places), NOTHING)
        if prefix and (self.also or self.only or self.own):
            raise ValueError("a prefixed access cannot carry also/only/own builders")
        if self.also is not None:
            q |= self.also(scope, action)
        if self.only is not None:
            q &= self.only(scope, action)
        if self.own is not None:
            q |= self.own(scope, action)
        return q

    def cleared(self, scope: Scope, prefix: str = "") -> Q:
        """Rows whose classification the user's clearances cover (all when not classified)."""
        if self.level is None:
            return Q()
        level = prefix + self.level
        q = Q(**{level: 0}) | Q(**{f"{level}__isnull": True})
        by_level: dict[int, list[str]] = {}  # one subquery per placement and level, not per path
        for path, lvl in scope.clearances:
            by_level.setdefault(lvl, []).append(path)
        for lvl, paths in sorted(by_level.items()):
            units = (_prefixed(u, prefix) for u in self.units)
            placed = reduce(or_, (units_in(u, paths) for u in units), NOTHING)
            q |= Q(**{f"{level}__lte": lvl}) & placed
        return q

    def q(self, scope: Scope, action: str = "view", prefix: str = "") -> Q:
        """The filter of rows ``scope`` may take ``action`` on (``prefix``: reached through a
        relation, as ``"parent__"`` for an assignment's parent)."""
        if not scope.authenticated:
            return NOTHING
        if scope.superuser:
            return Q()
        return _filter(self, scope, action, prefix)


@lru_cache(maxsize=1024)
def _filter(access: Access, scope: Scope, action: str, prefix: str) -> Q:
    """``access``'s filter for ``scope``, built once per scope value (the same user, roles,
    clearances and date) and kept for the next requests: building it (a subquery per placement
    and clearance) cost more than running it. A Q is never changed once built (``&``, ``|``
    and filter() make new ones; a subquery in it is cloned when a query takes it in)."""
    return access.within(scope, action, prefix) & access.cleared(scope, prefix)


def _prefixed(placement: Placement, prefix: str) -> Placement:
    if not prefix:
        return placement
    if callable(placement):
        raise ValueError("a prefixed access needs lookups, not builders")
    return prefix + placement


M = TypeVar("M", bound=models.Model)


PASSED = "_doimoi_passed"  # on a row read through restrict(): the (scope, action) pairs it passed


class ScopedQuerySet(models.QuerySet[M], Generic[M]):
    """A queryset that can keep only what a user may reach (NetBox's ``RestrictedQuerySet``).

    The rows a restricted queryset reads remember the scope object and action they passed, so
    ``may()`` on them answers without asking the database again (a page's rule and the page
    itself read the object through ``restrict`` and then check it). Only what can narrow the
    rows keeps that: a union or an ``|`` with another queryset drops it."""

    _seen: tuple[Scope, str] | None = None

    def restrict(self, user: Any, action: str = "view") -> ScopedQuerySet[M]:
        access: Access = self.model.access  # type: ignore[attr-defined]
        scope = scope_of(user)
        restricted = self.filter(access.q(scope, action))
        restricted._seen = (scope, action)
        return restricted

    def _clone(self) -> ScopedQuerySet[M]:
        clone: ScopedQuerySet[M] = super()._clone()  # type: ignore[misc]
        clone._seen = self._seen
        return clone

    def _combinator_query(self, *args: Any, **kwargs: Any) -> ScopedQuerySet[M]:
        combined: ScopedQuerySet[M] = super()._combinator_query(*args, **kwargs)  # type: ignore[misc]
        combined._seen = None
        return combined

    def __or__(self, other: Any) -> ScopedQuerySet[M]:
        return self._widened(super().__or__(other), other)

    def __xor__(self, other: Any) -> ScopedQuerySet[M]:
        return self._widened(super().__xor__(other), other)

    def _widened(self, combined: Any, other: Any) -> Any:
        """Rows of either side: what restricted one side no longer holds (one side empty,
        Django answers with the other side itself, which keeps its own)."""
        if combined is not self and combined is not other:
            combined._seen = None
        return combined

    def _fetch_all(self) -> None:
        fresh = self._result_cache is None
        super()._fetch_all()
        if fresh and self._seen is not None and self._iterable_class is ModelIterable:
            for row in self._result_cache or ():
                row.__dict__.setdefault(PASSED, set()).add(self._seen)


def _passed(obj: models.Model, scope: Scope, action: str) -> bool:
    """``obj`` was read through ``restrict`` for ``action`` under this very scope object (the
    one kept on the user for this request: a scope forgotten after a change is another)."""
    return any(s is scope and a == action for s, a in obj.__dict__.get(PASSED, ()))


def may(user: Any, obj: models.Model | None, action: str = "view") -> bool:
    """Whether ``user`` may take ``action`` on ``obj``: answered by the restricted read that
    loaded it in this request, else by one indexed query (rules use it)."""
    if obj is None or obj.pk is None:
        return False
    if _passed(obj, scope_of(user), action):
        return True
    manager = type(obj)._default_manager
    return bool(manager.all().restrict(user, action).filter(pk=obj.pk).exists())  # type: ignore[attr-defined]
