from django.contrib import admin

from doimoi.core.admin import ReadOnlyAdmin
from doimoi.ledger.models import LedgerEvent


@admin.register(LedgerEvent)
class LedgerEventAdmin(ReadOnlyAdmin):
    list_display = ("seq", "occurred_at", "action", "subject_type", "subject_id", "actor_label")
    list_filter = ("action",)
