from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganizationsConfig(AppConfig):
    name = "doimoi.organizations"
    label = "organizations"
    verbose_name = _("Tổ chức")

    def ready(self) -> None:
        from doimoi.organizations import events  # noqa: F401  (registers the ledger verbs)
