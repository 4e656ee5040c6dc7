"""The year's exceptions to the working-day calendar: swapped days (nghỉ bù, làm bù) and extra holidays."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class CalendarDay(models.Model):
    """One date whose status differs from the rule (weekdays work, weekends and public holidays rest)."""

    date = models.DateField(_("ngày"), unique=True)
    is_working_day = models.BooleanField(_("là ngày làm việc"))
    note = models.CharField(_("ghi chú, căn cứ"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("ngày điều chỉnh")
        verbose_name_plural = _("ngày điều chỉnh")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y}: {'làm việc' if self.is_working_day else 'nghỉ'}"
