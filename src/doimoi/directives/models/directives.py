"""Directives, their sendings down the tree, the requirements each sending sets, and assignments."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from doimoi.directives.states import AssignmentState
from doimoi.documents.models import Document
from doimoi.organizations.models import Unit
from doimoi.organizations.scope import Access, ScopedQuerySet, units_in

# What a directive carries from its document: the document's classification (a Mật document's
# directive, assignments, tasks, reports and notifications are Mật too).
LEVEL = "directive__document__confidentiality"


def _received_in(paths: Iterable[str]) -> Q:
    """Directives with an assignment received or sent in the subtrees at ``paths``."""
    seen = Assignment.objects.filter(units_in("unit", paths) | units_in("sender", paths))
    return Q(pk__in=seen.values("directive_id"))


# The requirement kinds, in the order a recipient usually meets them; each has a "<kind>_due"
# and a "<kind>_on" column on Assignment, so rollups count them with plain conditional sums.
KINDS = ("plan", "forward", "study", "tasks", "report")


class RequirementKind(models.TextChoices):
    """What a recipient must do with a directive."""

    PLAN = "plan", _("Ban hành kế hoạch thực hiện")
    FORWARD = "forward", _("Sao gửi, triển khai tới đơn vị trực thuộc")
    STUDY = "study", _("Tổ chức quán triệt")
    TASKS = "tasks", _("Thực hiện các nhiệm vụ được giao")
    REPORT = "report", _("Báo cáo kết quả thực hiện")


class Period(models.TextChoices):
    """How often a report is due."""

    ONCE = "once", _("Một lần")
    MONTHLY = "monthly", _("Hằng tháng")
    QUARTERLY = "quarterly", _("Hằng quý")
    HALF_YEARLY = "half_yearly", _("Sáu tháng")
    YEARLY = "yearly", _("Hằng năm")


class Directive(models.Model):
    """A document followed as a directive (văn bản chỉ đạo) by the unit that issues it.

    Seen in the issuer's subtree and by the units that received or sent it in the cascade.
    """

    access = Access(units=("issuer", _received_in), level="document__confidentiality")
    document = models.ForeignKey(
        Document, on_delete=models.PROTECT, related_name="directives", verbose_name=_("văn bản")
    )
    issuer = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="issued_directives", verbose_name=_("đơn vị")
    )
    title = models.CharField(_("tên gọi"), max_length=300)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedQuerySet["Directive"].as_manager()

    class Meta:
        verbose_name = _("văn bản chỉ đạo")
        verbose_name_plural = _("văn bản chỉ đạo")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["document", "issuer"], name="directive_once_per_issuer")
        ]

    def __str__(self) -> str:
        return self.title


class CascadeStamp(models.Model):
    """A token that changes with every write to one directive's assignments, tasks and reports.

    Database triggers (migration 0005, ``directives.stamp``) give ``token`` a new random value
    whenever a transaction writing those rows commits, whoever writes. The cascade's rollup is
    kept in the cache under the token read with the directive (views.directives), so what is
    kept is never older than what it counts. Random, as the scope stamp is: a restored backup
    or a rolled-back test never brings back a token already used for other data.
    ``timeline_token`` (migration 0006) changes with the same writes except an assignment's
    that changes nothing its timeline reads (a study session held, an acknowledgement): the
    page's timeline is kept under it.
    """

    directive_id = models.BigIntegerField(primary_key=True)
    token = models.CharField(max_length=32)
    timeline_token = models.CharField(max_length=32, db_default="")

    objects: models.Manager[CascadeStamp] = models.Manager()

    def __str__(self) -> str:
        return self.token


class Distribution(models.Model):
    """One sending: ``sender`` sends ``document`` to recipient units with requirements.

    The directive's issuer sends first (``parent`` empty); a recipient that forwards the
    directive, or assigns its plan's tasks, sends again from its own assignment (``parent``).
    """

    directive = models.ForeignKey(Directive, on_delete=models.CASCADE, related_name="distributions")
    parent = models.ForeignKey(
        "Assignment",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="distributions",
    )
    sender = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="+")
    sent_on = models.DateField(_("ngày gửi"))
    note = models.TextField(_("ghi chú"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lượt gửi văn bản chỉ đạo")
        verbose_name_plural = _("lượt gửi văn bản chỉ đạo")
        ordering = ["sent_on", "pk"]
        # The timeline's latest sendings of a directive: read backwards, not all of them sorted
        indexes = [
            models.Index(fields=["directive", "sent_on", "id"], name="directives_dist_latest")
        ]

    def __str__(self) -> str:
        return f"{self.document} — {self.sender} ({self.sent_on:%d/%m/%Y})"


class Requirement(models.Model):
    """What every recipient of a sending must do, and by when (a date, or working days)."""

    distribution = models.ForeignKey(
        Distribution, on_delete=models.CASCADE, related_name="requirements"
    )
    kind = models.CharField(_("yêu cầu"), max_length=16, choices=RequirementKind.choices)
    due_days = models.PositiveSmallIntegerField(_("thời hạn (ngày làm việc)"), null=True)
    due_date = models.DateField(_("hạn"))
    period = models.CharField(
        _("định kỳ"), max_length=16, choices=Period.choices, default=Period.ONCE
    )
    until = models.DateField(_("báo cáo đến ngày"), null=True, blank=True)
    note = models.TextField(_("nội dung"), blank=True)

    class Meta:
        verbose_name = _("yêu cầu")
        verbose_name_plural = _("yêu cầu")
        ordering = ["distribution", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["distribution", "kind"], name="requirement_once"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.due_date:%d/%m/%Y})"


class Assignment(models.Model):
    """What one unit received in a directive's cascade, and how far it has got.

    Seen in the subtrees of the receiving and the sending unit (siblings see nothing of each other).

    Milestones are columns (``plan_due``/``plan_on``, …): a requirement the unit did not get has
    no due date. Overdue is derived: a due date passed with its milestone still empty. A returned
    report clears ``report_on``, so it counts as not done until the unit reports again.
    """

    access = Access(units=("unit", "sender"), level=LEVEL)
    directive = models.ForeignKey(Directive, on_delete=models.CASCADE, related_name="assignments")
    distribution = models.ForeignKey(
        Distribution, on_delete=models.CASCADE, related_name="assignments"
    )
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="directive_assignments")
    sender = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    # The unit's level when it received the directive (province, commune, cell…), for the
    # counts per level without a join; its place in the tree is always read from the tree.
    level = models.CharField(max_length=16, default="")

    state = models.CharField(
        _("trạng thái"),
        max_length=16,
        choices=AssignmentState.choices,
        default=AssignmentState.RECEIVED,
    )
    received_on = models.DateField(_("ngày nhận"))
    acknowledged_on = models.DateField(_("ngày xác nhận đã nhận"), null=True, blank=True)
    plan_due = models.DateField(null=True, blank=True)
    plan_on = models.DateField(_("ngày ban hành kế hoạch"), null=True, blank=True)
    plan_document = models.ForeignKey(
        Document, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    forward_due = models.DateField(null=True, blank=True)
    forward_on = models.DateField(_("ngày sao gửi"), null=True, blank=True)
    forward_document = models.ForeignKey(
        Document, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    study_due = models.DateField(null=True, blank=True)
    study_on = models.DateField(_("ngày quán triệt"), null=True, blank=True)
    tasks_due = models.DateField(null=True, blank=True)
    tasks_on = models.DateField(_("ngày hoàn thành nhiệm vụ"), null=True, blank=True)
    report_due = models.DateField(null=True, blank=True)
    report_on = models.DateField(_("ngày báo cáo"), null=True, blank=True)
    report_accepted_on = models.DateField(null=True, blank=True)
    report_period = models.CharField(max_length=16, choices=Period.choices, default=Period.ONCE)
    report_round = models.PositiveSmallIntegerField(default=0)
    report_until = models.DateField(null=True, blank=True)
    due_final = models.DateField(_("hạn cuối"), null=True, blank=True)
    done_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ScopedQuerySet["Assignment"].as_manager()

    class Meta:
        verbose_name = _("nhiệm vụ được giao")
        verbose_name_plural = _("nhiệm vụ được giao")
        ordering = ["unit__path"]
        constraints = [
            models.UniqueConstraint(fields=["directive", "unit"], name="assignment_once_per_unit"),
        ]
        indexes = [
            models.Index(fields=["unit", "state"], name="assignment_unit_state"),
            models.Index(fields=["sender", "state"], name="assignment_sender_state"),
            # the page's timeline: latest plans and forwards first
            models.Index(fields=["directive", "plan_on"], name="assignment_directive_plan"),
            models.Index(fields=["directive", "forward_on"], name="assignment_directive_forward"),
        ]

    def __str__(self) -> str:
        return f"{self.directive} → {self.unit}"

    @property
    def is_done(self) -> bool:
        return self.state == AssignmentState.DONE
