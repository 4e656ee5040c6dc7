"""Who may see, ingest, review and number documents.

Seeing and changing a document is decided by ``Document.access`` (the one scope, see
``organizations.scope``): a document is seen in the subtrees of the unit holding it, the unit
issuing it and the units holding a copy, classified ones only with a clearance for that level;
it is changed only by an ingesting role of the holder or the issuer, never through a copy.
"""

from __future__ import annotations

from typing import Any

import rules

from doimoi.documents.models import Document, IngestJob
from doimoi.documents.models.documents import INGEST_ROLES, NUMBER_ROLES
from doimoi.organizations.models import Unit
from doimoi.organizations.scope import may, scope_of

__all__ = ["INGEST_ROLES", "NUMBER_ROLES"]


@rules.predicate
def can_see_document(user: Any, document: Document | None) -> bool:
    return may(user, document, "view")


@rules.predicate
def may_review(user: Any, document: Document | None) -> bool:
    """Who may correct a document's metadata: an ingesting role of its holder or issuer."""
    return may(user, document, "change")


@rules.predicate
def may_confirm_issuer(user: Any, document: Document | None) -> bool:
    """The issuer's people confirm an unverified received copy is theirs."""
    if document is None or document.issuer_confirmed:
        return False
    return scope_of(user).covers(document.issuer_unit, INGEST_ROLES) and may(user, document)


@rules.predicate
def may_ingest_in(user: Any, unit: Unit | None) -> bool:
    return scope_of(user).covers(unit, INGEST_ROLES)


@rules.predicate
def may_number_in(user: Any, unit: Unit | None) -> bool:
    return scope_of(user).covers(unit, NUMBER_ROLES)


@rules.predicate
def may_see_registers_of(user: Any, unit: Unit | None) -> bool:
    return scope_of(user).covers(unit)


@rules.predicate
def may_ingest_somewhere(user: Any) -> bool:
    scope = scope_of(user)
    return scope.authenticated and (scope.superuser or bool(scope.paths(INGEST_ROLES)))


@rules.predicate
def may_follow_job(user: Any, job: IngestJob | None) -> bool:
    """A batch is followed by the person who sent it (its files' names are theirs)."""
    return may(user, job, "view")


rules.add_perm("documents.view_documents", rules.is_authenticated)
rules.add_perm("documents.ingest_any", may_ingest_somewhere)
rules.add_perm("documents.view_ingest_job", may_follow_job)
rules.add_perm("documents.view_document", can_see_document)
rules.add_perm("documents.ingest_document", may_ingest_in)
rules.add_perm("documents.change_document", may_review)
rules.add_perm("documents.confirm_issuer", may_confirm_issuer)
rules.add_perm("documents.take_outgoing_number", may_number_in)
rules.add_perm("documents.view_register", may_see_registers_of)
rules.add_perm("documents.grant_clearance", rules.is_superuser)
