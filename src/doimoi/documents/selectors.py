"""Reading documents, always scoped to the viewer (unit subtree and clearance).

Other apps call these (keep the signatures stable):

- ``document_get(*, viewer, pk) -> Document`` (raises ``Document.DoesNotExist`` when not visible)
- ``document_list(*, viewer, ...) -> QuerySet[Document]``
"""

from __future__ import annotations

import datetime
import functools
import json
import re
from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.db import connection
from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet

from doimoi.core.statements import Statement, Statements, statement_of
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
from doimoi.organizations.scope import scope_of
from doimoi.organizations.selectors import units_in_scope

# What no list of documents shows: the text (up to a whole document's) and its parse, read with
# every row they would be most of what a list page's statement carries.
UNSHOWN = ("text", "parsed")


def unshown(relation: str) -> tuple[str, ...]:
    """``UNSHOWN`` of the document behind ``relation``, for ``defer()`` on a read that joins it
    to name it (its reference, its title) and never shows its text."""
    return tuple(f"{relation}__{column}" for column in UNSHOWN)


def shown(relation: str) -> tuple[str, ...]:
    """Every column but ``UNSHOWN`` of the document behind ``relation``, for ``only()`` (which
    ``defer()`` cannot narrow further once it names the relation)."""
    columns = (f.name for f in Document._meta.concrete_fields if f.name not in UNSHOWN)
    return tuple(f"{relation}__{column}" for column in columns)


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


_COUNTS = Statements(512)


