"""Ledger verbs of the reporting app."""

from django.utils.translation import gettext_lazy as _

from doimoi.ledger.registry import register

DOCUMENT_ISSUED = register("reporting.document.issued", _("Ban hành văn bản soạn trên hệ thống"))
