"""The SQL of the cascade's stamps' triggers (see ``models.CascadeStamp``), for the migrations that
put them on the tables a directive's page reads.

Two stamps, two columns of one row per directive: ``token`` (``CASCADE``) changes with every write
to the directive's assignments, tasks and reports, and the page's results (rollup, late units,
tree) are kept under it; ``timeline_token`` (``TIMELINE``) changes with the same writes except an
assignment's update that leaves every column the timeline reads as it was (a study session held,
an acknowledgement, a deadline: ``UNSHOWN``), and the page's timeline is kept under it.

On PostgreSQL the triggers are deferred to the commit: a service locks its rows, writes, then
takes the ledger's chain lock; a stamp row locked at the first write would be a second lock
every writer of the directive queues on in the middle of its transaction (with the chain lock
held by one of them: a deadlock). At the commit a writer holds everything else already. Each
stamp is written once per directive and statement (thousands of rows sent in one statement
write it once), which a transaction-local setting remembers. SQLite writes one transaction at a
time, so its triggers write at once; each writes its own column only (an upsert: a replaced row
would lose the other stamp).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import migrations

from doimoi.organizations.stamp import SQLITE_TOKEN

TABLES = ("directives_assignment", "directives_task", "directives_report")
POSTGRES_TOKEN = "replace(gen_random_uuid()::text, '-', '')"
# An assignment's columns the timeline (selectors.directives.cascade_events) never reads: writing
# only these leaves the timeline as it was. Every other column (its unit, its sender, its
# sending, its plan's and its forwarding's day and document, any column added later) renews it.
UNSHOWN = (
    "level",
    "parent_id",
    "state",
    "received_on",
    "acknowledged_on",
    "plan_due",
    "forward_due",
    "study_due",
    "study_on",
    "tasks_due",
    "tasks_on",
    "report_due",
    "report_on",
    "report_accepted_on",
    "report_period",
    "report_round",
    "report_until",
    "due_final",
    "done_on",
    "updated_at",
)


@dataclass(frozen=True)
class Stamp:
    """One stamp: the column its triggers write, the name they go by, the columns a directive's
    first row is given (every column the table had when the stamp was put in place)."""

    column: str
    name: str
    first: tuple[str, ...]

    @property
    def document_trigger(self) -> str:
        return f"documents_document_{self.name}"


CASCADE = Stamp("token", "cascade_stamp", ("token",))
TIMELINE = Stamp("timeline_token", "timeline_stamp", ("token", "timeline_token"))


def _upsert(stamp: Stamp, directive: str, token: str, source: str = "") -> str:
    """Renew ``stamp`` of ``directive`` (one per row of ``source``), or give the directive its
    first row (each of its tokens new)."""
    tokens = ", ".join(token for _ in stamp.first)
    rows = f"SELECT {directive}, {tokens} {source} WHERE true" if source else ""
    return (
        f"INSERT INTO directives_cascadestamp (directive_id, {', '.join(stamp.first)}) "
        f"{rows or f'VALUES ({directive}, {tokens})'} "
        f"ON CONFLICT (directive_id) DO UPDATE SET {stamp.column} = EXCLUDED.{stamp.column}"
    )


def _postgres_function(stamp: Stamp) -> str:
    return f"""
CREATE OR REPLACE FUNCTION doimoi_{stamp.name}() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    directive bigint := CASE WHEN TG_OP = 'DELETE' THEN OLD.directive_id ELSE NEW.directive_id END;
    flag text := 'doimoi.{stamp.name}_' || directive;
    statement text := statement_timestamp()::text;
BEGIN
    IF current_setting(flag, true) = statement THEN
        RETURN NULL;
    END IF;
    PERFORM set_config(flag, statement, true);
    {_upsert(stamp, "directive", POSTGRES_TOKEN)};
    RETURN NULL;
END $$;
"""


def _postgres_truncate(stamp: Stamp) -> str:
    return f"""
CREATE OR REPLACE FUNCTION doimoi_{stamp.name}_all() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE directives_cascadestamp SET {stamp.column} = {POSTGRES_TOKEN};
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


def _postgres_document(stamp: Stamp) -> str:
    citing = f"FROM ({CITING.format(row='NEW')}) citing"
    return f"""
CREATE OR REPLACE FUNCTION doimoi_{stamp.name}_document() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    {_upsert(stamp, "directive_id", POSTGRES_TOKEN, citing)};
    RETURN NULL;
END $$;
"""


def trigger_names() -> list[str]:
    """The PostgreSQL constraint triggers, by name (``SET CONSTRAINTS <name> IMMEDIATE``)."""
    rows = [f"{table}_{stamp.name}" for stamp in (CASCADE, TIMELINE) for table in TABLES]
    shown = f"directives_assignment_{TIMELINE.name}_update"
    return [*rows, shown, CASCADE.document_trigger, TIMELINE.document_trigger]


def _documents(vendor: str, stamp: Stamp) -> list[str]:
    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in REFERENCE)
    if vendor == "postgresql":
        return [
            _postgres_document(stamp),
            f"CREATE CONSTRAINT TRIGGER {stamp.document_trigger} "
            f"AFTER UPDATE OF {', '.join(REFERENCE)} "
            "ON documents_document DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
            f"WHEN ({changed.replace(' IS NOT ', ' IS DISTINCT FROM ')}) "
            f"EXECUTE FUNCTION doimoi_{stamp.name}_document()",
        ]
    citing = _upsert(stamp, "directive_id", SQLITE_TOKEN, f"FROM ({CITING.format(row='NEW')})")
    return [
        f"CREATE TRIGGER IF NOT EXISTS {stamp.document_trigger} "
        f"AFTER UPDATE OF {', '.join(REFERENCE)} ON documents_document WHEN {changed} "
        f"BEGIN {citing}; END"
    ]


