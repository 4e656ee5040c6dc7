from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _


class InitiativesConfig(AppConfig):
    name = "doimoi.initiatives"
    label = "initiatives"
    verbose_name = _("Đề xuất đổi mới sáng tạo")

    def ready(self) -> None:
        from doimoi.core import panels
        from doimoi.initiatives import events, rules  # noqa: F401  (ledger verbs, permissions)
        from doimoi.initiatives.views.collective import unit_panel

        panels.register("organizations.unit", unit_panel)

    def seed_demo(self, units: dict[str, Any]) -> None:
        """Demo cases in the Lâm Đồng units, driven through the services (idempotent)."""
        from doimoi.initiatives.demo import seed_demo

        seed_demo(units)

    def home_panels(self, request: HttpRequest) -> list[tuple[str, dict[str, Any]]]:
        """The signed-in user's deadlines: as proposer, head or supervisor; overdue first."""
        from doimoi.initiatives.selectors import home_deadlines

        rows = home_deadlines(viewer=request.user)
        return [("initiatives/home_panel.html", {"deadline_rows": rows})]
