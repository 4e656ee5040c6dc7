"""The ledger: an append-only, hash-chained log of every decision made in doimoi."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AppendOnly(Exception):
    """Someone tried to change or remove a ledger event through the application."""


class LedgerEventQuerySet(models.QuerySet["LedgerEvent"]):
    """Ledger rows: they can be read and added, never updated or deleted in bulk."""

    def update(self, **kwargs: Any) -> int:
        raise AppendOnly("ledger events are never updated")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnly("ledger events are never deleted")


class LedgerEvent(models.Model):
    """One recorded change: who did what to which subject, chained to the event before it.

    Rows are written only by ``ledger.services.append``; they are never updated or deleted
    (a PostgreSQL trigger refuses it; on SQLite ``ledger verify`` finds it). The foreign keys
    carry no database constraint so that nothing can cascade into the log.
    """

    seq = models.PositiveBigIntegerField(_("số thứ tự"), unique=True)
    occurred_at = models.DateTimeField(_("thời điểm"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        related_name="+",
    )
    actor_label = models.CharField(_("người thực hiện"), max_length=255, blank=True)
    unit = models.ForeignKey(
        "organizations.Unit",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        related_name="+",
    )
    subject_type = models.CharField(_("loại đối tượng"), max_length=64)
    subject_id = models.CharField(_("mã đối tượng"), max_length=64)
    action = models.CharField(_("hành động"), max_length=128)
    payload = models.JSONField(_("nội dung"), default=dict)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    objects = LedgerEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("sự kiện")
        verbose_name_plural = _("sự kiện")
        ordering = ["seq"]
        indexes = [models.Index(fields=["subject_type", "subject_id", "seq"])]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} {self.subject_type}:{self.subject_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnly("ledger events are never updated")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnly("ledger events are never deleted")
