"""A case: one innovation proposal, its plan (ND 73 art. 7.2) and where it stands in the workflow."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from doimoi.initiatives.models.rulesets import RuleSet
from doimoi.initiatives.states import CaseState
from doimoi.organizations.models import Person, Unit
from doimoi.organizations.scope import Access, Scope, ScopedQuerySet


class RegulationStatus(models.TextChoices):
    """Whether the matter the proposal unblocks is regulated (art. 3, art. 7.2.a)."""

    NOT_REGULATED = "not_regulated", _("Chưa được quy định")
    UNSUITABLE = "unsuitable", _("Đã quy định nhưng không còn phù hợp")


class Outcome(models.TextChoices):
    """The evaluated result (art. 10, 11)."""

    COMPLETED = "completed", _("Hoàn thành")
    PARTLY = "partly", _("Hoàn thành một phần mục tiêu đề ra")
    NOT_COMPLETED = "not_completed", _("Không hoàn thành")


class Finding(models.TextChoices):
    """The protection finding (art. 11)."""

    NO_LIABILITY = "no_liability", _("Không bị xử lý trách nhiệm")
    EXCLUDED = "excluded", _("Loại trừ trách nhiệm")
    EXEMPTED = "exempted", _("Miễn trách nhiệm")
    MITIGATED = "mitigated", _("Giảm nhẹ trách nhiệm")


PLAN_FIELDS = (
    "title",
    "necessity",
    "bottleneck",
    "regulation_status",
    "content",
    "scope",
    "timeline",
    "resources_requested",
    "feasibility",
    "impacts",
    "expected_results",
)


def _supervised(scope: Scope, _action: str) -> Q:
    return Q(supervisor__user_id=scope.user_id)


def _sent(_scope: Scope, _action: str) -> Q:
    return ~Q(state=CaseState.DRAFT)


def _proposed(scope: Scope, _action: str) -> Q:
    co = Case.co_proposers.through.objects.filter(Q(person__user_id=scope.user_id))
    return Q(proposer__user_id=scope.user_id) | Q(pk__in=co.values("case_id"))


class Case(models.Model):
    """An innovation proposal (đề xuất đổi mới, sáng tạo) from its draft to its last record.

    A draft is its proposers' own; once sent, it is seen by its supervisor and in the subtrees
    of the proposer's unit and the deciding unit (inspectors included).
    """

    access = Access(units=("unit", "decider"), also=_supervised, only=_sent, own=_proposed)
    rule_set = models.ForeignKey(RuleSet, on_delete=models.PROTECT, related_name="cases")
    state = models.CharField(
        _("trạng thái"), max_length=16, choices=CaseState.choices, default=CaseState.DRAFT
    )
    proposer = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="proposals")
    co_proposers = models.ManyToManyField(
        Person, blank=True, related_name="co_proposals", verbose_name=_("người cùng đề xuất")
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="proposals", verbose_name=_("đơn vị công tác")
    )
    decider = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="proposals_to_decide",
        null=True,
        blank=True,
        verbose_name=_("đơn vị xem xét, quyết định"),
    )
    # The plan (kế hoạch đề xuất), art. 7.2 a–c
    title = models.CharField(_("tên đề xuất"), max_length=255)
    necessity = models.TextField(_("sự cần thiết, mục đích, yêu cầu"), blank=True)
    bottleneck = models.TextField(_("điểm nghẽn, nút thắt cần tháo gỡ"), blank=True)
    regulation_status = models.CharField(
        _("tình trạng quy định"), max_length=16, choices=RegulationStatus.choices, blank=True
    )
    content = models.TextField(_("nội dung, nhiệm vụ, giải pháp"), blank=True)
    scope = models.TextField(_("phạm vi, đối tượng thực hiện"), blank=True)
    timeline = models.TextField(_("thời gian thực hiện"), blank=True)
    resources_requested = models.TextField(_("nguồn lực bảo đảm đề nghị"), blank=True)
    feasibility = models.TextField(_("tính khả thi"), blank=True)
    impacts = models.TextField(_("tác động tích cực, tiêu cực"), blank=True)
    expected_results = models.TextField(_("dự kiến hiệu quả"), blank=True)
    wide_scope = models.BooleanField(_("phạm vi rộng, nội dung phức tạp"), default=False)
    plan_hash = models.CharField(_("mã băm kế hoạch khi gửi"), max_length=64, blank=True)
    return_comments = models.TextField(_("ý kiến khi trả lại"), blank=True)
    # Dates of the steps that start time limits
    submitted_on = models.DateField(_("ngày người đứng đầu nhận"), null=True, blank=True)
    decided_on = models.DateField(_("ngày quyết định"), null=True, blank=True)
    started_on = models.DateField(_("ngày triển khai"), null=True, blank=True)
    completed_on = models.DateField(_("ngày kết thúc thực hiện"), null=True, blank=True)
    reported_on = models.DateField(_("ngày báo cáo kết quả"), null=True, blank=True)
    evaluated_on = models.DateField(_("ngày đánh giá"), null=True, blank=True)
    # What the decision granted (a pilot's terms; adjusted by later decisions)
    is_pilot = models.BooleanField(_("thí điểm"), default=False)
    granted_scope = models.TextField(_("phạm vi được phép"), blank=True)
    pilot_units = models.ManyToManyField(
        Unit, blank=True, related_name="pilots", verbose_name=_("đơn vị thực hiện")
    )
    start_on = models.DateField(_("thực hiện từ ngày"), null=True, blank=True)
    end_on = models.DateField(_("thực hiện đến ngày"), null=True, blank=True)
    resources_granted = models.TextField(_("nguồn lực được cấp"), blank=True)
    indicators = models.TextField(_("chỉ tiêu đánh giá"), blank=True)
    stop_conditions = models.TextField(_("điều kiện dừng"), blank=True)
    supervisor = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="supervised_proposals",
        verbose_name=_("người giám sát"),
    )
    # The evaluation (art. 11.4) and its consequences
    outcome = models.CharField(_("kết quả"), max_length=16, choices=Outcome.choices, blank=True)
    damage = models.BooleanField(_("gây ra thiệt hại"), null=True, blank=True)
    damage_amount = models.DecimalField(
        _("giá trị thiệt hại (đồng)"), max_digits=18, decimal_places=0, null=True, blank=True
    )
    result_report = models.TextField(_("báo cáo kết quả"), blank=True)
    objective_causes = models.TextField(_("nguyên nhân khách quan"), blank=True)
    subjective_causes = models.TextField(_("nguyên nhân chủ quan"), blank=True)
    recognized_on = models.DateField(_("ngày công nhận mô hình"), null=True, blank=True)
    model_name = models.CharField(_("tên mô hình"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    objects = ScopedQuerySet["Case"].as_manager()

    class Meta:
        verbose_name = _("đề xuất đổi mới sáng tạo")
        verbose_name_plural = _("đề xuất đổi mới sáng tạo")
        ordering = ["-updated_at", "-pk"]
        indexes = [models.Index(fields=["state"]), models.Index(fields=["decided_on"])]

    def __str__(self) -> str:
        return self.title


class Attachment(models.Model):
    """A file attached to the plan, with the hash recorded in the ledger."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("tệp"), upload_to="initiatives/%Y/%m/")
    name = models.CharField(_("tên tệp"), max_length=255)
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tài liệu kèm theo")
        ordering = ["uploaded_at"]

    def __str__(self) -> str:
        return self.name
