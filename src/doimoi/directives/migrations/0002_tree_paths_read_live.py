"""Units' tree paths are read from the tree, not copied: the tree keeps siblings sorted by name, so
adding a unit can renumber the paths of others, and a copy would go stale. Reports keep their
assignment's sender, so visibility needs no join."""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def copy_sender(apps, schema_editor):
    Report = apps.get_model("directives", "Report")
    Assignment = apps.get_model("directives", "Assignment")
    sender = Assignment.objects.filter(pk=OuterRef("assignment_id")).values("sender_id")[:1]
    Report.objects.update(sender_id=Subquery(sender))


class Migration(migrations.Migration):
    dependencies = [
        ("directives", "0001_initial"),
        ("organizations", "0001_initial"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="assignment",
            options={
                "ordering": ["unit__path"],
                "verbose_name": "nhiệm vụ được giao",
                "verbose_name_plural": "nhiệm vụ được giao",
            },
        ),
        migrations.RemoveIndex(
            model_name="assignment",
            name="assignment_directive_path",
        ),
        migrations.RemoveIndex(
            model_name="assignment",
            name="assignment_directive_level",
        ),
        migrations.RemoveIndex(
            model_name="task",
            name="task_directive_path",
        ),
        migrations.RemoveIndex(
            model_name="task",
            name="task_directive_level",
        ),
        migrations.RemoveField(
            model_name="assignment",
            name="depth",
        ),
        migrations.RemoveField(
            model_name="assignment",
            name="level",
        ),
        migrations.RemoveField(
            model_name="assignment",
            name="unit_path",
        ),
        migrations.RemoveField(
            model_name="task",
            name="level",
        ),
        migrations.RemoveField(
            model_name="task",
            name="unit_path",
        ),
        migrations.AddField(
            model_name="report",
            name="sender",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="organizations.unit",
            ),
        ),
        migrations.RunPython(copy_sender, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="assignment",
            index=models.Index(fields=["directive", "plan_on"], name="assignment_directive_plan"),
        ),
        migrations.AddIndex(
            model_name="assignment",
            index=models.Index(
                fields=["directive", "forward_on"], name="assignment_directive_forward"
            ),
        ),
        migrations.AddIndex(
            model_name="report",
            index=models.Index(
                fields=["directive", "submitted_on"], name="report_directive_submitted"
            ),
        ),
        migrations.AddIndex(
            model_name="report",
            index=models.Index(
                fields=["directive", "reviewed_on"], name="report_directive_reviewed"
            ),
        ),
        migrations.AddIndex(
            model_name="task",
            index=models.Index(fields=["directive", "unit"], name="task_directive_unit"),
        ),
    ]
