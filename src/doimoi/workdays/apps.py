from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkdaysConfig(AppConfig):
    name = "doimoi.workdays"
    label = "workdays"
    verbose_name = _("Lịch ngày làm việc")

    def ready(self) -> None:
        from doimoi.workdays import events  # noqa: F401  (registers the ledger verbs)
