"""What the exchange keeps: units' agency codes, documents known by their edXML DocumentId,
the packets that came and went, and what recipients reported of their handling."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from doimoi.documents.models import Document
from doimoi.exchange.edxml.model import STATUS_CODES
from doimoi.organizations.models import Unit
from doimoi.organizations.scope import Access, ScopedQuerySet


class AgencyCode(models.Model):
    """A unit's electronic identifiers on the exchange (QCVN 102 form, QĐ 20/2020 form, parent)."""

    unit = models.OneToOneField(Unit, on_delete=models.CASCADE, related_name="agency")
    code_102 = models.CharField(_("mã định danh (QCVN 102)"), max_length=35, blank=True)
    code_qd20 = models.CharField(_("mã định danh (QĐ 20/2020)"), max_length=35, blank=True)
    parent_code = models.CharField(_("mã định danh đơn vị cấp trên"), max_length=35, blank=True)

    class Meta:
        verbose_name = _("mã định danh liên thông")
        verbose_name_plural = _("mã định danh liên thông")
        indexes = [
            models.Index(fields=["code_102"], name="agency_code_102"),
            models.Index(fields=["code_qd20"], name="agency_code_qd20"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} ({self.code})"

    @property
    def code(self) -> str:
        """The code written in packets: the QCVN 102 form every sample uses, else the QĐ 20 one."""
        return self.code_102 or self.code_qd20


class Direction(models.TextChoices):
    INCOMING = "in", _("nhận")
    OUTGOING = "out", _("gửi")


class ExchangeRecord(models.Model):
    """A document as the exchange knows it, for one unit: received from, or sent to, others.
    Seen, like the unit's registers, in the unit's subtree, with the document's classification."""

    access = Access(units=("unit",), level="document__confidentiality")

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="exchanges")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    direction = models.CharField(max_length=3, choices=Direction.choices)
    edxml_id = models.CharField(_("mã văn bản liên thông"), max_length=255, db_index=True)
    sender_code = models.CharField(_("mã nơi gửi"), max_length=35, blank=True)
    sender_name = models.CharField(_("nơi gửi"), max_length=255, blank=True)
    recipients = models.JSONField(_("nơi nhận (mã định danh)"), default=list, blank=True)
    due_date = models.DateField(_("hạn xử lý"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("bị thu hồi lúc"), null=True, blank=True)
    revoked_reason = models.TextField(_("lý do thu hồi"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedQuerySet["ExchangeRecord"].as_manager()

    class Meta:
        verbose_name = _("văn bản liên thông")
        verbose_name_plural = _("văn bản liên thông")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "direction", "edxml_id"], name="exchange_record_once"
            )
        ]

    def __str__(self) -> str:
        return self.edxml_id


class PacketKind(models.TextChoices):
    DOCUMENT = "document", _("văn bản")
    STATUS = "status", _("trạng thái")


class Packet(models.Model):
    """One packet that came in or went out, kept byte for byte in the file store."""

    access = Access(units=("unit",), level="record__document__confidentiality")

    direction = models.CharField(max_length=3, choices=Direction.choices)
    kind = models.CharField(max_length=16, choices=PacketKind.choices)
    business = models.PositiveSmallIntegerField(null=True, blank=True)
    status_code = models.CharField(max_length=2, blank=True)
    record = models.ForeignKey(
        ExchangeRecord, on_delete=models.CASCADE, null=True, blank=True, related_name="packets"
    )
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    peer = models.CharField(_("đơn vị bên kia"), max_length=255, blank=True)
    name = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64)
    path = models.CharField(max_length=255)
    transport = models.CharField(max_length=32, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedQuerySet["Packet"].as_manager()

    class Meta:
        verbose_name = _("gói tin edXML")
        verbose_name_plural = _("gói tin edXML")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.name

    def get_status_code_display(self) -> str:
        return str(STATUS_CODES.get(self.status_code, self.status_code))


class RemoteStatus(models.Model):
    """What a recipient reported of its handling of a document this instance sent (seen where
    the sending unit's records are)."""

    access = Access(units=("record__unit",), level="record__document__confidentiality")

    record = models.ForeignKey(ExchangeRecord, on_delete=models.CASCADE, related_name="statuses")
    agency_code = models.CharField(_("mã nơi nhận"), max_length=35)
    agency_name = models.CharField(_("nơi nhận"), max_length=255, blank=True)
    unit = models.ForeignKey(
        Unit, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    code = models.CharField(_("mã trạng thái"), max_length=2)
    description = models.TextField(_("mô tả"), blank=True)
    staff = models.CharField(_("cán bộ"), max_length=255, blank=True)
    at = models.DateTimeField(_("thời điểm"))
    received_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedQuerySet["RemoteStatus"].as_manager()

    class Meta:
        verbose_name = _("trạng thái xử lý tại nơi nhận")
        verbose_name_plural = _("trạng thái xử lý tại nơi nhận")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.agency_code}: {self.code}"

    @property
    def label(self) -> str:
        return str(STATUS_CODES.get(self.code, self.code))
