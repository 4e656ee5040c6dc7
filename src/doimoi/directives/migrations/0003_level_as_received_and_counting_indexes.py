"""Assignments and tasks keep the unit's level as it was when they were given, so the counts per
level need no join (the tree path stays read from the tree: it can be renumbered); covering
indexes let a subtree's tasks and reports be counted from the index on PostgreSQL."""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def copy_level(apps, schema_editor):
    Unit = apps.get_model("organizations", "Unit")
    level = Unit.objects.filter(pk=OuterRef("unit_id")).values("level")[:1]
    for name in ("Assignment", "Task"):
        apps.get_model("directives", name).objects.update(level=Subquery(level))


class Migration(migrations.Migration):
    dependencies = [
        ("directives", "0002_tree_paths_read_live"),
        ("organizations", "0001_initial"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="task",
            name="task_directive_unit",
        ),
        migrations.AddField(
            model_name="assignment",
            name="level",
            field=models.CharField(default="", max_length=16),
        ),
        migrations.AddField(
            model_name="task",
            name="level",
            field=models.CharField(default="", max_length=16),
        ),
        migrations.RunPython(copy_level, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="report",
            index=models.Index(
                fields=["unit"], include=("directive", "state"), name="report_unit_state"
            ),
        ),
        migrations.AddIndex(
            model_name="task",
            index=models.Index(
                fields=["unit"],
                include=("directive", "state", "level", "due_date", "reported_on", "done_on"),
                name="task_unit_counts",
            ),
        ),
    ]
