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
from typing import Protocol

from django.db import connection
from django.db.models import QuerySet

from doimoi.core.statements import Statement, statement_of
from doimoi.core.text import fold

_TERM = re.compile(r"[^\W_]+")
_QUERY_WORD = re.compile(r"([^\W_]+)(\*?)")
LONGEST = 60  # a longer run of letters is no word (a hash, OCR lines glued): indexed by neither
PREFIX_MIN = 2  # a shorter prefix is matched as a whole word
MAX_WORDS = 12


RANK_MOST = 1000  # up to this many matches are ranked by relevance; beyond, newest first
CHUNK = 500
MAX_CHUNKS = 20

# id, rank (None: the backend ranks apart), whether the viewer sees it (None: not asked)
Match = tuple[int, float | None, bool | None]


class Backend(Protocol):
    """What a search backend does."""

    def index(self, document_id: int, body: str, fresh: bool = False) -> None: ...

    def remove(self, document_id: int) -> None: ...

    def matches(
        self,
        words: list[str],
        scoped: Statement,
        before: int | None,
        size: int,
        few: int,
        wanted: int = 0,
    ) -> list[Match]:
        """The newest ``size`` matches below ``before``, newest first, and whether the viewer
        (``scoped``: the ids they see, as "pk") sees each: every one when there are no more
        than ``few``, else at least the newest CHUNK (``wanted``: how many seen the page needs,
        a backend may ask about more to spare a second statement)."""
        ...

    def best_first(self, words: list[str], matches: list[Match]) -> list[int]:
        """The ids of all the matches (each seen), best first."""
        ...


def search(
    words: list[str],
    scope: QuerySet | Statement,
    limit: int,
    offset: int,
    rank_most: int = RANK_MOST,
) -> tuple[list[int], int | None]:
    """Ids of the page of ``scope`` matching ``words``, and the total (None: more than RANK_MOST).

    The newest ``rank_most + 1`` matches are read with whether the viewer may see them (on
    PostgreSQL in one statement, the full-text query joined with the viewer's scope): when there
    are no more than ``rank_most``, those seen are ranked by relevance (BM25 / ts_rank); when
    there are more, the page is read newest first, going on in chunks while the viewer sees too
    few, so a word found in nearly every document costs no more than a rare one."""
    engine, scoped = backend(), _statement(scope)
    head = engine.matches(words, scoped, None, rank_most + 1, rank_most, offset + limit)
    if len(head) <= rank_most:
        seen = {i for i, _r, visible in head if visible}
        ranked = [i for i in engine.best_first(words, head) if i in seen]
        return ranked[offset : offset + limit], len(ranked)
    asked = [match for match in head if match[2] is not None]
    found = [i for i, _r, visible in asked if visible]
    if len(found) < offset + limit:
        found += _newest(engine, words, scoped, asked, offset + limit - len(found))
    return found[offset : offset + limit], None


def _statement(scope: QuerySet | Statement) -> Statement:
    """The viewer's documents as SQL selecting their ids as "pk" (a queryset's, or compiled and
    kept)."""
    return statement_of(scope.values("pk")) if isinstance(scope, QuerySet) else scope


def _newest(
    engine: Backend, words: list[str], scoped: Statement, head: list[Match], wanted: int
) -> list[int]:
    """The next ``wanted`` matches the viewer may see after ``head`` (those asked about), read
    in chunks, no further than the newest CHUNK × MAX_CHUNKS matches."""
    found: list[int] = []
    before, read = head[-1][0], len(head)
    while len(found) < wanted and read < CHUNK * MAX_CHUNKS:
        size = min(CHUNK, CHUNK * MAX_CHUNKS - read)
        chunk = engine.matches(words, scoped, before, size, size)
        if not chunk:
            break
        found += [i for i, _r, visible in chunk if visible]
        before, read = chunk[-1][0], read + len(chunk)
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
