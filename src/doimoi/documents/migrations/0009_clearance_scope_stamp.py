from django.db import migrations

from doimoi.organizations.stamp import stamp_tables


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0008_i9_merged_into_register_old"),
        ("organizations", "0004_scope_stamp"),
    ]

    # clearances feed every scope (organizations.scope.register_clearance_source)
    operations = [stamp_tables("documents_clearance")]
