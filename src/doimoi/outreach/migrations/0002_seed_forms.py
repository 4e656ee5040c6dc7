"""The managed list of forms starts from the seed plans' forms (section III of 64-KH/ThU and
39-KH/ĐUK); the administrator changes it afterwards."""

from django.db import migrations

from doimoi.outreach.seed_forms import SEED_FORMS


def seed(apps, schema_editor):
    Form = apps.get_model("outreach", "Form")
    for order, (name, keywords, reach, study) in enumerate(SEED_FORMS, start=1):
        Form.objects.get_or_create(
            name=name,
            defaults={"keywords": keywords, "reach": reach, "study": study, "order": order},
        )


class Migration(migrations.Migration):
    dependencies = [("outreach", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
