from django.db import migrations, models

from doimoi.directives.stamp import CASCADE, TIMELINE, restamp_sqlite, stamp_cascades


class Migration(migrations.Migration):
    dependencies = [
        ("directives", "0005_cascade_stamp"),
    ]

    operations = [
        # SQLite would rebuild the table to add a column with a default, and the triggers that
        # write to it stop the rebuild: the column is added as both databases add one
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddField(
                    model_name="cascadestamp",
                    name="timeline_token",
                    field=models.CharField(db_default="", max_length=32),
                ),
            ],
            database_operations=[
                migrations.RunSQL(
                    "ALTER TABLE directives_cascadestamp "
                    "ADD COLUMN timeline_token varchar(32) DEFAULT '' NOT NULL",
                    "ALTER TABLE directives_cascadestamp DROP COLUMN timeline_token",
                ),
            ],
        ),
        # SQLite's cascade triggers replaced the whole row: now they write their column only
        restamp_sqlite(CASCADE),
        # the timeline's stamp: the same writes, but an assignment's only if the timeline shows it
        stamp_cascades(TIMELINE),
    ]
