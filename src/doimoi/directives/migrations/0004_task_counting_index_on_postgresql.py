"""The covering index that lets PostgreSQL count a subtree's tasks from the index alone exists on
PostgreSQL only (SQLite has no INCLUDE, and would warn on every command); the report one did
not help and goes."""

from django.db import migrations

INDEX = "task_unit_counts"
CREATE = (
    f"CREATE INDEX IF NOT EXISTS {INDEX} ON directives_task (unit_id) "
    "INCLUDE (directive_id, state, level, due_date, reported_on, done_on)"
)


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("directives", "0003_level_as_received_and_counting_indexes"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="report", name="report_unit_state"),
        migrations.RemoveIndex(model_name="task", name="task_unit_counts"),
        migrations.RunPython(create, drop),
    ]
