"""PostgreSQL backend: a tsvector (simple dictionary, over the folded text, positions stripped)
with a GIN index."""

from __future__ import annotations

from typing import Any

from django.db import connection

TABLE = "documents_search"
PREFIX_MIN = 3


def _tsquery(words: list[str]) -> str:
    """Every word; the last one also as a prefix once it has three letters."""
    *head, last = words
    return " & ".join([*head, f"{last}:*" if len(last) >= PREFIX_MIN else last])


class PostgresBackend:
    def index(self, document_id: int, body: str, fresh: bool = False) -> None:
        # positions stripped: nothing here needs them, and the rows stay small to scan
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {TABLE}(document_id, vector) "
                "VALUES (%s, strip(to_tsvector('simple', %s))) "
                "ON CONFLICT (document_id) DO UPDATE SET vector = EXCLUDED.vector",
                [document_id, body],
            )

    def remove(self, document_id: int) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE} WHERE document_id = %s", [document_id])

    def count_upto(self, words: list[str], most: int) -> int:
        """How many documents match, counting no further than ``most``."""
        sql = (
            f"SELECT count(*) FROM (SELECT 1 FROM {TABLE} "
            "WHERE vector @@ to_tsquery('simple', %s) LIMIT %s) t"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [_tsquery(words), most])
            return int(cursor.fetchone()[0])

    def ranked(self, words: list[str]) -> list[int]:
        """Every matching id, best first (ts_rank); only called when they are few."""
        sql = (
            f"SELECT document_id FROM {TABLE}, to_tsquery('simple', %s) q WHERE vector @@ q "
            "ORDER BY ts_rank(vector, q) DESC, document_id DESC"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [_tsquery(words)])
            return [row[0] for row in cursor.fetchall()]

    def recent(self, words: list[str], before: int | None, size: int) -> list[int]:
        """Matching ids, highest (newest) first, below ``before``."""
        where = "vector @@ to_tsquery('simple', %s)" + (
            " AND document_id < %s" if before is not None else ""
        )
        params: list[Any] = [_tsquery(words)] + ([before] if before is not None else [])
        sql = f"SELECT document_id FROM {TABLE} WHERE {where} ORDER BY document_id DESC LIMIT %s"
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, size])
            return [row[0] for row in cursor.fetchall()]
