"""What happens to a case, record by record: opinions, checklist, votes, decisions, implementation,
supervision, protection, and what follows a success. Each record is written by one service call
together with the ledger event that proves it."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from doimoi.documents.models import Document, OutgoingEntry
from doimoi.initiatives.models.cases import Case, Finding, Outcome
from doimoi.initiatives.models.rulesets import RuleItem
from doimoi.organizations.models import Person, Unit


class Stage(models.TextChoices):
    """When the same-level party committee gives its opinion (art. 4.3)."""

    APPROVAL = "approval", _("Trước khi phê duyệt")
    EVALUATION = "evaluation", _("Trước khi đánh giá kết quả")


class PartyOpinion(models.Model):
    """The opinion of the party committee at the same level, before approval or evaluation."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="party_opinions")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    stage = models.CharField(_("giai đoạn"), max_length=16, choices=Stage.choices)
    body = models.CharField(_("cấp ủy cho ý kiến"), max_length=255)
    opinion = models.TextField(_("ý kiến"))
    given_on = models.DateField(_("ngày cho ý kiến"))

    class Meta:
        verbose_name = _("ý kiến cấp ủy")
        ordering = ["given_on", "pk"]

    def __str__(self) -> str:
        return f"{self.body} ({self.given_on:%d/%m/%Y})"


class Answer(models.TextChoices):
    """A reviewer's answer to a checklist item."""

    YES = "yes", _("Đạt")
    NO = "no", _("Không đạt")


class ChecklistAnswer(models.Model):
    """A reviewer's answer, with a note, to one condition or legality item of the rule set."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="checklist")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    item = models.ForeignKey(RuleItem, on_delete=models.PROTECT, related_name="+")
    answer = models.CharField(_("kết quả"), max_length=8, choices=Answer.choices)
    note = models.TextField(_("nhận xét"))
    citation = models.CharField(_("văn bản dẫn chiếu"), max_length=255, blank=True)
    document = models.ForeignKey(
        Document, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("kết quả rà soát")
        constraints = [
            models.UniqueConstraint(
                fields=["case", "unit", "item"], name="checklist_case_unit_item"
            )
        ]

    def __str__(self) -> str:
        return f"{self.item.short_label}: {self.get_answer_display()}"


class Choice(models.TextChoices):
    """A collective member's vote."""

    FOR = "for", _("Tán thành")
    AGAINST = "against", _("Không tán thành")
    ABSENT = "absent", _("Vắng, không biểu quyết")


class VoteRound(models.Model):
    """A vote of the leadership collective (art. 8.1): head and deputies, not a deputy who proposed."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="votes")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    held_on = models.DateField(_("ngày họp"))
    votes_for = models.PositiveSmallIntegerField(_("tán thành"))
    votes_against = models.PositiveSmallIntegerField(_("không tán thành"))
    tie = models.BooleanField(_("ngang nhau"), default=False)
    passed = models.BooleanField(_("thông qua"))

    class Meta:
        verbose_name = _("biểu quyết")
        ordering = ["held_on", "pk"]

    def __str__(self) -> str:
        return f"{self.votes_for}/{self.votes_for + self.votes_against}"


class Ballot(models.Model):
    """One member's vote in a round."""

    round = models.ForeignKey(VoteRound, on_delete=models.CASCADE, related_name="ballots")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    is_head = models.BooleanField(default=False)
    choice = models.CharField(_("biểu quyết"), max_length=8, choices=Choice.choices)

    class Meta:
        verbose_name = _("phiếu biểu quyết")
        ordering = ["-is_head", "person__full_name"]

    def __str__(self) -> str:
        return f"{self.person}: {self.choice}"


class DecisionKind(models.TextChoices):
    """What a written decision of the employing unit decides."""

    APPROVE = "approve", _("Cho thực hiện")
    PILOT = "pilot", _("Cho thí điểm")
    REJECT = "reject", _("Không phê duyệt")
    ADJUST = "adjust", _("Điều chỉnh")
    SUSPEND = "suspend", _("Tạm dừng")
    RESUME = "resume", _("Tiếp tục")
    STOP = "stop", _("Dừng")
    PROTECTION = "protection", _("Kết luận bảo vệ")
    REWARD = "reward", _("Khen thưởng, khuyến khích")


