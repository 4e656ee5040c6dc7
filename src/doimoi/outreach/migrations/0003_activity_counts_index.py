"""On PostgreSQL, the tallies of a unit's children are read from the index alone (a covering
index: SQLite has no INCLUDE)."""

from django.db import migrations

INDEX = "outreach_tally_counts"
CREATE = (
    f"CREATE INDEX IF NOT EXISTS {INDEX} ON outreach_tally (unit_id, plan_key, month) "
    "INCLUDE (form_key, item_key, activities, participants, audience, sessions, attended, expected)"
)


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("outreach", "0002_seed_forms")]

    operations = [migrations.RunPython(create, drop)]
