"""Reading documents, always scoped to the viewer (unit subtree and clearance).

Other apps call these (keep the signatures stable):

- ``document_get(*, viewer, pk) -> Document`` (raises ``Document.DoesNotExist`` when not visible)
- ``document_list(*, viewer, ...) -> QuerySet[Document]``
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.db.models import Max, QuerySet

from doimoi.documents import search
from doimoi.documents.models import (
    Document,
    DocumentState,
    IncomingEntry,
    IngestJob,
    OutgoingEntry,
)
from doimoi.documents.models.access import clearances_of_user_id
from doimoi.documents.rules import INGEST_ROLES
from doimoi.documents.search import words_of
from doimoi.documents.search.snippets import highlight, snippet
from doimoi.documents.services.common import canonical_number, symbol_key
from doimoi.organizations.models import Unit
from doimoi.organizations.selectors import units_in_scope


def document_list(
    *,
    viewer: Any,
    unit: Unit | None = None,
    kind: str = "",
    type_code: str = "",
    issuer: Unit | None = None,
    year: int | None = None,
    confidentiality: int | None = None,
    state: str = "",
    include_placeholders: bool = False,
    include_merged: bool = False,
) -> QuerySet[Document]:
    """Documents ``viewer`` may see, newest first, narrowed by the filters given.

    ``unit`` keeps documents held by (or issued in) that unit's subtree; ``issuer`` those
    issued by that unit's subtree.
    """
    qs = Document.objects.restrict(viewer, "view")
    if not include_merged:  # a duplicate merged into another lives on as that one
        qs = qs.filter(merged_into=None)
    if not include_placeholders:
        qs = qs.exclude(state=DocumentState.PLACEHOLDER)
    if unit is not None:
        qs = qs.filter(unit__path__under=unit.path) | qs.filter(issuer_unit__path__under=unit.path)
    if issuer is not None:
        qs = qs.filter(issuer_unit__path__under=issuer.path)
    if kind:
        qs = qs.filter(kind=kind)
    if type_code:
        qs = qs.filter(type_code=type_code)
    if year:
        qs = qs.filter(date__gte=datetime.date(year, 1, 1), date__lt=datetime.date(year + 1, 1, 1))
    if confidentiality is not None:
        qs = qs.filter(confidentiality=confidentiality)
    if state:
        qs = qs.filter(state=state)
    return qs.select_related("issuer_unit", "unit").order_by("-date", "-pk")


def document_get(*, viewer: Any, pk: int) -> Document:
    """The document ``pk`` if ``viewer`` may see it (placeholders included)."""
    return document_list(viewer=viewer, include_placeholders=True, include_merged=True).get(pk=pk)


def document_namesakes(*, viewer: Any, document: Document) -> list[Document]:
    """Other documents of the same holding unit with the same number and symbol, that ``viewer``
    may change: the ones ``document`` may be merged into (none for a document without a number;
    another unit's record of the same document is its own, never merged into this one)."""
    if document.is_placeholder or document.merged_into_id or not document.number:
        return []
    qs = Document.objects.restrict(viewer, "change")
    return list(
        qs.filter(
            unit=document.unit_id,
            number=document.number,
            symbol_key=document.symbol_key,
            merged_into=None,
        )
        .exclude(pk=document.pk)
        .exclude(state=DocumentState.PLACEHOLDER)
        .select_related("unit", "issuer_unit")
        .order_by("pk")
    )


@dataclass
class Hit:
    """One search result: the document, its title and a snippet with the words marked."""

    document: Document
    title: str
    snippet: str


@dataclass
class SearchPage:
    """A page of search results."""

    query: str
    hits: list[Hit] = field(default_factory=list)
    total: int | None = 0  # None: more than search.RANK_MOST (then newest first)
    offset: int = 0
    limit: int = 20


def document_search(
    *,
    viewer: Any,
    query: str,
    limit: int = 20,
    offset: int = 0,
    prefix: bool = False,
    snippets: bool = True,
    **filters: Any,
) -> SearchPage:
    """Documents matching ``query`` (accents and đ/d ignored) that ``viewer`` may see, best first.

    Words match whole, or as prefixes where typed with a trailing "*"; ``prefix``: the last word
    too (the type-ahead box, while the user types). ``snippets=False``: hits carry the plain
    title and no snippet, and the documents' texts are not read (the API shows neither)."""
    words = words_of(query, prefix_last=prefix)
    page = SearchPage(query=query, offset=offset, limit=limit)
    if not words:
        return page
    scope = document_list(viewer=viewer, **filters).order_by()
    ids, page.total = search.search(words, scope, limit, offset)
    if offset == 0:  # "1335-CV/TU" typed in full: that document first
        exact = list(_by_reference(query, scope).order_by("-date", "-pk")[:limit])
        ids = [*exact, *(i for i in ids if i not in exact)][:limit]
    documents = Document.objects.select_related("issuer_unit")
    found = (documents if snippets else documents.defer("text")).in_bulk(ids)
    page.hits = [_hit(found[i], words, snippets) for i in ids if i in found]
    return page


def _hit(document: Document, words: list[str], snippets: bool) -> Hit:
    if not snippets:
        return Hit(document, document.title, "")
    return Hit(document, highlight(document.title, words), snippet(document.text, words))


_REFERENCE = re.compile(r"^\s*(\d{1,5})\s*[-/\s]\s*(\S+)\s*$")


def _by_reference(query: str, scope: QuerySet[Document]) -> QuerySet[Any]:
    """Documents in ``scope`` whose number and symbol are the query ("1335-CV/TU", "1335 CV/TU",
    "05/QĐ-UBND")."""
    found = _REFERENCE.match(query)
    if found is None:
        return scope.none().values_list("pk", flat=True)
    number, symbol = canonical_number(found.group(1)), symbol_key(found.group(2))
    return scope.filter(number=number, symbol_key=symbol).values_list("pk", flat=True)


def incoming_register(*, viewer: Any, unit: Unit, year: int) -> QuerySet[IncomingEntry]:
    """A unit's incoming register for a year, only the entries whose document ``viewer`` may see."""
    return (
        IncomingEntry.objects.restrict(viewer, "view")
        .filter(unit=unit, year=year)
        .select_related("document", "handler", "registered_by")
        .order_by("-seq")
    )


def outgoing_register(*, viewer: Any, unit: Unit, year: int) -> QuerySet[OutgoingEntry]:
    """A unit's outgoing register for a year; classified entries only for cleared viewers."""
    qs = OutgoingEntry.objects.restrict(viewer, "view").filter(unit=unit, date__year=year)
    return qs.select_related("document").order_by("-date", "-seq")


def clearance_level(*, user_id: int, unit_id: int) -> int:
    """The highest level ``user_id`` is cleared for over the unit ``unit_id`` today."""
    path = Unit.objects.filter(pk=unit_id).values_list("path", flat=True).first() or ""
    today = datetime.date.today()
    return max(
        (level for upath, level in clearances_of_user_id(user_id, today) if path.startswith(upath)),
        default=0,
    )


def ingest_units(*, viewer: Any) -> QuerySet[Unit]:
    """Units ``viewer`` may ingest documents for (their own and those below)."""
    return units_in_scope(viewer=viewer, roles=INGEST_ROLES)


def register_units(*, viewer: Any) -> QuerySet[Unit]:
    """Units whose registers ``viewer`` may open."""
    return units_in_scope(viewer=viewer)


def recent_jobs(*, viewer: Any, limit: int = 10) -> QuerySet[IngestJob]:
    """The viewer's latest ingest batches."""
    return IngestJob.objects.restrict(viewer, "view").select_related("unit")[:limit]


def issuer_units(*, viewer: Any) -> QuerySet[Unit]:
    """The units that issued a document ``viewer`` may see (the issuer filter's picker)."""
    seen = document_list(viewer=viewer).exclude(issuer_unit=None).order_by()
    return Unit.objects.filter(pk__in=seen.values("issuer_unit"))


TYPE_CODES_KEPT = 300  # seconds


def type_codes(*, viewer: Any) -> list[str]:
    """The document types present among what ``viewer`` may see (for the filter).

    Reading them scans every document the viewer sees (190 of the search page's 290 ms at
    100,000 documents, bench/floors.py), and they seldom change: they are kept a few minutes
    per user, and read again as soon as a document is added."""
    newest = Document.objects.aggregate(newest=Max("pk"))["newest"]
    key = f"documents.type_codes:{viewer.pk}:{datetime.date.today()}:{newest}"
    codes: list[str] | None = cache.get(key)
    if codes is None:
        qs = document_list(viewer=viewer).exclude(type_code="").order_by()
        codes = sorted(set(qs.values_list("type_code", flat=True).distinct()[:200]))
        cache.set(key, codes, TYPE_CODES_KEPT)
    return codes
