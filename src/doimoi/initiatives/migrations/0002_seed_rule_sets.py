"""The first version of each regime's rule set (Decree 73; Conclusion 14-KL/TW party rule)."""

from typing import Any

from django.db import migrations

from doimoi.initiatives.ruleset_data import seed_rule_sets


def forwards(apps: Any, schema_editor: Any) -> None:
    seed_rule_sets(apps)


class Migration(migrations.Migration):
    dependencies = [("initiatives", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
