"""PostgreSQL backend: a tsvector of the document's terms with a GIN index.

The terms are cut in Python (``search.terms``) and go in as they are (``array_to_tsvector``, no
positions), and queries are written as quoted lexemes cast to ``tsquery``: PostgreSQL's text
parser, which keeps "1335-cv/tu" as one file-path token, never runs, so both databases index and
query the same terms."""

from __future__ import annotations

from django.db import connection

from doimoi.documents.search import CHUNK, Match, Statement, prefix

TABLE = "documents_search"
ASK_PER = 10  # ids asked about for each one the page needs (a viewer sees a tenth of the newest)
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

    def matches(
        self,
        words: list[str],
        scoped: Statement,
        before: int | None,
        size: int,
        few: int,
        wanted: int = 0,
    ) -> list[Match]:
        """In one statement, the matches (a CTE) joined with the viewer's ids among them: a count,
        the ids and a check of the ids in three statements cost more in round trips and plans
        (and the count alone, a GIN bitmap of every match, 5 ms for a common word). When there
        are more than ``few``, only the newest CHUNK are asked about (as SQLite does), or ASK_PER
        times ``wanted`` if more: checking the scope of each of 1,001 ids was most of the
        statement for a common word, and a second statement for the rest costs more than asking
        about a few hundred more (the API's 100 hits)."""
        newest, params = _newest(words, before, size)
        sql = (
            f"WITH m AS ({newest}), a AS (SELECT id FROM m ORDER BY id DESC"
            " LIMIT CASE WHEN (SELECT count(*) FROM m) > %s THEN %s END)"
            " SELECT m.id, m.r, CASE WHEN a.id IS NOT NULL THEN s.pk IS NOT NULL END"
            " FROM m LEFT JOIN a ON a.id = m.id LEFT JOIN"
            f" (SELECT v.pk FROM ({scoped[0]}) v WHERE v.pk = ANY(ARRAY(SELECT id FROM a))) s"
            " ON s.pk = m.id ORDER BY m.id DESC"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, few, max(CHUNK, ASK_PER * wanted), *scoped[1]])
            return [
                (i, r, None if seen is None else bool(seen)) for i, r, seen in cursor.fetchall()
            ]

    def best_first(self, words: list[str], matches: list[Match]) -> list[int]:
        """By ts_rank, then newest first: the order PostgreSQL gives ``ORDER BY ts_rank(vector,
        q) DESC, document_id DESC`` (the ranks are its own float4 values, compared exactly)."""
        return [i for i, _r, _v in sorted(matches, key=lambda m: (-(m[1] or 0.0), -m[0]))]


def _newest(words: list[str], before: int | None, size: int) -> Statement:
    """Matching ids, newest first, below ``before``; the first statement (``before`` None)
    ranks them too."""
    rank = "ts_rank(vector, q)" if before is None else "NULL::real"
    below = "" if before is None else " AND document_id < %s"
    sql = (
        f"SELECT document_id AS id, {rank} AS r FROM {TABLE}, (SELECT %s::tsquery AS q) t"
        f" WHERE vector @@ q{below} ORDER BY document_id DESC LIMIT %s"
    )
    params = [_tsquery(words)] + ([] if before is None else [before])
    return sql, (*params, size)
