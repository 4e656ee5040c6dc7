"""The proposal form (ND 73 art. 7.2) and the form that starts one."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from doimoi.core.forms import AccessibleErrorsMixin, NFCFormMixin
from doimoi.initiatives.forms.base import TEXTAREA, TransitionForm
from doimoi.initiatives.models import RegulationStatus, RuleSet
from doimoi.organizations.models import Person, Unit


class CaseCreateForm(AccessibleErrorsMixin, NFCFormMixin, forms.Form):
    """Which unit the proposal comes from, under which regime, and its name."""

    unit = forms.ModelChoiceField(label=_("Đơn vị công tác"), queryset=Unit.objects.none())
    rule_set = forms.ModelChoiceField(
        label=_("Chế độ áp dụng"),
        queryset=RuleSet.objects.none(),
        help_text=_(
            "Nghị định 73 áp dụng cho cán bộ lãnh đạo, quản lý cơ quan nhà nước; Kết luận 14-KL/TW "
            "(quy định của cấp ủy) cho cán bộ khối Đảng, Mặt trận, đoàn thể."
        ),
    )
    title = forms.CharField(label=_("Tên đề xuất"), max_length=255)

    def __init__(self, *args: Any, units: list[Unit], rule_sets: list[RuleSet], **kwargs: Any):
        super().__init__(*args, **kwargs)
        unit_field = self.fields["unit"]
        assert isinstance(unit_field, forms.ModelChoiceField)
        unit_field.queryset = Unit.objects.filter(pk__in=[u.pk for u in units]).order_by("path")
        rule_field = self.fields["rule_set"]
        assert isinstance(rule_field, forms.ModelChoiceField)
        rule_field.queryset = RuleSet.objects.filter(pk__in=[r.pk for r in rule_sets])


def _colleagues(unit: Unit) -> QuerySet[Person]:
    top = Unit.objects.get_parent(unit) or unit
    return (
        Person.objects.filter(memberships__unit__path__under=top.path)
        .distinct()
        .order_by("full_name")
    )


class PlanForm(TransitionForm):
    """The plan: sections a–c of art. 7.2, co-proposers; saved as a draft as it is typed."""

    title = forms.CharField(label=_("Tên đề xuất"), max_length=255)
    necessity = forms.CharField(
        label=_("Sự cần thiết, mục đích, yêu cầu"), required=False, widget=TEXTAREA
    )
    bottleneck = forms.CharField(
        label=_("Điểm nghẽn, nút thắt cần tháo gỡ"),
        required=False,
        widget=TEXTAREA,
        help_text=_("Nêu rõ điểm nghẽn trong cơ chế, chính sách mà đề xuất tháo gỡ."),
    )
    regulation_status = forms.ChoiceField(
        label=_("Vấn đề đã được quy định chưa"),
        required=False,
        choices=[("", "—"), *RegulationStatus.choices],
    )
    content = forms.CharField(
        label=_("Nội dung, nhiệm vụ, giải pháp"), required=False, widget=TEXTAREA
    )
    scope = forms.CharField(
        label=_("Phạm vi, đối tượng thực hiện"), required=False, widget=TEXTAREA
    )
    timeline = forms.CharField(label=_("Thời gian thực hiện"), required=False, widget=TEXTAREA)
    resources_requested = forms.CharField(
        label=_("Nguồn lực bảo đảm đề nghị"), required=False, widget=TEXTAREA
    )
    feasibility = forms.CharField(label=_("Tính khả thi"), required=False, widget=TEXTAREA)
    impacts = forms.CharField(
        label=_("Đánh giá tác động tích cực, tiêu cực"), required=False, widget=TEXTAREA
    )
    expected_results = forms.CharField(label=_("Dự kiến hiệu quả"), required=False, widget=TEXTAREA)
    wide_scope = forms.BooleanField(
        label=_("Đề xuất có phạm vi rộng, nội dung phức tạp (Điều 8 khoản 2)"), required=False
    )
    co_proposers = forms.ModelMultipleChoiceField(
        label=_("Người cùng đề xuất"),
        queryset=Person.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 4}),
    )

    def setup(self) -> None:
        field = self.fields["co_proposers"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = _colleagues(self.case.unit).exclude(pk=self.case.proposer_id)


class AttachmentForm(forms.Form):
    """A file to attach to the plan; attachments are optional, so the field is not starred."""

    file = forms.FileField(
        label=_("Chọn tệp đính kèm (không bắt buộc)"),
        required=False,
        error_messages={"invalid": _("Tệp không đọc được.")},
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")
        if upload is None:
            raise forms.ValidationError(_("Chưa chọn tệp."))
        return upload


class ConfirmForm(TransitionForm):
    """A transition that needs nothing but a confirmation (sending the plan)."""
