from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("documents", "0005_i10_issuer_confirmed")]

    operations = [
        migrations.AddField(
            model_name="incomingentry",
            name="cancelled_on",
            field=models.DateField(blank=True, null=True, verbose_name="ngày hủy"),
        ),
        migrations.AddField(
            model_name="incomingentry",
            name="cancel_reason",
            field=models.TextField(blank=True, verbose_name="lý do hủy"),
        ),
    ]