class Decision(models.Model):
    """A written decision about a case, numbered from the unit's register or as entered."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="decisions")
    kind = models.CharField(_("loại quyết định"), max_length=16, choices=DecisionKind.choices)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    number = models.CharField(_("số"), max_length=16, blank=True)
    symbol = models.CharField(_("số, ký hiệu"), max_length=80, blank=True)
    register_entry = models.ForeignKey(
        OutgoingEntry, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    document = models.ForeignKey(
        Document, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_on = models.DateField(_("ngày quyết định"))
    signer = models.ForeignKey(Person, on_delete=models.PROTECT, null=True, related_name="+")
    content = models.TextField(_("nội dung"), blank=True)
    reasons = models.TextField(_("lý do"), blank=True)
    override = models.BooleanField(_("người đứng đầu quyết định, chịu trách nhiệm"), default=False)

    class Meta:
        verbose_name = _("quyết định")
        ordering = ["decided_on", "pk"]

    def __str__(self) -> str:
        return self.symbol or self.get_kind_display()


class Checkpoint(models.Model):
    """A date set in the decision by which a progress report is due."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="checkpoints")
    due_on = models.DateField(_("hạn báo cáo"))

    class Meta:
        verbose_name = _("mốc kiểm tra")
        ordering = ["due_on"]

    def __str__(self) -> str:
        return f"{self.due_on:%d/%m/%Y}"


class ResourceKind(models.TextChoices):
    GRANTED = "granted", _("Được cấp")
    USED = "used", _("Đã sử dụng")


class ResourceEntry(models.Model):
    """Resources granted to, or used by, the implementation (art. 10.2)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="resources")
    kind = models.CharField(_("loại"), max_length=8, choices=ResourceKind.choices)
    description = models.TextField(_("nội dung"))
    amount = models.DecimalField(
        _("kinh phí (đồng)"), max_digits=18, decimal_places=0, null=True, blank=True
    )
    on = models.DateField(_("ngày"))

    class Meta:
        verbose_name = _("nguồn lực")
        ordering = ["on", "pk"]

    def __str__(self) -> str:
        return self.description[:60]


class ProgressReport(models.Model):
    """A progress report, usually at a checkpoint."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="progress_reports")
    checkpoint = models.OneToOneField(
        Checkpoint, on_delete=models.SET_NULL, null=True, blank=True, related_name="report"
    )
    reported_on = models.DateField(_("ngày báo cáo"))
    content = models.TextField(_("nội dung"))

    class Meta:
        verbose_name = _("báo cáo tiến độ")
        ordering = ["reported_on", "pk"]

    def __str__(self) -> str:
        return f"{self.reported_on:%d/%m/%Y}"


class VisitKind(models.TextChoices):
    SUPERVISION = "supervision", _("Giám sát")
    INSPECTION = "inspection", _("Kiểm tra")


class SupervisionVisit(models.Model):
    """A supervision or inspection visit and its findings."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="visits")
    kind = models.CharField(_("hình thức"), max_length=16, choices=VisitKind.choices)
    visited_on = models.DateField(_("ngày"))
    findings = models.TextField(_("kết quả, phát hiện"))
    recommendations = models.TextField(_("kiến nghị"), blank=True)
    by = models.ForeignKey(Person, on_delete=models.PROTECT, null=True, related_name="+")

    class Meta:
        verbose_name = _("giám sát, kiểm tra")
        ordering = ["visited_on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.visited_on:%d/%m/%Y}"


class ProblemKind(models.TextChoices):
    DIFFICULTY = "difficulty", _("Khó khăn, vướng mắc")
    RISK = "risk", _("Rủi ro")


class Problem(models.Model):
    """A difficulty or risk reported during implementation, and the support given."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="problems")
    kind = models.CharField(_("loại"), max_length=16, choices=ProblemKind.choices)
    raised_on = models.DateField(_("ngày báo cáo"))
    description = models.TextField(_("nội dung"))
    support = models.TextField(_("hỗ trợ, tháo gỡ"), blank=True)
    supported_on = models.DateField(_("ngày hỗ trợ"), null=True, blank=True)

    class Meta:
        verbose_name = _("khó khăn, rủi ro")
        ordering = ["raised_on", "pk"]

    def __str__(self) -> str:
        return self.description[:60]


