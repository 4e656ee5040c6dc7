"""Named tasks of a plan, and the reports units send up on their assignments and tasks."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from doimoi.directives.models.directives import LEVEL, Assignment, Directive
from doimoi.directives.states import ReportState, TaskState
from doimoi.documents.models import Document
from doimoi.organizations.models import Unit
from doimoi.organizations.scope import Access, ScopedQuerySet


class Task(models.Model):
    """A task a plan names for one unit, as the plan wrote it, with a deadline and a deliverable.

    It belongs to that unit's assignment (the plan's sending made one); a task the plan gives to
    several units ("Các tổ chức cơ sở đảng…") is one row per unit with the same ``number``.
    """

    access = Access(units=("unit", "sender"), level=LEVEL)
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="tasks")
    directive = models.ForeignKey(Directive, on_delete=models.CASCADE, related_name="tasks")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="directive_tasks")
    sender = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    level = models.CharField(max_length=16, default="")  # the unit's, when the task was given
    plan = models.ForeignKey(
        Document, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    number = models.CharField(_("mục"), max_length=16, blank=True)
    title = models.CharField(_("đơn vị được giao (như văn bản ghi)"), max_length=300)
    description = models.TextField(_("nội dung nhiệm vụ"), blank=True)
    deliverable = models.CharField(_("sản phẩm"), max_length=300)
    due_date = models.DateField(_("hạn"))
    state = models.CharField(
        _("trạng thái"), max_length=16, choices=TaskState.choices, default=TaskState.ASSIGNED
    )
    reported_on = models.DateField(_("ngày báo cáo"), null=True, blank=True)
    done_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedQuerySet["Task"].as_manager()

    class Meta:
        verbose_name = _("nhiệm vụ cụ thể")
        verbose_name_plural = _("nhiệm vụ cụ thể")
        ordering = ["assignment", "number", "pk"]
        indexes = [
            models.Index(fields=["unit", "state"], name="task_unit_state"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title} — {self.unit}" if self.number else self.title


class Report(models.Model):
    """A report a unit sends up on its assignment (or on one of its tasks)."""

    access = Access(units=("unit", "sender"), level=LEVEL)
    directive = models.ForeignKey(Directive, on_delete=models.CASCADE, related_name="reports")
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="reports")
    task = models.ForeignKey(
        Task, on_delete=models.CASCADE, null=True, blank=True, related_name="reports"
    )
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    # The assignment's sender, so visibility needs no join through the assignment.
    sender = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+", null=True)
    round = models.PositiveSmallIntegerField(_("kỳ báo cáo"), default=0)
    narrative = models.TextField(_("nội dung báo cáo"))
    figures = models.JSONField(_("số liệu"), default=list, blank=True)
    document_reference = models.CharField(_("số, ký hiệu báo cáo"), max_length=64, blank=True)
    document = models.ForeignKey(
        Document, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    due_date = models.DateField(_("hạn"), null=True, blank=True)
    submitted_on = models.DateField(_("ngày báo cáo"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    state = models.CharField(
        _("trạng thái"), max_length=16, choices=ReportState.choices, default=ReportState.SUBMITTED
    )
    reviewed_on = models.DateField(_("ngày xem xét"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    return_reason = models.TextField(_("lý do trả lại"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedQuerySet["Report"].as_manager()

    class Meta:
        verbose_name = _("báo cáo")
        verbose_name_plural = _("báo cáo")
        ordering = ["-submitted_on", "-pk"]
        indexes = [
            models.Index(fields=["directive", "state"], name="report_directive_state"),
            models.Index(fields=["directive", "submitted_on"], name="report_directive_submitted"),
            models.Index(fields=["directive", "reviewed_on"], name="report_directive_reviewed"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(state=ReportState.RETURNED) | ~Q(return_reason=""),
                name="report_returned_has_reason",
            )
        ]

    def __str__(self) -> str:
        return f"{self.unit} — {self.submitted_on:%d/%m/%Y}"

    @property
    def on_time(self) -> bool:
        return self.due_date is None or self.submitted_on <= self.due_date


class ReportAttachment(models.Model):
    """A file sent with a report."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="directives/reports/%Y/%m/")
    name = models.CharField(_("tên tệp"), max_length=255)
    size = models.PositiveIntegerField(_("dung lượng (byte)"))

    class Meta:
        verbose_name = _("tệp đính kèm báo cáo")
        verbose_name_plural = _("tệp đính kèm báo cáo")

    def __str__(self) -> str:
        return self.name
