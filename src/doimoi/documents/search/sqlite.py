"""SQLite FTS5 backend: an FTS5 table keyed by the document's id, holding the document's terms
(cut in Python, see ``search.terms``) separated by spaces."""

from __future__ import annotations

from django.db import connection

from doimoi.documents.search import Match, Statement, prefix

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

    def newest(self, words: list[str], before: int | None, size: int) -> Statement:
        """Matching ids, newest first, below ``before`` (FTS5 streams these in order)."""
        below = "" if before is None else " AND rowid < %s"
        sql = (
            f"SELECT rowid AS id, NULL AS r FROM {TABLE} WHERE {TABLE} MATCH %s{below}"
            " ORDER BY rowid DESC LIMIT %s"
        )
        return sql, (_match(words), *([] if before is None else [before]), size)

    def among(self, column: str, ids: str) -> str:
        return f"{column} IN ({ids})"

    def best_first(self, words: list[str], matches: list[Match]) -> list[int]:
        """By BM25, as FTS5 orders them (its order among equal ranks is its own)."""
        sql = f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s ORDER BY rank"
        with connection.cursor() as cursor:
            cursor.execute(sql, [_match(words)])
            return [row[0] for row in cursor.fetchall()]
