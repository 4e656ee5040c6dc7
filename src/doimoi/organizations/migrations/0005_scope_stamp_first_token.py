import secrets
from typing import Any

from django.db import migrations


def first_token(apps: Any, schema_editor: Any) -> None:
    """Until a first write the stamp had no token, and no scope was kept."""
    stamp = apps.get_model("organizations", "ScopeStamp")
    if not stamp.objects.filter(pk=1).exists():
        stamp.objects.create(pk=1, token=secrets.token_hex(16))


class Migration(migrations.Migration):
    dependencies = [("organizations", "0004_scope_stamp")]

    operations = [migrations.RunPython(first_token, migrations.RunPython.noop)]
