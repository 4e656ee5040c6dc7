from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    name = "doimoi.exchange"
    label = "exchange"
    verbose_name = _("Liên thông văn bản")

    def ready(self) -> None:
        from doimoi.exchange import events, hooks  # noqa: F401  (verbs; ingest and status hooks)

        hooks.install()

    def seed_demo(self, units: dict[str, Any]) -> None:
        """Give the demo units agency codes, so their documents can be exported."""
        from doimoi.exchange.demo import seed_demo

        seed_demo(units)
