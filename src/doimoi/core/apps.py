from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "doimoi.core"
    label = "core"
    verbose_name = "doimoi"
