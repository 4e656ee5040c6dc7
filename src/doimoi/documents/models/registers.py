"""The registers a unit keeps: outgoing (sổ văn bản đi) and incoming (sổ văn bản đến)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from doimoi.documents.models.documents import Document, DocumentCopy
from doimoi.organizations.models import Person, Unit
from doimoi.organizations.scope import Access, ScopedQuerySet


class RegisterCounter(models.Model):
    """The last number given in one series of a unit's register; locked row by row when taken.

    Series keys: ``out:party:<type>:<term start>``, ``out:state:<year>`` (``…:secret`` for the
    separate series of classified state documents, ND 30 art. 15), ``in:<year>``.
    """

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    series = models.CharField(max_length=64)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("bộ đếm sổ văn bản")
        constraints = [
            models.UniqueConstraint(fields=["unit", "series"], name="register_counter_unique")
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.series}: {self.last}"


class OutgoingEntry(models.Model):
    """A number taken from a unit's outgoing register, with the symbol it makes."""

    access = Access(units=("unit",), level="confidentiality")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="outgoing_entries")
    series = models.CharField(max_length=64)
    seq = models.PositiveIntegerField()
    number = models.CharField(_("số"), max_length=16)
    symbol = models.CharField(_("số, ký hiệu"), max_length=80)
    kind = models.CharField(_("khối"), max_length=8)
    type_code = models.CharField(_("mã loại văn bản"), max_length=16, blank=True)
    date = models.DateField(_("ngày"))
    title = models.TextField(_("trích yếu"), blank=True)
    confidentiality = models.PositiveSmallIntegerField(_("độ mật"), default=0)
    document = models.ForeignKey(
        Document,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="outgoing_entries",
    )
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedQuerySet["OutgoingEntry"].as_manager()

    class Meta:
        verbose_name = _("văn bản đi")
        verbose_name_plural = _("sổ văn bản đi")
        ordering = ["unit", "series", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "series", "seq"], name="outgoing_entry_unique")
        ]

    def __str__(self) -> str:
        return self.symbol


class IncomingEntry(models.Model):
    """A document's arrival at a unit: arrival number in the year, date received, who handles it."""

    access = Access(units=("unit",), level="document__confidentiality")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="incoming_entries")
    year = models.PositiveSmallIntegerField(_("năm"))
    seq = models.PositiveIntegerField(_("số đến"))
    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="arrivals")
    copy = models.ForeignKey(
        DocumentCopy, on_delete=models.SET_NULL, null=True, blank=True, related_name="arrivals"
    )
    received_on = models.DateField(_("ngày đến"))
    handler = models.ForeignKey(
        Person,
        verbose_name=_("người xử lý"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # a wrong entry is never deleted (its number stays taken): it is marked cancelled, with why
    cancelled_on = models.DateField(_("ngày hủy"), null=True, blank=True)
    cancel_reason = models.TextField(_("lý do hủy"), blank=True)

    objects = ScopedQuerySet["IncomingEntry"].as_manager()

    class Meta:
        verbose_name = _("văn bản đến")
        verbose_name_plural = _("sổ văn bản đến")
        ordering = ["unit", "-year", "-seq"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "year", "seq"], name="incoming_entry_unique"),
            models.UniqueConstraint(fields=["unit", "document"], name="incoming_once_per_unit"),
        ]

    def __str__(self) -> str:
        return f"{self.seq}/{self.year} — {self.document}"
