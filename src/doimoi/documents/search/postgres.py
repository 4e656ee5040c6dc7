"""PostgreSQL backend: a tsvector of the document's terms with a GIN index.

The terms are cut in Python (``search.terms``) and go in as they are (``array_to_tsvector``, no
positions), and queries are written as quoted lexemes cast to ``tsquery``: PostgreSQL's text
parser, which keeps "1335-cv/tu" as one file-path token, never runs, so both databases index and
query the same terms."""

from __future__ import annotations

from typing import Any

from django.db import connection

from doimoi.documents.search import prefix

TABLE = "documents_search"
VECTOR = "array_to_tsvector(array_remove(string_to_array(%s, ' '), ''))"


def _tsquery(words: list[str]) -> str:
    """Every word, whole, or as a prefix where the word asks for it ("thuc*"); terms are letters
    and digits only, so quoting them needs no escaping."""
    return " & ".join(f"'{w}'" if prefix(w) is None else f"'{prefix(w)}':*" for w in words)


class PostgresBackend:
    def index(self, document_id: int, body: str, fresh: bool = False) -> None:
        # no positions: nothing here needs them, and the rows stay small to scan
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {TABLE}(document_id, vector) VALUES (%s, {VECTOR}) "
                "ON CONFLICT (document_id) DO UPDATE SET vector = EXCLUDED.vector",
                [document_id, body],
            )

    def remove(self, document_id: int) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE} WHERE document_id = %s", [document_id])

    def count_upto(self, words: list[str], most: int) -> int:
        """How many documents match, counting no further than ``most``."""
        sql = f"SELECT count(*) FROM (SELECT 1 FROM {TABLE} WHERE vector @@ %s::tsquery LIMIT %s) t"
        with connection.cursor() as cursor:
            cursor.execute(sql, [_tsquery(words), most])
            return int(cursor.fetchone()[0])

    def ranked(self, words: list[str]) -> list[int]:
        """Every matching id, best first (ts_rank); only called when they are few."""
        sql = (
            f"SELECT document_id FROM {TABLE}, (SELECT %s::tsquery AS q) t WHERE vector @@ q "
            "ORDER BY ts_rank(vector, q) DESC, document_id DESC"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [_tsquery(words)])
            return [row[0] for row in cursor.fetchall()]

    def recent(self, words: list[str], before: int | None, size: int) -> list[int]:
        """Matching ids, highest (newest) first, below ``before``."""
        where = "vector @@ %s::tsquery" + (" AND document_id < %s" if before is not None else "")
        params: list[Any] = [_tsquery(words)] + ([before] if before is not None else [])
        sql = f"SELECT document_id FROM {TABLE} WHERE {where} ORDER BY document_id DESC LIMIT %s"
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, size])
            return [row[0] for row in cursor.fetchall()]
