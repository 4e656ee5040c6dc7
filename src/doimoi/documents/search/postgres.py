"""PostgreSQL backend: a tsvector (simple dictionary, over the folded text) with a GIN index."""

from __future__ import annotations

from django.db import connection
from django.db.models import QuerySet

TABLE = "documents_search"


def _tsquery(words: list[str]) -> str:
    *head, last = words
    return " & ".join([*head, f"{last}:*"])


class PostgresBackend:
    def index(self, document_id: int, body: str) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {TABLE}(document_id, body) VALUES (%s, %s) "
                "ON CONFLICT (document_id) DO UPDATE SET body = EXCLUDED.body",
                [document_id, body],
            )

    def remove(self, document_id: int) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE} WHERE document_id = %s", [document_id])

    def search(
        self, words: list[str], scope: QuerySet, limit: int, offset: int
    ) -> tuple[list[int], int]:
        inner, params = scope.values("pk").query.sql_with_params()
        where = f"s.vector @@ to_tsquery('simple', %s) AND s.document_id IN ({inner})"
        args = [_tsquery(words), *params]
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM {TABLE} s WHERE {where}", args)
            total = cursor.fetchone()[0]
            cursor.execute(
                f"SELECT s.document_id FROM {TABLE} s WHERE {where} "
                "ORDER BY ts_rank(s.vector, to_tsquery('simple', %s)) DESC, s.document_id DESC "
                "LIMIT %s OFFSET %s",
                [*args, _tsquery(words), limit, offset],
            )
            ids = [row[0] for row in cursor.fetchall()]
        return ids, total
