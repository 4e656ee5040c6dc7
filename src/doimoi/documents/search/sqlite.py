"""SQLite FTS5 backend: an FTS5 table keyed by the document's id, holding the document's terms
(cut in Python, see ``search.terms``) separated by spaces."""

from __future__ import annotations

import json

from django.db import connection

from doimoi.documents.search import CHUNK, Match, Statement, prefix

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

    def matches(
        self,
        words: list[str],
        scoped: Statement,
        before: int | None,
        size: int,
        few: int,
        wanted: int = 0,
    ) -> list[Match]:
        """The ids, then the viewer's among them (all when they are few, else the newest CHUNK):
        SQLite has no round trip or plan to save, and asking its scope about more ids than the
        page needs costs more than a second statement."""
        below = "" if before is None else " AND rowid < %s"
        sql = (
            f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s{below} ORDER BY rowid DESC LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [_match(words), *([] if before is None else [before]), size])
            ids = [row[0] for row in cursor.fetchall()]
        asked = ids if len(ids) <= few else ids[:CHUNK]
        seen = _seen(scoped, asked) if asked else set()
        return [(i, None, i in seen) for i in asked] + [(i, None, None) for i in ids[len(asked) :]]

    def best_first(self, words: list[str], matches: list[Match]) -> list[int]:
        """By BM25, as FTS5 orders them (its order among equal ranks is its own)."""
        sql = f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s ORDER BY rank"
        with connection.cursor() as cursor:
            cursor.execute(sql, [_match(words)])
            return [row[0] for row in cursor.fetchall()]


def _seen(scoped: Statement, ids: list[int]) -> set[int]:
    """Which of ``ids`` the viewer sees (the ids as one JSON parameter: the statement's text is
    the same whatever the ids, and SQLite keeps it prepared)."""
    sql = f"SELECT v.pk FROM ({scoped[0]}) v WHERE v.pk IN (SELECT value FROM json_each(%s))"
    with connection.cursor() as cursor:
        cursor.execute(sql, [*scoped[1], json.dumps(ids)])
        return {row[0] for row in cursor.fetchall()}
