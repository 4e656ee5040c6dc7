from typing import Any

from django.apps import AppConfig
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _


class DirectivesConfig(AppConfig):
    name = "doimoi.directives"
    label = "directives"
    verbose_name = _("Văn bản chỉ đạo")

    def ready(self) -> None:
        from doimoi.directives import events, hooks, rules  # noqa: F401  (verbs, permissions)

        hooks.install()

    def seed_demo(self, units: dict[str, Any]) -> None:
        """Turn the seeds' cascade into live directives (idempotent); runs after the documents'."""
        from doimoi.directives.demo import seed_demo

        seed_demo(units)

    def home_panels(self, request: HttpRequest) -> list[tuple[str, dict[str, Any]]]:
        """The start page's panel: what the user's unit must do, and what is owed to it."""
        from doimoi.directives.views.home import home_panel

        return home_panel(request)
