from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackgroundConfig(AppConfig):
    name = "doimoi.background"
    label = "background"
    verbose_name = _("Việc chạy nền")

    def ready(self) -> None:
        # Every app's tasks.py registers its tasks and its periodic schedule on import.
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("tasks")
