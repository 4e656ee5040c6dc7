"""Full-text search over documents, accent-insensitive both ways (đ→d too), behind one interface.

SQLite uses an FTS5 table, PostgreSQL a tsvector with a GIN index. Both index the same terms, cut
here in Python and never by the database's own parser: the folded text (``core.text.fold``, so "dang
uy" finds "Đảng ủy" and "Đảng ủy" finds "DANG UY") split into runs of letters and digits, numbers
without their leading zeros. "1335-CV/TU", "1335 CV/TU" and "1335 cv tu" are the same three terms,
whatever the database (PostgreSQL's parser would keep "cv/tu" as one file-path token), and
"ngày 5/3/2024" finds "05/03/2024".

Words match whole; a word typed with a trailing ``*`` ("thuc*") matches the words it begins, and
so does the last word in the type-ahead box (``prefix_last``), on both databases alike.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Protocol

from django.db import connection
from django.db.models import QuerySet

from doimoi.core.text import fold

_TERM = re.compile(r"[^\W_]+")
_QUERY_WORD = re.compile(r"([^\W_]+)(\*?)")
LONGEST = 60  # a longer run of letters is no word (a hash, OCR lines glued): indexed by neither
PREFIX_MIN = 2  # a shorter prefix is matched as a whole word
MAX_WORDS = 12


# which of some ids the viewer may see: a queryset of what they see, or a function of the ids
Visible = Callable[[list[int]], set[int]]
RANK_MOST = 1000  # up to this many matches are ranked by relevance; beyond, newest first
CHUNK = 500
MAX_CHUNKS = 20


class Backend(Protocol):
    """What a search backend does."""

    def index(self, document_id: int, body: str, fresh: bool = False) -> None: ...

    def remove(self, document_id: int) -> None: ...

    def count_upto(self, words: list[str], most: int) -> int: ...

    def ranked(self, words: list[str]) -> list[int]: ...

    def recent(self, words: list[str], before: int | None, size: int) -> list[int]: ...


def search(
    words: list[str],
    scope: QuerySet | Visible,
    limit: int,
    offset: int,
    rank_most: int = RANK_MOST,
) -> tuple[list[int], int | None]:
    """Ids of the page of ``scope`` matching ``words``, and the total (None: more than RANK_MOST).

    Few matches are ranked by relevance (BM25 / ts_rank) and filtered by the viewer's scope in one
    query; many matches are read newest first, checking each row, so a word found in nearly every
    document costs no more than a rare one."""
    engine, visible = backend(), _visible_in(scope)
    if engine.count_upto(words, rank_most + 1) <= rank_most:
        ids = engine.ranked(words)
        seen = visible(ids) if ids else set()
        ranked = [i for i in ids if i in seen]
        return ranked[offset : offset + limit], len(ranked)
    return _newest(engine, words, visible, offset + limit)[offset:], None


def _visible_in(scope: QuerySet | Visible) -> Visible:
    if isinstance(scope, QuerySet):
        return lambda ids: set(scope.filter(pk__in=ids).values_list("pk", flat=True))
    return scope


def _newest(engine: Backend, words: list[str], visible: Visible, wanted: int) -> list[int]:
    """The newest ``wanted`` matches the viewer may see, read in chunks from the index."""
    found: list[int] = []
    before = None
    for _round in range(MAX_CHUNKS):
        chunk = engine.recent(words, before, CHUNK)
        if not chunk:
            break
        seen = visible(chunk)
        found += [i for i in chunk if i in seen]
        if len(found) >= wanted:
            break
        before = chunk[-1]
    return found[:wanted]


def _term(token: str) -> str:
    return (token.lstrip("0") or "0") if token.isdigit() else token


def terms(folded: str) -> list[str]:
    """The index terms of folded text, in order: runs of letters and digits, numbers without
    their leading zeros ("05" and "5" are one number)."""
    return [_term(t) for t in _TERM.findall(folded) if len(t) <= LONGEST]


def words_of(query: str, prefix_last: bool = False) -> list[str]:
    """The terms of a query, in order, without repeats; a word to match as a prefix ends in "*"
    (typed so, or the last word when ``prefix_last``: the type-ahead box)."""
    found = [
        (_term(t), bool(star)) for t, star in _QUERY_WORD.findall(fold(query)) if len(t) <= LONGEST
    ]
    if prefix_last and found:
        found[-1] = (found[-1][0], True)
    words = [w + ("*" if star and len(w) >= PREFIX_MIN else "") for w, star in found]
    return list(dict.fromkeys(words))[:MAX_WORDS]


def prefix(word: str) -> str | None:
    """The prefix a query word asks for ("thuc*" → "thuc"), or None for a whole word."""
    return word[:-1] if word.endswith("*") else None


def backend() -> Backend:
    """The backend for the default database."""
    if connection.vendor == "postgresql":
        from doimoi.documents.search.postgres import PostgresBackend

        return PostgresBackend()
    from doimoi.documents.search.sqlite import SqliteBackend

    return SqliteBackend()


def body_of(*parts: str, folded: str = "") -> str:
    """What a document is indexed under: the terms of ``parts`` and of the already folded
    ``folded``, separated by spaces (each backend splits on spaces only)."""
    head = terms(fold(" ".join(p for p in parts if p)))
    return " ".join(head + terms(folded))
