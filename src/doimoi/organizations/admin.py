from django.contrib import admin

from doimoi.core.admin import ReadOnlyAdmin
from doimoi.organizations.models import Membership, Person, Unit, UnitSuccession


@admin.register(Unit)
class UnitAdmin(ReadOnlyAdmin):
    list_display = ("name", "code", "kind", "level", "valid_from", "valid_to")
    search_fields = ("name", "code", "name_folded")


@admin.register(Person)
class PersonAdmin(ReadOnlyAdmin):
    search_fields = ("full_name",)


@admin.register(Membership)
class MembershipAdmin(ReadOnlyAdmin):
    list_display = ("person", "unit", "role", "position_title", "valid_from", "valid_to")
    list_filter = ("role",)


@admin.register(UnitSuccession)
class UnitSuccessionAdmin(ReadOnlyAdmin):
    list_display = ("predecessor", "kind", "successor", "effective")
