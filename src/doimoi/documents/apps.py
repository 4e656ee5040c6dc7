from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "doimoi.documents"
    label = "documents"
    verbose_name = _("Văn bản")

    def ready(self) -> None:
        from doimoi.documents import events  # noqa: F401  (registers the ledger verbs)
        from doimoi.documents.models.access import clearances_of
        from doimoi.documents.selectors import issuer_units
        from doimoi.organizations.picker import register_source
        from doimoi.organizations.scope import register_clearance_source

        register_clearance_source(clearances_of)
        register_source("issuers", lambda viewer: issuer_units(viewer=viewer))

    def seed_demo(self, units: dict[str, Any]) -> None:
        """Ingest the three seed documents (idempotent), so the demo opens on real documents."""
        from doimoi.documents.demo import seed_demo

        seed_demo(units)