def _postgres_shown() -> str:
    """An assignment's update changed a column other than ``UNSHOWN``."""
    unshown = "ARRAY[" + ", ".join(f"'{c}'" for c in UNSHOWN) + "]"
    return f"(to_jsonb(OLD) - {unshown}) IS DISTINCT FROM (to_jsonb(NEW) - {unshown})"


def _postgres_row_trigger(name: str, table: str, events: str, when: str = "") -> str:
    return (
        f"CREATE CONSTRAINT TRIGGER {name} AFTER {events} ON {table} "
        f"DEFERRABLE INITIALLY DEFERRED FOR EACH ROW {when}"
        f"EXECUTE FUNCTION doimoi_{name.removeprefix(table + '_').removesuffix('_update')}()"
    )


def _postgres(table: str, stamp: Stamp) -> list[str]:
    name = f"{table}_{stamp.name}"
    statements = [
        _postgres_function(stamp),
        _postgres_truncate(stamp),
        f"CREATE TRIGGER {name}_truncate AFTER TRUNCATE ON {table} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION doimoi_{stamp.name}_all()",
    ]
    if stamp != TIMELINE or table != "directives_assignment":
        return [*statements, _postgres_row_trigger(name, table, "INSERT OR UPDATE OR DELETE")]
    when = f"WHEN ({_postgres_shown()}) "  # updates: only those of a column the timeline shows
    return [
        *statements,
        _postgres_row_trigger(name, table, "INSERT OR DELETE"),
        _postgres_row_trigger(f"{name}_update", table, "UPDATE", when),
    ]


def _sqlite_when(table: str, stamp: Stamp, op: str, columns: Iterable[str]) -> str:
    if stamp != TIMELINE or table != "directives_assignment" or op != "update":
        return ""
    shown = [c for c in columns if c not in UNSHOWN]
    return "WHEN " + " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in shown) + " "


def _sqlite(table: str, stamp: Stamp, columns: Iterable[str] = ()) -> list[str]:
    """``columns``: the assignment's (SQLite compares them one by one)."""
    row = {"insert": "NEW", "update": "NEW", "delete": "OLD"}
    return [
        f"CREATE TRIGGER IF NOT EXISTS {table}_{stamp.name}_{op} AFTER {op.upper()} ON {table} "
        f"{_sqlite_when(table, stamp, op, columns)}"
        f"BEGIN {_upsert(stamp, f'{which}.directive_id', SQLITE_TOKEN)}; END"
        for op, which in row.items()
    ]


def _drop(vendor: str, table: str, stamp: Stamp) -> list[str]:
    if table == "documents_document" and vendor == "postgresql":
        return [f"DROP TRIGGER IF EXISTS {stamp.document_trigger} ON {table}"]
    if table == "documents_document":
        return [f"DROP TRIGGER IF EXISTS {stamp.document_trigger}"]
    if vendor == "postgresql":
        return [
            f"DROP TRIGGER IF EXISTS {table}_{stamp.name}{suffix} ON {table}"
            for suffix in ("", "_truncate", "_update")
        ]
    return [
        f"DROP TRIGGER IF EXISTS {table}_{stamp.name}_{op}" for op in ("insert", "update", "delete")
    ]


def _first_tokens(vendor: str, stamp: Stamp) -> str:
    """A token for every directive there is (until its first write none would be kept)."""
    token = POSTGRES_TOKEN if vendor == "postgresql" else SQLITE_TOKEN
    if stamp == CASCADE:
        return _upsert(stamp, "id", token, "FROM directives_directive")
    return f"UPDATE directives_cascadestamp SET {stamp.column} = {token}"


def _assignment_columns(apps: Any) -> list[str]:
    model = apps.get_model("directives", "Assignment")
    return [f.column for f in model._meta.concrete_fields]


def _stamp(apps: Any, schema_editor: Any, stamp: Stamp) -> None:
    vendor = schema_editor.connection.vendor
    for table in TABLES:
        if vendor == "postgresql":
            statements = _postgres(table, stamp)
        else:
            statements = _sqlite(table, stamp, _assignment_columns(apps))
        for sql in statements:
            schema_editor.execute(sql)
    for sql in _documents(vendor, stamp):
        schema_editor.execute(sql)
    schema_editor.execute(_first_tokens(vendor, stamp))


def _unstamp(schema_editor: Any, stamp: Stamp) -> None:
    for table in (*TABLES, "documents_document"):
        for sql in _drop(schema_editor.connection.vendor, table, stamp):
            schema_editor.execute(sql)


def stamp_cascades(stamp: Stamp = CASCADE) -> migrations.RunPython:
    """A migration operation that renews ``stamp`` at every write to ``TABLES`` (for the
    timeline: an assignment's only if a column it shows changed) and at every corrected
    reference of a document they cite, and undoes it backwards."""

    def forward(apps: Any, schema_editor: Any) -> None:
        _stamp(apps, schema_editor, stamp)

    def backward(apps: Any, schema_editor: Any) -> None:
        _unstamp(schema_editor, stamp)

    return migrations.RunPython(forward, backward)


def restamp_sqlite(stamp: Stamp) -> migrations.RunPython:
    """Put ``stamp``'s SQLite triggers again (as upserts: they once replaced the whole row,
    which would lose the other stamp); nothing to do on PostgreSQL."""

    def again(apps: Any, schema_editor: Any) -> None:
        vendor = schema_editor.connection.vendor
        if vendor == "postgresql":
            return
        _unstamp(schema_editor, stamp)
        statements = [sql for table in TABLES for sql in _sqlite(table, stamp)]
        for sql in statements + _documents(vendor, stamp):
            schema_editor.execute(sql)

    return migrations.RunPython(again, migrations.RunPython.noop)