class Protection(models.Model):
    """The protection finding of art. 11; kept, marked revoked, when a violation is found later."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="protection")
    finding = models.CharField(_("kết luận"), max_length=16, choices=Finding.choices)
    good_faith = models.BooleanField(_("đúng chủ trương, động cơ trong sáng, vì lợi ích chung"))
    reasons = models.TextField(_("căn cứ, lý do"))
    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="+")
    revoked = models.BooleanField(_("đã bị hủy bỏ do vi phạm"), default=False)

    class Meta:
        verbose_name = _("kết luận bảo vệ")

    def __str__(self) -> str:
        return self.get_finding_display()


class Referral(models.Model):
    """A finding that removes protection (motives not pure, or a prohibited act of art. 6)."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="referral")
    found_on = models.DateField(_("ngày kết luận"))
    motives_not_pure = models.BooleanField(_("động cơ không trong sáng"), default=False)
    prohibited_act = models.ForeignKey(
        RuleItem, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    description = models.TextField(_("nội dung vi phạm"))
    by = models.ForeignKey(Person, on_delete=models.PROTECT, null=True, related_name="+")

    class Meta:
        verbose_name = _("chuyển xử lý")

    def __str__(self) -> str:
        return self.description[:60]


class Adoption(models.Model):
    """Another unit adopting a recognized model, with its own result."""

    model_case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="adoptions")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="adopted_models")
    adopted_on = models.DateField(_("ngày áp dụng"))
    outcome = models.CharField(_("kết quả"), max_length=16, choices=Outcome.choices, blank=True)
    result = models.TextField(_("kết quả áp dụng"), blank=True)

    class Meta:
        verbose_name = _("áp dụng mô hình")
        ordering = ["adopted_on", "pk"]

    def __str__(self) -> str:
        return f"{self.unit} ({self.adopted_on:%d/%m/%Y})"


class RegulationProposal(models.Model):
    """A proposal to institutionalize a model into a regulation."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="regulation_proposals")
    proposed_on = models.DateField(_("ngày đề xuất"))
    content = models.TextField(_("nội dung đề xuất thể chế hóa"))
    addressed_to = models.CharField(_("kiến nghị tới"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("đề xuất thể chế hóa")
        ordering = ["proposed_on", "pk"]

    def __str__(self) -> str:
        return self.content[:60]


class RewardForm(models.TextChoices):
    """Encouragement forms of art. 10.1."""

    PRAISE = "praise", _("Biểu dương, khen ngợi trước tập thể")
    COMMENDATION = "commendation", _("Khen thưởng theo Luật Thi đua, khen thưởng")
    SALARY_STEP = "salary_step", _("Nâng bậc lương trước thời hạn")
    PLANNING = "planning", _("Ưu tiên quy hoạch, bổ nhiệm")
    OTHER = "other", _("Hình thức khác")


class Reward(models.Model):
    """A reward proposed for a person, and the decision on it."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="rewards")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="rewards")
    form = models.CharField(_("hình thức"), max_length=16, choices=RewardForm.choices)
    reasons = models.TextField(_("thành tích, lý do"))
    proposed_on = models.DateField(_("ngày đề nghị"))
    granted = models.BooleanField(_("được quyết định"), null=True, blank=True)
    decision = models.ForeignKey(
        Decision, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("khen thưởng, khuyến khích")
        ordering = ["proposed_on", "pk"]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_form_display()}"
