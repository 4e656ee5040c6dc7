from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutreachConfig(AppConfig):
    name = "doimoi.outreach"
    label = "outreach"
    verbose_name = _("Tuyên truyền")

    def ready(self) -> None:
        from doimoi.outreach import events, rules  # noqa: F401  (ledger verbs, permissions)

    def seed_demo(self, units: dict[str, Any]) -> None:
        """The two seed plans, confirmed, and activities of the last months (idempotent)."""
        from doimoi.outreach.demo import seed_demo

        seed_demo(units)
