"""Ingest jobs: a batch of files read in the background, with progress per file."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from doimoi.organizations.models import Unit
from doimoi.organizations.scope import Access, ScopedQuerySet


class JobStatus(models.TextChoices):
    """Where a batch stands."""

    OPEN = "open", _("Đang nhận tệp")
    QUEUED = "queued", _("Chờ xử lý")
    RUNNING = "running", _("Đang xử lý")
    DONE = "done", _("Hoàn tất")


class ItemStatus(models.TextChoices):
    """What became of one file."""

    PENDING = "pending", _("Chờ xử lý")
    RUNNING = "running", _("Đang đọc")
    STORED = "stored", _("Đã lưu")
    COPY = "copy", _("Bản khác của văn bản đã có")
    DUPLICATE = "duplicate", _("Tệp đã có")
    FAILED = "failed", _("Lỗi")


class IngestJob(models.Model):
    """A batch of files sent together by the web, the API or the command: its sender's own."""

    access = Access(also=lambda scope, action: Q(created_by_id=scope.user_id))
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    source = models.CharField(max_length=16, default="web")
    status = models.CharField(max_length=16, choices=JobStatus.choices, default=JobStatus.OPEN)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    heartbeat = models.DateTimeField(null=True, blank=True)
    register_old = models.BooleanField(
        _("vào sổ đến cả văn bản ban hành trước năm nay"),
        default=False,
        help_text=_("Văn bản lưu trữ chỉ vào sổ văn bản đến năm nay khi người nhập chọn."),
    )

    objects = ScopedQuerySet["IngestJob"].as_manager()

    class Meta:
        verbose_name = _("lượt nhập văn bản")
        verbose_name_plural = _("lượt nhập văn bản")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"#{self.pk} ({self.get_status_display()})"


class IngestItem(models.Model):
    """One file of a batch: staged bytes, then what ingest made of it."""

    job = models.ForeignKey(IngestJob, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField(default=0)
    name = models.CharField(_("tên tệp"), max_length=255)
    size = models.PositiveBigIntegerField(default=0)
    staged = models.CharField(max_length=255, blank=True)
    status = models.CharField(max_length=16, choices=ItemStatus.choices, default=ItemStatus.PENDING)
    message = models.TextField(blank=True)
    documents = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = _("tệp trong lượt nhập")
        ordering = ["job", "position"]

    def __str__(self) -> str:
        return self.name
