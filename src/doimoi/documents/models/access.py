"""Editable data that decides numbering and access: committee terms and security clearances."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from doimoi.organizations.models import Unit


class CommitteeTerm(models.Model):
    """A party committee's term (nhiệm kỳ): party numbers restart at its start (HD 36 1.3.1)."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="terms")
    name = models.CharField(_("nhiệm kỳ"), max_length=64, help_text=_("Ví dụ 2020-2025."))
    start = models.DateField(_("bắt đầu"))
    end = models.DateField(_("kết thúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("nhiệm kỳ cấp ủy")
        verbose_name_plural = _("nhiệm kỳ cấp ủy")
        ordering = ["unit", "start"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "start"], name="committee_term_unique"),
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="committee_term_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} — {self.name}"

    def covers(self, day: datetime.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


def clearances_of(user: Any, on: datetime.date) -> list[tuple[str, int]]:
    """(subtree path, level) of the user's clearances in force on ``on`` (fed into the scope)."""
    return clearances_of_user_id(user.pk, on)


def clearances_of_user_id(user_id: int, on: datetime.date) -> list[tuple[str, int]]:
    """(subtree path, level) of a user's clearances in force on ``on``."""
    rows = Clearance.objects.filter(user_id=user_id, valid_from__lte=on).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gt=on)
    )
    return list(rows.values_list("unit__path", "level"))


class Clearance(models.Model):
    """A user's clearance to read classified documents up to ``level`` in a unit's subtree."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="document_clearances"
    )
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    level = models.PositiveSmallIntegerField(_("được xem đến độ mật"))
    valid_from = models.DateField(_("từ ngày"), default=datetime.date.today)
    valid_to = models.DateField(_("đến ngày"), null=True, blank=True)
    basis = models.CharField(_("căn cứ"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("quyền xem văn bản mật")
        verbose_name_plural = _("quyền xem văn bản mật")
        constraints = [
            models.CheckConstraint(
                condition=Q(level__gte=1) & Q(level__lte=3), name="clearance_level_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.level} @ {self.unit}"
