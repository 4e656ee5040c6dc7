from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "doimoi.reporting"
    label = "reporting"
    verbose_name = _("Soạn văn bản và báo cáo")

    def ready(self) -> None:
        from doimoi.reporting import events, rules  # noqa: F401  (ledger verbs, permissions)
