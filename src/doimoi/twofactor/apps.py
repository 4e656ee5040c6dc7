from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TwoFactorConfig(AppConfig):
    name = "doimoi.twofactor"
    label = "twofactor"
    verbose_name = _("Xác thực hai bước")

    def ready(self) -> None:
        from doimoi.twofactor import events  # noqa: F401  (registers the ledger verbs)
