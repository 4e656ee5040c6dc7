from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TokensConfig(AppConfig):
    name = "doimoi.tokens"
    label = "tokens"
    verbose_name = _("Khóa truy cập API")

    def ready(self) -> None:
        from doimoi.tokens import events  # noqa: F401  (registers the ledger verbs)
