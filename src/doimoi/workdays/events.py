"""Ledger verbs of the working-day calendar."""

from django.utils.translation import gettext_lazy as _

from doimoi.ledger.registry import register

CALENDAR_DAY_SET = register("workdays.calendar_day.set", _("Điều chỉnh ngày làm việc"))
