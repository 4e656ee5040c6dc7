"""Who may see, ingest, review and number documents.

A document is visible to people holding a role in a unit that holds a copy of it, that issued it,
or in an ancestor of such a unit (who supervise it). A classified document (Mật, Tối mật,
Tuyệt mật) is visible only through a clearance for that level or higher in that unit's subtree.
"""

from __future__ import annotations

import datetime
from functools import reduce
from operator import or_
from typing import Any

import rules
from django.db.models import Exists, OuterRef, Q

from doimoi.documents.models import Clearance, Document, DocumentCopy
from doimoi.organizations.models import Role, Unit, UnitKind
from doimoi.organizations.selectors import active_roles

INGEST_ROLES = frozenset(
    {Role.CLERK, Role.UNIT_ADMIN, Role.HEAD, Role.DEPUTY, Role.STANDING_MEMBER, Role.STAFF}
)
NUMBER_ROLES = frozenset({Role.CLERK, Role.UNIT_ADMIN, Role.HEAD, Role.DEPUTY})


def role_paths(user: Any, roles: frozenset[str] | None = None) -> set[str]:
    """Tree paths the user's active roles cover (an inspection commission's: its committee's)."""
    cached = getattr(user, "_doimoi_document_paths", None)
    if cached is None:
        cached = []
        for role, _unit, path, kind in active_roles(user=user):
            if role == Role.INSPECTOR and kind == UnitKind.INSPECTION_COMMISSION:
                path = path[: -Unit.steplen] or path
            cached.append((role, path))
        user._doimoi_document_paths = cached
    return {path for role, path in cached if roles is None or role in roles}


def clearances(user: Any) -> list[tuple[str, int]]:
    """(subtree path, level) of the user's clearances in force today."""
    cached = getattr(user, "_doimoi_clearances", None)
    if cached is None:
        today = datetime.date.today()
        rows = Clearance.objects.filter(user=user, valid_from__lte=today).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gt=today)
        )
        cached = list(rows.values_list("unit__path", "level"))
        user._doimoi_clearances = cached
    return cached


def _in_paths(paths: set[str] | list[str]) -> Q:
    """Documents held by, or issued by, a unit under one of ``paths``."""
    if not paths:
        return Q(pk__in=[])
    held = reduce(or_, (Q(unit__path__startswith=p) for p in paths))
    issued = reduce(or_, (Q(issuer_unit__path__startswith=p) for p in paths))
    copies = DocumentCopy.objects.filter(document=OuterRef("pk")).filter(
        reduce(or_, (Q(unit__path__startswith=p) for p in paths))
    )
    return held | issued | Q(Exists(copies))


def visible_q(user: Any) -> Q:
    """The filter of documents ``user`` may see (unit subtree and clearance)."""
    if user is None or not user.is_authenticated:
        return Q(pk__in=[])
    if user.is_superuser:
        return Q()
    visible = Q(confidentiality=0) & _in_paths(role_paths(user))
    for path, level in clearances(user):
        visible |= Q(confidentiality__gt=0, confidentiality__lte=level) & _in_paths([path])
    return visible


def _covers(paths: set[str], unit: Unit | None) -> bool:
    return unit is not None and any(unit.path.startswith(p) for p in paths)


@rules.predicate
def can_see_document(user: Any, document: Document | None) -> bool:
    if document is None or not user.is_authenticated:
        return False
    return Document.objects.filter(pk=document.pk).filter(visible_q(user)).exists()


@rules.predicate
def may_ingest_in(user: Any, unit: Unit | None) -> bool:
    if unit is None or not user.is_authenticated:
        return False
    return user.is_superuser or _covers(role_paths(user, INGEST_ROLES), unit)


@rules.predicate
def may_number_in(user: Any, unit: Unit | None) -> bool:
    if unit is None or not user.is_authenticated:
        return False
    return user.is_superuser or _covers(role_paths(user, NUMBER_ROLES), unit)


@rules.predicate
def may_see_registers_of(user: Any, unit: Unit | None) -> bool:
    if unit is None or not user.is_authenticated:
        return False
    return user.is_superuser or _covers(role_paths(user), unit)


@rules.predicate
def may_review(user: Any, document: Document | None) -> bool:
    """Who may correct a document's metadata: an ingesting role where a copy is held."""
    if document is None or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    paths = role_paths(user, INGEST_ROLES)
    units = [document.unit, *(c.unit for c in document.copies.select_related("unit"))]
    return any(_covers(paths, unit) for unit in units)


@rules.predicate
def may_ingest_somewhere(user: Any) -> bool:
    return user.is_authenticated and (user.is_superuser or bool(role_paths(user, INGEST_ROLES)))


@rules.predicate
def may_follow_job(user: Any, job: Any) -> bool:
    return job is not None and may_ingest_in(user, job.unit)


rules.add_perm("documents.view_documents", rules.is_authenticated)
rules.add_perm("documents.ingest_any", may_ingest_somewhere)
rules.add_perm("documents.view_ingest_job", may_follow_job)
rules.add_perm("documents.view_document", can_see_document)
rules.add_perm("documents.ingest_document", may_ingest_in)
rules.add_perm("documents.change_document", can_see_document & may_review)
rules.add_perm("documents.take_outgoing_number", may_number_in)
rules.add_perm("documents.view_register", may_see_registers_of)
rules.add_perm("documents.grant_clearance", rules.is_superuser)
