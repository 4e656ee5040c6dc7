"""One form per transition of the table (``states.TABLE``); ``FORMS`` maps a name to its form."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from doimoi.initiatives.forms.base import (
    DatesField,
    DecisionMixin,
    TransitionForm,
    date_field,
    text_field,
)
from doimoi.initiatives.forms.plan import ConfirmForm, PlanForm
from doimoi.initiatives.forms.review import ChecklistForm, VoteForm
from doimoi.initiatives.models import (
    Finding,
    ItemKind,
    Outcome,
    ProblemKind,
    ResourceKind,
    RewardForm,
    VisitKind,
)
from doimoi.initiatives.services.evaluation import MOTIVES
from doimoi.initiatives.services.guards import allowed_findings
from doimoi.organizations.models import Person, Unit, UnitKind


def _set_queryset(form: forms.Form, name: str, queryset: Any) -> None:
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)
    field.queryset = queryset


class ReturnForm(TransitionForm):
    comments = text_field(
        _lazy("Ý kiến trả lại"), help_text=_lazy("Nêu rõ nội dung cần hoàn thiện.")
    )


class PutToCollectiveForm(TransitionForm):
    meeting_on = date_field(_lazy("Ngày họp tập thể lãnh đạo"))


class EscalateForm(TransitionForm):
    reasons = text_field(_lazy("Lý do chuyển cấp trên"))


class PartyOpinionForm(TransitionForm):
    body = forms.CharField(label=_lazy("Cấp ủy cho ý kiến"), max_length=255)
    opinion = text_field(_lazy("Ý kiến"))
    given_on = date_field(_lazy("Ngày cho ý kiến"))

    def setup(self) -> None:
        unit = self.case.decider or self.case.unit
        if unit.kind == UnitKind.PARTY_COMMITTEE:
            self.fields["body"].initial = _("Ban Thường vụ %(unit)s") % {"unit": unit.name}
        else:
            self.fields["body"].initial = _("Cấp ủy %(unit)s") % {"unit": unit.name}


OVERRIDE_HELP = _lazy(
    "Chỉ ghi khi tập thể không thông qua mà người đứng đầu vẫn quyết định: nêu rõ lý do và việc "
    "chịu trách nhiệm trước cấp trên và trước pháp luật (Điều 8 khoản 1)."
)


class ApproveForm(DecisionMixin, TransitionForm):
    content = text_field(_lazy("Nội dung quyết định"))
    resources = text_field(_lazy("Nguồn lực được cấp"), required=False)
    start_on = date_field(_lazy("Thực hiện từ ngày"), required=False, today=False)
    end_on = date_field(_lazy("Thực hiện đến ngày"), required=False, today=False)
    checkpoints = DatesField(
        label=_lazy("Các mốc báo cáo tiến độ"),
        required=False,
        help_text=_lazy("Mỗi dòng một ngày, dạng ngày/tháng/năm, ví dụ 15/03/2026."),
    )
    supervisor = forms.ModelChoiceField(
        label=_lazy("Người giám sát"), queryset=Person.objects.none(), required=False
    )
    override_statement = text_field(
        _lazy("Văn bản người đứng đầu quyết định, chịu trách nhiệm"),
        required=False,
        help_text=OVERRIDE_HELP,
    )

    def setup(self) -> None:
        self.setup_decision(self.case)
        unit = self.case.decider or self.case.unit
        people = Person.objects.filter(memberships__unit__path__under=unit.path)
        _set_queryset(self, "supervisor", people.distinct().order_by("full_name"))


class ApprovePilotForm(ApproveForm):
    scope = text_field(_lazy("Phạm vi thí điểm"))
    pilot_units = forms.ModelMultipleChoiceField(
        label=_lazy("Đơn vị thực hiện thí điểm"),
        queryset=Unit.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 5}),
    )
    indicators = text_field(_lazy("Chỉ tiêu đánh giá"))
    stop_conditions = text_field(_lazy("Điều kiện dừng thí điểm"))

    def setup(self) -> None:
        super().setup()
        for name in ("resources", "start_on", "end_on", "checkpoints", "supervisor"):
            self.fields[name].required = True
        unit = self.case.decider or self.case.unit
        _set_queryset(self, "pilot_units", Unit.objects.filter(path__under=unit.path))

    field_order = [
        "decided_on", "decision_symbol", "content", "scope", "pilot_units", "start_on", "end_on",
        "resources", "indicators", "checkpoints", "stop_conditions", "supervisor",
        "override_statement",
    ]  # fmt: skip


class ReasonedDecisionForm(DecisionMixin, TransitionForm):
    reasons = text_field(_lazy("Lý do"))

    def setup(self) -> None:
        self.setup_decision(self.case)


class StartForm(TransitionForm):
    started_on = date_field(_lazy("Ngày triển khai"))
    resources_allotted = text_field(_lazy("Nguồn lực đã bố trí"), required=False)
    amount = forms.DecimalField(
        label=_lazy("Kinh phí (đồng)"), required=False, min_value=0, decimal_places=0
    )


class ResourcesForm(TransitionForm):
    kind = forms.ChoiceField(label=_lazy("Loại"), choices=ResourceKind.choices)
    description = text_field(_lazy("Nội dung"))
    amount = forms.DecimalField(
        label=_lazy("Kinh phí (đồng)"), required=False, min_value=0, decimal_places=0
    )
    on = date_field(_lazy("Ngày"))


class ProgressForm(TransitionForm):
    checkpoint = forms.ModelChoiceField(
        label=_lazy("Mốc báo cáo"), queryset=Person.objects.none(), required=False
    )
    reported_on = date_field(_lazy("Ngày báo cáo"))
    content = text_field(_lazy("Nội dung: việc đã làm, kết quả so với chỉ tiêu"))

    def setup(self) -> None:
        open_ones = self.case.checkpoints.filter(report__isnull=True).order_by("due_on")
        _set_queryset(self, "checkpoint", open_ones)
        self.fields["checkpoint"].initial = open_ones.first()


class SupervisionForm(TransitionForm):
    kind = forms.ChoiceField(label=_lazy("Hình thức"), choices=VisitKind.choices)
    visited_on = date_field(_lazy("Ngày giám sát, kiểm tra"))
    findings = text_field(_lazy("Kết quả, phát hiện"))
    recommendations = text_field(_lazy("Kiến nghị"), required=False)


class ProblemForm(TransitionForm):
    kind = forms.ChoiceField(label=_lazy("Loại"), choices=ProblemKind.choices)
    raised_on = date_field(_lazy("Ngày báo cáo"))
    description = text_field(_lazy("Nội dung"))


class SupportForm(TransitionForm):
    problem = forms.ModelChoiceField(
        label=_lazy("Khó khăn, rủi ro được hỗ trợ"), queryset=Person.objects.none()
    )
    support = text_field(_lazy("Nội dung hỗ trợ, tháo gỡ"))
    supported_on = date_field(_lazy("Ngày hỗ trợ"))

    def setup(self) -> None:
        _set_queryset(self, "problem", self.case.problems.filter(support=""))


class AdjustForm(ReasonedDecisionForm):
    end_on = date_field(_lazy("Thời gian thực hiện đến ngày (mới)"), required=False, today=False)
    scope = text_field(_lazy("Phạm vi (mới)"), required=False)
    resources = text_field(_lazy("Nguồn lực (mới)"), required=False)


class CompleteForm(TransitionForm):
    completed_on = date_field(_lazy("Ngày kết thúc thực hiện"))


class ResultReportForm(TransitionForm):
    reported_on = date_field(_lazy("Ngày báo cáo"))
    report = text_field(
        _lazy("Báo cáo kết quả"), help_text=_lazy("Báo cáo đầy đủ, trung thực bằng văn bản.")
    )


class EvaluateForm(TransitionForm):
    evaluated_on = date_field(_lazy("Ngày đánh giá"))
    outcome = forms.ChoiceField(label=_lazy("Kết quả"), choices=[("", "—"), *Outcome.choices])
    damage = forms.BooleanField(label=_lazy("Gây ra thiệt hại"), required=False)
    damage_amount = forms.DecimalField(
        label=_lazy("Giá trị thiệt hại (đồng), nếu xác định được"),
        required=False,
        min_value=0,
        decimal_places=0,
    )
    objective_causes = text_field(_lazy("Nguyên nhân khách quan"))
    subjective_causes = text_field(_lazy("Nguyên nhân chủ quan"))


class ProtectionForm(ReasonedDecisionForm):
    good_faith = forms.BooleanField(
        label=_lazy("Cán bộ thực hiện đúng chủ trương, có động cơ trong sáng, vì lợi ích chung"),
        required=False,
    )
    finding = forms.ChoiceField(label=_lazy("Kết luận"), choices=Finding.choices)

    def setup(self) -> None:
        super().setup()
        allowed = allowed_findings(self.case)
        field = self.fields["finding"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(f.value, f.label) for f in Finding if f.value in allowed]

    field_order = ["decided_on", "decision_symbol", "good_faith", "finding", "reasons"]


class ReferForm(TransitionForm):
    found_on = date_field(_lazy("Ngày kết luận"))
    ground = forms.ChoiceField(label=_lazy("Căn cứ kết luận"))
    description = text_field(_lazy("Nội dung vi phạm"))

    def setup(self) -> None:
        items = self.case.rule_set.items.filter(kind=ItemKind.PROHIBITED).order_by("order")
        field = self.fields["ground"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [
            (MOTIVES, _("Động cơ không trong sáng, không vì lợi ích chung")),
            *[(i.code, i.label) for i in items],
        ]


class RecognizeForm(TransitionForm):
    recognized_on = date_field(_lazy("Ngày công nhận"))
    model_name = forms.CharField(label=_lazy("Tên mô hình"), max_length=255)


class AdoptionForm(TransitionForm):
    unit = forms.ModelChoiceField(label=_lazy("Đơn vị áp dụng"), queryset=Unit.objects.none())
    adopted_on = date_field(_lazy("Ngày áp dụng"))

    def setup(self) -> None:
        _set_queryset(self, "unit", Unit.objects.exclude(pk=self.case.unit_id).order_by("path"))


class AdoptionResultForm(TransitionForm):
    adoption = forms.ModelChoiceField(label=_lazy("Đơn vị áp dụng"), queryset=Unit.objects.none())
    outcome = forms.ChoiceField(label=_lazy("Kết quả"), choices=Outcome.choices)
    result = text_field(_lazy("Kết quả áp dụng"))

    def setup(self) -> None:
        _set_queryset(self, "adoption", self.case.adoptions.select_related("unit"))


class RegulationForm(TransitionForm):
    proposed_on = date_field(_lazy("Ngày đề xuất"))
    content = text_field(_lazy("Nội dung đề xuất thể chế hóa"))
    addressed_to = forms.CharField(label=_lazy("Kiến nghị tới"), max_length=255, required=False)


class RewardProposalForm(TransitionForm):
    person = forms.ModelChoiceField(
        label=_lazy("Cán bộ được đề nghị"), queryset=Person.objects.none()
    )
    form = forms.ChoiceField(label=_lazy("Hình thức"), choices=RewardForm.choices)
    reasons = text_field(_lazy("Thành tích, lý do"))

    def setup(self) -> None:
        ids = [self.case.proposer_id, *self.case.co_proposers.values_list("pk", flat=True)]
        _set_queryset(self, "person", Person.objects.filter(pk__in=ids).order_by("full_name"))


class RewardDecisionForm(DecisionMixin, TransitionForm):
    reward = forms.ModelChoiceField(
        label=_lazy("Đề nghị khen thưởng"), queryset=Person.objects.none()
    )
    granted = forms.ChoiceField(
        label=_lazy("Quyết định"), choices=[("yes", _lazy("Đồng ý")), ("no", _lazy("Không đồng ý"))]
    )
    reasons = text_field(_lazy("Lý do"), required=False)

    def setup(self) -> None:
        self.setup_decision(self.case)
        _set_queryset(self, "reward", self.case.rewards.filter(granted__isnull=True))

    field_order = ["reward", "granted", "decided_on", "decision_symbol", "reasons"]


FORMS: dict[str, type[TransitionForm]] = {
    "save_draft": PlanForm,
    "submit": ConfirmForm,
    "return_for_revision": ReturnForm,
    "put_to_collective": PutToCollectiveForm,
    "escalate": EscalateForm,
    "record_party_opinion": PartyOpinionForm,
    "answer_checklist": ChecklistForm,
    "record_vote": VoteForm,
    "approve": ApproveForm,
    "approve_pilot": ApprovePilotForm,
    "reject": ReasonedDecisionForm,
    "start": StartForm,
    "record_resources": ResourcesForm,
    "report_progress": ProgressForm,
    "record_supervision": SupervisionForm,
    "raise_problem": ProblemForm,
    "give_support": SupportForm,
    "adjust": AdjustForm,
    "suspend": ReasonedDecisionForm,
    "resume": ReasonedDecisionForm,
    "stop": ReasonedDecisionForm,
    "complete": CompleteForm,
    "report_result": ResultReportForm,
    "evaluate": EvaluateForm,
    "grant_protection": ProtectionForm,
    "refer": ReferForm,
    "recognize_model": RecognizeForm,
    "record_adoption": AdoptionForm,
    "report_adoption": AdoptionResultForm,
    "propose_regulation": RegulationForm,
    "propose_reward": RewardProposalForm,
    "decide_reward": RewardDecisionForm,
}
