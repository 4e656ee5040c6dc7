from django.contrib import admin

from doimoi.core.admin import ReadOnlyAdmin
from doimoi.workdays.models import CalendarDay


@admin.register(CalendarDay)
class CalendarDayAdmin(ReadOnlyAdmin):
    list_display = ("date", "is_working_day", "note")
