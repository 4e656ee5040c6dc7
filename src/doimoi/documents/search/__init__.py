"""Full-text search over documents, accent-insensitive both ways (đ→d too), behind one interface.

SQLite uses an FTS5 table, PostgreSQL a tsvector with a GIN index; both index the same folded
text (``core.text.fold``), so "dang uy" finds "Đảng ủy" and "Đảng ủy" finds "DANG UY".
"""

from __future__ import annotations

import re
from typing import Protocol

from django.db import connection
from django.db.models import QuerySet

from doimoi.core.text import fold

_WORD = re.compile(r"\w+")


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
    words: list[str], scope: QuerySet, limit: int, offset: int, rank_most: int = RANK_MOST
) -> tuple[list[int], int | None]:
    """Ids of the page of ``scope`` matching ``words``, and the total (None: more than RANK_MOST).

    Few matches are ranked by relevance (BM25 / ts_rank) and filtered by the viewer's scope in one
    query; many matches are read newest first, checking each row, so a word found in nearly every
    document costs no more than a rare one."""
    engine = backend()
    if engine.count_upto(words, rank_most + 1) <= rank_most:
        ids = engine.ranked(words)
        visible = set(scope.filter(pk__in=ids).values_list("pk", flat=True))
        ranked = [i for i in ids if i in visible]
        return ranked[offset : offset + limit], len(ranked)
    return _newest(engine, words, scope, offset + limit)[offset:], None


def _newest(engine: Backend, words: list[str], scope: QuerySet, wanted: int) -> list[int]:
    """The newest ``wanted`` matches within ``scope``, read in chunks from the index."""
    found: list[int] = []
    before = None
    for _round in range(MAX_CHUNKS):
        chunk = engine.recent(words, before, CHUNK)
        if not chunk:
            break
        visible = set(scope.filter(pk__in=chunk).values_list("pk", flat=True))
        found += [i for i in chunk if i in visible]
        if len(found) >= wanted:
            break
        before = chunk[-1]
    return found[:wanted]


def words_of(query: str) -> list[str]:
    """The folded words of a query, in order, without repeats."""
    return list(dict.fromkeys(_WORD.findall(fold(query))))[:12]


def backend() -> Backend:
    """The backend for the default database."""
    if connection.vendor == "postgresql":
        from doimoi.documents.search.postgres import PostgresBackend

        return PostgresBackend()
    from doimoi.documents.search.sqlite import SqliteBackend

    return SqliteBackend()


def body_of(*parts: str) -> str:
    """The folded text a document is indexed under."""
    return fold(" ".join(p for p in parts if p))
