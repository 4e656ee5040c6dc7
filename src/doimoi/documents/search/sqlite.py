"""SQLite FTS5 backend: an FTS5 table keyed by the document's id, holding the document's terms
(cut in Python, see ``search.terms``) separated by spaces."""

from __future__ import annotations

from typing import Any

from django.db import connection

from doimoi.documents.search import prefix

TABLE = "documents_search"


def _match(words: list[str]) -> str:
    """FTS5 query: every word, whole, or as a prefix where the word asks for it ("thuc*")."""
    return " ".join(f'"{w}"' if prefix(w) is None else f'"{prefix(w)}"*' for w in words)


class SqliteBackend:
    def index(self, document_id: int, body: str, fresh: bool = False) -> None:
        with connection.cursor() as cursor:
            if not fresh:
                cursor.execute(f"DELETE FROM {TABLE} WHERE rowid = %s", [document_id])
            cursor.execute(f"INSERT INTO {TABLE}(rowid, body) VALUES (%s, %s)", [document_id, body])

    def remove(self, document_id: int) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE} WHERE rowid = %s", [document_id])

    def count_upto(self, words: list[str], most: int) -> int:
        """How many documents match, counting no further than ``most``."""
        sql = f"SELECT count(*) FROM (SELECT 1 FROM {TABLE} WHERE {TABLE} MATCH %s LIMIT %s)"
        with connection.cursor() as cursor:
            cursor.execute(sql, [_match(words), most])
            return int(cursor.fetchone()[0])

    def ranked(self, words: list[str]) -> list[int]:
        """Every matching id, best first (BM25); only called when they are few."""
        sql = f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s ORDER BY rank"
        with connection.cursor() as cursor:
            cursor.execute(sql, [_match(words)])
            return [row[0] for row in cursor.fetchall()]

    def recent(self, words: list[str], before: int | None, size: int) -> list[int]:
        """Matching ids, highest (newest) first, below ``before``; FTS5 streams these in order."""
        where = f"{TABLE} MATCH %s" + (" AND rowid < %s" if before is not None else "")
        params: list[Any] = [_match(words)] + ([before] if before is not None else [])
        sql = f"SELECT rowid FROM {TABLE} WHERE {where} ORDER BY rowid DESC LIMIT %s"
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, size])
            return [row[0] for row in cursor.fetchall()]
