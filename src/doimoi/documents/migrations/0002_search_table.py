"""The full-text search table: FTS5 on SQLite, a tsvector with a GIN index on PostgreSQL."""

from typing import Any

from django.db import migrations

SQLITE = [
    "CREATE VIRTUAL TABLE documents_search USING fts5(body, tokenize = 'unicode61')",
]
SQLITE_DROP = ["DROP TABLE IF EXISTS documents_search"]
POSTGRES = [
    "CREATE TABLE documents_search ("
    " document_id bigint PRIMARY KEY,"  # no foreign key: Django's flush truncates documents
    " body text NOT NULL,"
    " vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED)",
    "CREATE INDEX documents_search_vector ON documents_search USING gin (vector)",
]
POSTGRES_DROP = ["DROP TABLE IF EXISTS documents_search"]


def _run(statements: dict[str, list[str]]) -> Any:
    def run(apps: Any, schema_editor: Any) -> None:
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            _run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}),
        ),
    ]
