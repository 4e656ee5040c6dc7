"""The SQL of the cascade stamp's triggers (see ``models.CascadeStamp``), for the migration that
puts them on the tables a directive's rollup counts.

On PostgreSQL the triggers are deferred to the commit: a service locks its rows, writes, then
takes the ledger's chain lock; a stamp row locked at the first write would be a second lock
every writer of the directive queues on in the middle of its transaction (with the chain lock
held by one of them: a deadlock). At the commit a writer holds everything else already. The
stamp is written once per directive and statement (thousands of rows sent in one statement
write it once), which a transaction-local setting remembers. SQLite writes one transaction at a
time, so its triggers write at once.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations

from doimoi.organizations.stamp import SQLITE_TOKEN

TABLES = ("directives_assignment", "directives_task", "directives_report")
POSTGRES_TOKEN = "replace(gen_random_uuid()::text, '-', '')"
POSTGRES_FUNCTION = f"""
CREATE OR REPLACE FUNCTION doimoi_cascade_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    directive bigint := CASE WHEN TG_OP = 'DELETE' THEN OLD.directive_id ELSE NEW.directive_id END;
    flag text := 'doimoi.cascade_stamp_' || directive;
    statement text := statement_timestamp()::text;
BEGIN
    IF current_setting(flag, true) = statement THEN
        RETURN NULL;
    END IF;
    PERFORM set_config(flag, statement, true);
    INSERT INTO directives_cascadestamp (directive_id, token) VALUES (directive, {POSTGRES_TOKEN})
    ON CONFLICT (directive_id) DO UPDATE SET token = EXCLUDED.token;
    RETURN NULL;
END $$;
"""
POSTGRES_TRUNCATE = f"""
CREATE OR REPLACE FUNCTION doimoi_cascade_stamp_all() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE directives_cascadestamp SET token = {POSTGRES_TOKEN};
    RETURN NULL;
END $$;
"""


# The cascade's timeline shows the references of the documents sent and answered with: a
# reference corrected at review stamps every directive whose sendings or answers cite it.
CITING = """
    SELECT directive_id FROM directives_distribution WHERE document_id = {row}.id
    UNION SELECT directive_id FROM directives_assignment
    WHERE plan_document_id = {row}.id OR forward_document_id = {row}.id
"""
REFERENCE = ("number", "symbol", "kind")
POSTGRES_DOCUMENT = f"""
CREATE OR REPLACE FUNCTION doimoi_cascade_stamp_document() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO directives_cascadestamp (directive_id, token)
    SELECT directive_id, {POSTGRES_TOKEN} FROM ({CITING.format(row="NEW")}) citing
    ON CONFLICT (directive_id) DO UPDATE SET token = EXCLUDED.token;
    RETURN NULL;
END $$;
"""
DOCUMENT_TRIGGER = "documents_document_cascade_stamp"


def trigger_names() -> list[str]:
    """The PostgreSQL constraint triggers, by name (``SET CONSTRAINTS <name> IMMEDIATE``)."""
    return [f"{table}_cascade_stamp" for table in TABLES] + [DOCUMENT_TRIGGER]


def _documents(vendor: str) -> list[str]:
    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in REFERENCE)
    if vendor == "postgresql":
        return [
            POSTGRES_DOCUMENT,
            f"CREATE CONSTRAINT TRIGGER {DOCUMENT_TRIGGER} AFTER UPDATE OF {', '.join(REFERENCE)} "
            "ON documents_document DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
            f"WHEN ({changed.replace(' IS NOT ', ' IS DISTINCT FROM ')}) "
            "EXECUTE FUNCTION doimoi_cascade_stamp_document()",
        ]
    return [
        f"CREATE TRIGGER IF NOT EXISTS {DOCUMENT_TRIGGER} AFTER UPDATE OF {', '.join(REFERENCE)} "
        f"ON documents_document WHEN {changed} "
        "BEGIN INSERT OR REPLACE INTO directives_cascadestamp (directive_id, token) "
        f"SELECT directive_id, {SQLITE_TOKEN} FROM ({CITING.format(row='NEW')}); END"
    ]


def _postgres(table: str) -> list[str]:
    return [
        POSTGRES_FUNCTION,
        POSTGRES_TRUNCATE,
        f"CREATE CONSTRAINT TRIGGER {table}_cascade_stamp AFTER INSERT OR UPDATE OR DELETE "
        f"ON {table} DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
        "EXECUTE FUNCTION doimoi_cascade_stamp()",
        f"CREATE TRIGGER {table}_cascade_stamp_truncate AFTER TRUNCATE ON {table} "
        "FOR EACH STATEMENT EXECUTE FUNCTION doimoi_cascade_stamp_all()",
    ]


def _sqlite(table: str) -> list[str]:
    row = {"insert": "NEW", "update": "NEW", "delete": "OLD"}
    return [
        f"CREATE TRIGGER IF NOT EXISTS {table}_cascade_stamp_{op} AFTER {op.upper()} ON {table} "
        "BEGIN INSERT OR REPLACE INTO directives_cascadestamp (directive_id, token) "
        f"VALUES ({which}.directive_id, {SQLITE_TOKEN}); END"
        for op, which in row.items()
    ]


def _drop(vendor: str, table: str) -> list[str]:
    if table == "documents_document" and vendor == "postgresql":
        return [f"DROP TRIGGER IF EXISTS {DOCUMENT_TRIGGER} ON {table}"]
    if table == "documents_document":
        return [f"DROP TRIGGER IF EXISTS {DOCUMENT_TRIGGER}"]
    if vendor == "postgresql":
        return [
            f"DROP TRIGGER IF EXISTS {table}_cascade_stamp ON {table}",
            f"DROP TRIGGER IF EXISTS {table}_cascade_stamp_truncate ON {table}",
        ]
    return [
        f"DROP TRIGGER IF EXISTS {table}_cascade_stamp_{op}"
        for op in ("insert", "update", "delete")
    ]


def _first_tokens(vendor: str) -> str:
    """A token for every directive there is (until its first write none would be kept)."""
    token = POSTGRES_TOKEN if vendor == "postgresql" else SQLITE_TOKEN
    return (
        "INSERT INTO directives_cascadestamp (directive_id, token) "
        f"SELECT id, {token} FROM directives_directive"
    )


def stamp_cascades() -> migrations.RunPython:
    """A migration operation that stamps every write to ``TABLES`` and every corrected reference
    of a document they cite (and undoes it backwards)."""

    def forward(apps: Any, schema_editor: Any) -> None:
        vendor = schema_editor.connection.vendor
        for table in TABLES:
            for sql in _postgres(table) if vendor == "postgresql" else _sqlite(table):
                schema_editor.execute(sql)
        for sql in _documents(vendor):
            schema_editor.execute(sql)
        schema_editor.execute(_first_tokens(vendor))

    def backward(apps: Any, schema_editor: Any) -> None:
        for table in (*TABLES, "documents_document"):
            for sql in _drop(schema_editor.connection.vendor, table):
                schema_editor.execute(sql)

    return migrations.RunPython(forward, backward)
