from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "doimoi.ops"
    label = "ops"
    verbose_name = "doimoi ops"
