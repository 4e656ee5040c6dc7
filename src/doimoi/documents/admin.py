"""Admin: documents are read here; terms and clearances are data an administrator maintains."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from doimoi.core.admin import ReadOnlyAdmin
from doimoi.documents import models
from doimoi.documents.services import access


@admin.register(models.Document)
class DocumentAdmin(ReadOnlyAdmin):
    list_display = ("reference", "date", "issuer_name", "state", "confidentiality", "unit")
    list_filter = ("state", "kind", "confidentiality")
    search_fields = ("number", "symbol", "title", "issuer_name")


@admin.register(models.IngestJob)
class IngestJobAdmin(ReadOnlyAdmin):
    list_display = ("pk", "unit", "source", "status", "created_by", "created_at")


@admin.register(models.OutgoingEntry)
class OutgoingEntryAdmin(ReadOnlyAdmin):
    list_display = ("symbol", "date", "unit", "title")


@admin.register(models.IncomingEntry)
class IncomingEntryAdmin(ReadOnlyAdmin):
    list_display = ("seq", "year", "unit", "document", "received_on", "handler")


@admin.register(models.CommitteeTerm)
class CommitteeTermAdmin(admin.ModelAdmin):
    """Terms restart party numbering; saving goes through the service (and the ledger)."""

    list_display = ("unit", "name", "start", "end")
    autocomplete_fields = ()

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        access.term_save(actor=request.user, term=obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(models.Clearance)
class ClearanceAdmin(admin.ModelAdmin):
    """Who may read classified documents, up to which level, in which unit's subtree."""

    list_display = ("user", "unit", "level", "valid_from", "valid_to", "basis")

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        access.clearance_save(actor=request.user, clearance=obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