def document_count(*, viewer: Any, **filters: Any) -> int:
    """How many documents ``document_list(viewer=viewer, **filters)`` holds, by its count
    compiled once per (viewer's scope, filters): on the list page, building the scoped queryset
    and compiling its count cost more than running it."""
    chosen = tuple(sorted((k, getattr(v, "path", v)) for k, v in filters.items()))
    sql, params = _COUNTS.compiled(
        (scope_of(viewer), chosen),
        lambda: document_list(viewer=viewer, **filters).order_by().values("pk"),
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM ({sql}) counted", params)
        return int(cursor.fetchone()[0])


def document_get(*, viewer: Any, pk: int) -> Document:
    """The document ``pk`` if ``viewer`` may see it (placeholders included)."""
    return document_list(viewer=viewer, include_placeholders=True, include_merged=True).get(pk=pk)


def documents_with_access(*, viewer: Any, ids: set[int]) -> dict[int, Document]:
    """The documents ``ids`` (without their texts) that a page names, each with ``open``:
    whether ``viewer`` may open it (``documents.view_document``, which is the scope's ``view``,
    as here), in one statement for all. Whether each is open is its id among the visible ones
    of ``ids``: asked per row (a correlated EXISTS), PostgreSQL spent longer planning the
    statement than the page's other statements together (1.6 ms against 0.7). The statement is
    compiled once per (viewer's scope, ids): building it cost the assignment page 2 ms of Python
    for 0.3 ms of SQL; the rows are read through ``raw()``, with the ORM's conversions."""
    key = (connection.vendor, scope_of(viewer), tuple(sorted(ids)))
    sql, params = _NAMED.get(key, lambda: _with_access(viewer, ids))
    documents = {d.pk: d for d in Document.objects.raw(sql, params)}
    for d in documents.values():
        d.open = bool(d.open)  # type: ignore[attr-defined]  # SQLite answers 0 or 1
    return documents


_NAMED = Statements(512)


def _with_access(viewer: Any, ids: set[int]) -> Statement:
    visible = Document.objects.restrict(viewer).filter(pk__in=ids).values("pk")
    open_ = ExpressionWrapper(Q(pk__in=visible), output_field=BooleanField())
    rows = Document.objects.filter(pk__in=ids).defer(*UNSHOWN).annotate(open=open_).order_by()
    return statement_of(rows)


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
    title and no snippet, and the documents' texts are not read (the API shows neither).

    The hits' documents come without their parser's report and recipients (read when asked
    for); when there are no snippets, with only the fields a list shows (``LISTED``), the rest
    read when asked for (a statement each)."""
    words = words_of(query, prefix_last=prefix)
    page = SearchPage(query=query, offset=offset, limit=limit)
    if not words:
        return page
    scoped = _scoped(viewer, filters)
    ids, page.total = search.search(words, scoped, limit, offset)
    if offset == 0:  # "1335-CV/TU" typed in full: that document first
        exact = _by_reference(query, scoped, limit)
        ids = [*exact, *(i for i in ids if i not in exact)][:limit]
    found = _documents(ids, with_text=snippets)
    page.hits = [_hit(found[i], words, snippets) for i in ids if i in found]
    return page


def _hit(document: Document, words: list[str], snippets: bool) -> Hit:
    if not snippets:
        return Hit(document, document.title, "")
    return Hit(document, highlight(document.title, words), snippet(document.text, words))


_SCOPED = Statements(512)
_TABLE = Document._meta.db_table


def _column(name: str) -> str:
    return f"{connection.ops.quote_name(_TABLE)}.{connection.ops.quote_name(name)}"


def _scoped(viewer: Any, filters: dict[str, Any]) -> Statement:
    """The ids of the documents ``viewer`` sees under ``filters`` (``document_list``) as SQL
    ending in its WHERE condition, so a caller adds its own with `` AND …``. Compiled once per
    (viewer's scope, filters): building the scope's subqueries and compiling them cost several
    times what running the statement does (bench/floors.py's search rows). The SQL is a function
    of that key alone, so nothing needs forgetting when data changes."""
    chosen = tuple(sorted((k, v.path if isinstance(v, Unit) else v) for k, v in filters.items()))
    key = (connection.vendor, scope_of(viewer), chosen)

    def compile_() -> Statement:
        qs = document_list(viewer=viewer, **filters).order_by().values_list("pk", flat=True)
        sql, params = qs.query.sql_with_params()
        table = f" FROM {connection.ops.quote_name(_TABLE)}"
        where = sql.find(" WHERE ", sql.index(table))
        if where < 0:
            return f"{sql} WHERE 1 = 1", tuple(params)
        return f"{sql[:where]} WHERE ({sql[where + 7 :]})", tuple(params)

    return _SCOPED.get(key, compile_)


def _among(ids: list[int]) -> tuple[str, list[Any]]:
    """The condition "the document's id is one of ``ids``" as one parameter, so the statement's
    text is the same whatever the ids (SQLite keeps it prepared) and PostgreSQL parses one
    array, not up to 1,000 literals (half the time of ``IN (…)`` for a chunk of 500)."""
    if connection.vendor == "postgresql":
        return f"{_column('id')} = ANY(%s)", [ids]
    return f"{_column('id')} IN (SELECT value FROM json_each(%s))", [json.dumps(ids)]


_REFERENCE = re.compile(r"^\s*(\d{1,5})\s*[-/\s]\s*(\S+)\s*$")


def _by_reference(query: str, scoped: Statement, limit: int) -> list[int]:
    """Documents in scope whose number and symbol are the query ("1335-CV/TU", "1335 CV/TU",
    "05/QĐ-UBND"), newest first."""
    found = _REFERENCE.match(query)
    if found is None:
        return []
    number, symbol = canonical_number(found.group(1)), symbol_key(found.group(2))
    sql, params = scoped
    c = _column
    sql += (
        f" AND {c('number')} = %s AND {c('symbol_key')} = %s"
        f" ORDER BY {c('date')} DESC, {c('id')} DESC LIMIT {int(limit)}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, number, symbol])
        return [row[0] for row in cursor.fetchall()]


_HEAVY = ("text", "parsed", "recipients")  # read for no hit: the parser's report, the list
# What a hit without snippet (the API's list, api.DocumentOut) shows: its other columns are left
# unread (deferred): the other columns, timestamps among them, were half of reading the API's
# 100 hits and writing them out (4.0 -> 2.1 ms, PostgreSQL, bench data set).
LISTED = (
    "id",
    "state",
    "kind",
    "number",
    "symbol",
    "type_code",
    "type_name",
    "issuer_name",
    "issuer_unit",
    "date",
    "title",
    "confidentiality",
    "urgency",
)


def _documents(ids: list[int], with_text: bool) -> dict[int, Document]:
    """The hits' documents by id, with their metadata and text, nothing joined; without text,
    only what a list shows (``LISTED``)."""
    if not ids:
        return {}
    among, params = _among(ids)
    sql = f"{_documents_select(connection.vendor, with_text)} WHERE {among}"
    return {d.pk: d for d in Document.objects.raw(sql, params)}


@functools.cache
def _documents_select(vendor: str, with_text: bool) -> str:
    """The hits' SELECT up to its WHERE, written once (quoting 30 columns cost a search 0.2 ms)."""
    fields = Document._meta.concrete_fields
    if with_text:
        columns = [_column(f.attname) for f in fields if f.name not in _HEAVY[1:]]
    else:
        columns = [_column(f.attname) for f in fields if f.name in LISTED]
    return f"SELECT {', '.join(columns)} FROM {connection.ops.quote_name(_TABLE)}"


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


def _newest_id() -> int | None:
    """The highest document id, by one written-out statement (building the ORM's aggregate cost
    more than running it)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT MAX({_column('id')}) FROM {connection.ops.quote_name(_TABLE)}")
        row = cursor.fetchone()
    return row[0] if row else None


def type_codes(*, viewer: Any) -> list[str]:
    """The document types present among what ``viewer`` may see (for the filter).

    Reading them scans every document the viewer sees (190 of the search page's 290 ms at
    100,000 documents, bench/floors.py), and they seldom change: they are kept a few minutes
    per user, and read again as soon as a document is added."""
    newest = _newest_id()
    key = f"documents.type_codes:{viewer.pk}:{datetime.date.today()}:{newest}"
    codes: list[str] | None = cache.get(key)
    if codes is None:
        qs = document_list(viewer=viewer).exclude(type_code="").order_by()
        codes = sorted(set(qs.values_list("type_code", flat=True).distinct()[:200]))
        cache.set(key, codes, TYPE_CODES_KEPT)
    return codes
