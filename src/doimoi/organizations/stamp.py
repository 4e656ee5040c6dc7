"""The SQL of the scope stamp's triggers (see ``models.ScopeStamp``), for the migrations that put
them on each table a scope is read from."""

from __future__ import annotations

from typing import Any

from django.db import migrations

SQLITE_TOKEN = "lower(hex(randomblob(16)))"
POSTGRES_FUNCTION = """
CREATE OR REPLACE FUNCTION doimoi_scope_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO organizations_scopestamp (id, token)
    VALUES (1, replace(gen_random_uuid()::text, '-', ''))
    ON CONFLICT (id) DO UPDATE SET token = EXCLUDED.token;
    RETURN NULL;
END $$;
"""
OPERATIONS = ("insert", "update", "delete")


def _sqlite(table: str) -> list[str]:
    return [
        f"CREATE TRIGGER IF NOT EXISTS {table}_scope_stamp_{op} AFTER {op.upper()} ON {table} "
        f"BEGIN INSERT OR REPLACE INTO organizations_scopestamp (id, token) "
        f"VALUES (1, {SQLITE_TOKEN}); END"
        for op in OPERATIONS
    ]


def _postgres(table: str) -> list[str]:
    return [
        POSTGRES_FUNCTION,
        f"DROP TRIGGER IF EXISTS {table}_scope_stamp ON {table}",
        f"CREATE TRIGGER {table}_scope_stamp AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
        f"ON {table} FOR EACH STATEMENT EXECUTE FUNCTION doimoi_scope_stamp()",
    ]


def _drop(vendor: str, table: str) -> list[str]:
    if vendor == "postgresql":
        return [f"DROP TRIGGER IF EXISTS {table}_scope_stamp ON {table}"]
    return [f"DROP TRIGGER IF EXISTS {table}_scope_stamp_{op}" for op in OPERATIONS]


def stamp_tables(*tables: str) -> migrations.RunPython:
    """A migration operation that stamps every write to ``tables`` (and undoes it backwards)."""

    def forward(apps: Any, schema_editor: Any) -> None:
        vendor = schema_editor.connection.vendor
        for table in tables:
            for sql in _postgres(table) if vendor == "postgresql" else _sqlite(table):
                schema_editor.execute(sql)

    def backward(apps: Any, schema_editor: Any) -> None:
        for table in tables:
            for sql in _drop(schema_editor.connection.vendor, table):
                schema_editor.execute(sql)

    return migrations.RunPython(forward, backward)
