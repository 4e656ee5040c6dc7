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


class Backend(Protocol):
    """What a search backend does."""

    def index(self, document_id: int, body: str) -> None: ...

    def remove(self, document_id: int) -> None: ...

    def search(
        self, words: list[str], scope: QuerySet, limit: int, offset: int
    ) -> tuple[list[int], int]: ...


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
