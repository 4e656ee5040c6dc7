"""SQLite FTS5 backend: a contentless-style FTS5 table keyed by the document's id."""

from __future__ import annotations

from django.db import connection
from django.db.models import QuerySet

TABLE = "documents_search"


def _match(words: list[str]) -> str:
    *head, last = words
    return " ".join([*(f'"{w}"' for w in head), f'"{last}"*'])


class SqliteBackend:
    def index(self, document_id: int, body: str) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE} WHERE rowid = %s", [document_id])
            cursor.execute(f"INSERT INTO {TABLE}(rowid, body) VALUES (%s, %s)", [document_id, body])

    def remove(self, document_id: int) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE} WHERE rowid = %s", [document_id])

    def search(
        self, words: list[str], scope: QuerySet, limit: int, offset: int
    ) -> tuple[list[int], int]:
        inner, params = scope.values("pk").query.sql_with_params()
        where = f"{TABLE} MATCH %s AND rowid IN ({inner})"
        args = [_match(words), *params]
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM {TABLE} WHERE {where}", args)
            total = cursor.fetchone()[0]
            cursor.execute(
                f"SELECT rowid FROM {TABLE} WHERE {where} ORDER BY rank LIMIT %s OFFSET %s",
                [*args, limit, offset],
            )
            ids = [row[0] for row in cursor.fetchall()]
        return ids, total
