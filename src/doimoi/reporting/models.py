"""Issue jobs: a composed document (a plan, a periodic report …) numbered, printed to Word and
PDF (LibreOffice, seconds) and stored in the background, with a row its author watches."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from doimoi.organizations.models import Unit
from doimoi.organizations.scope import Access, ScopedQuerySet


class IssueStatus(models.TextChoices):
    """Where an issue stands."""

    QUEUED = "queued", _("Chờ xử lý")
    RUNNING = "running", _("Đang tạo bản Word, bản PDF và lấy số")
    DONE = "done", _("Đã ban hành")
    FAILED = "failed", _("Không ban hành được")


class IssueJob(models.Model):
    """One request to issue a composed document: what the author wrote, and what became of it.

    The form's fields are kept as they were sent; the task composes from them, takes the number,
    prints and stores the document and marks the job done in one transaction."""

    access = Access(also=lambda scope, action: Q(created_by_id=scope.user_id))
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    template = models.CharField(max_length=32)
    fields = models.JSONField(default=dict)
    day = models.DateField()
    status = models.CharField(
        max_length=16, choices=IssueStatus.choices, default=IssueStatus.QUEUED
    )
    message = models.TextField(blank=True)
    document = models.ForeignKey(
        "documents.Document", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = ScopedQuerySet["IssueJob"].as_manager()

    class Meta:
        verbose_name = _("lượt ban hành văn bản")
        verbose_name_plural = _("lượt ban hành văn bản")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"#{self.pk} ({self.get_status_display()})"

    @property
    def running(self) -> bool:
        return self.status in (IssueStatus.QUEUED, IssueStatus.RUNNING)
