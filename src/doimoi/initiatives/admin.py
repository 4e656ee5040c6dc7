from django.contrib import admin

from doimoi.core.admin import ReadOnlyAdmin
from doimoi.initiatives.models import CollectiveRule


@admin.register(CollectiveRule)
class CollectiveRuleAdmin(ReadOnlyAdmin):
    """Shown here; changed on the unit's page (Sửa quy định biểu quyết), which writes the ledger."""

    list_display = ("unit", "standing_members_vote", "basis")
    list_filter = ("standing_members_vote",)
