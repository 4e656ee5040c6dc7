"""The outreach pages' forms: a quick activity log for the phone, a plan from its document, the
coverage filters, and the XLSX import."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doimoi.core.forms import AccessibleErrorsMixin, NFCFormMixin
from doimoi.documents.models import Document
from doimoi.organizations.models import Unit
from doimoi.outreach.models import ContentItem, Form, Plan, Reach

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MAX_COUNT = 100_000_000


class BaseForm(AccessibleErrorsMixin, NFCFormMixin, forms.Form):
    """NFC text and accessible errors, as every doimoi form."""


def _count(label: Any, **attrs: Any) -> forms.IntegerField:
    widget = forms.NumberInput(attrs={"inputmode": "numeric", "min": 0, **attrs})
    return forms.IntegerField(
        label=label, widget=widget, min_value=0, max_value=MAX_COUNT, required=False, initial=0
    )


class UnitChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.name)


class PlanChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        ref, title = obj.document.reference, obj.title
        return title[:100] if title.startswith(ref) else f"{ref} — {title[:90]}"


class ItemChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.number}. {obj.short}"


class ActivityForm(BaseForm):
    """A short form a clerk fills on a phone: unit and plan are remembered from the last time."""

    unit = UnitChoice(label=_("Đơn vị"), queryset=Unit.objects.none())
    plan = PlanChoice(label=_("Kế hoạch"), queryset=Plan.objects.none(), required=False)
    form = forms.ModelChoiceField(label=_("Hình thức"), queryset=Form.objects.filter(active=True))
    held_on = forms.DateField(label=_("Ngày tổ chức"), widget=DATE_INPUT)
    title = forms.CharField(label=_("Tên hoạt động"), max_length=300)
    items = ItemChoices(
        label=_("Nội dung tuyên truyền"),
        queryset=ContentItem.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    party_members = _count(_("Đảng viên tham dự"))
    cadres = _count(_("Cán bộ tham dự"))
    people = _count(_("Quần chúng nhân dân tham dự"))
    audience = _count(_("Lượt tiếp cận (nghe, đọc, xem)"))
    excused = _count(_("Vắng có lý do (học tập, quán triệt)"))
    attended = _count(_("Số tham dự (học tập, quán triệt)"))
    place = forms.CharField(label=_("Địa điểm, địa chỉ"), max_length=300, required=False)
    link = forms.CharField(
        label=_("Đường dẫn bài đăng của đơn vị"),
        max_length=500,
        required=False,
        widget=forms.URLInput(attrs={"inputmode": "url"}),
    )
    photo = forms.ImageField(
        label=_("Ảnh"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/*", "capture": "environment"}),
    )
    file = forms.FileField(label=_("Tệp minh chứng"), required=False)
    notes = forms.CharField(
        label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, units: list[Unit], plans: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(pk__in=[u.pk for u in units])  # type: ignore[attr-defined]
        self.fields["plan"].queryset = plans  # type: ignore[attr-defined]
        plan = self._chosen_plan(plans)
        items = ContentItem.objects.filter(plan=plan) if plan else ContentItem.objects.none()
        self.fields["items"].queryset = items  # type: ignore[attr-defined]
        self.fields["held_on"].initial = timezone.localdate()

    def _chosen_plan(self, plans: Any) -> Plan | None:
        value = self.data.get("plan") if self.is_bound else self.initial.get("plan")
        if isinstance(value, Plan):
            return value
        return plans.filter(pk=value).first() if str(value or "").isdigit() else None


class PlanCreateForm(BaseForm):
    """Follow a document as a unit's dissemination plan."""

    document = forms.ModelChoiceField(
        label=_("Văn bản (kế hoạch)"), queryset=Document.objects.none()
    )
    unit = UnitChoice(label=_("Đơn vị theo dõi"), queryset=Unit.objects.none())
    starts_on = forms.DateField(label=_("Từ ngày"), widget=DATE_INPUT)
    ends_on = forms.DateField(label=_("Đến ngày"), widget=DATE_INPUT)
    target_groups = forms.CharField(label=_("Đối tượng"), max_length=300, required=False)

    def __init__(self, *args: Any, documents: Any, units: list[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["document"].queryset = documents  # type: ignore[attr-defined]
        self.fields["unit"].queryset = Unit.objects.filter(pk__in=[u.pk for u in units])  # type: ignore[attr-defined]
        today = timezone.localdate()
        self.fields["starts_on"].initial = today
        self.fields["ends_on"].initial = today.replace(month=12, day=31)


def _month(value: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(f"{value}-01")
    except ValueError:
        return None


class MonthField(forms.CharField):
    """A month as the browser's month input sends it ("2026-11")."""

    widget = forms.TextInput(attrs={"type": "month", "pattern": r"\d{4}-\d{2}"})

    def to_python(self, value: Any) -> datetime.date | None:  # type: ignore[override]
        text = super().to_python(value)
        if not text:
            return None
        month = _month(text)
        if month is None:
            raise forms.ValidationError(_("Tháng viết theo dạng yyyy-mm."))
        return month


class CoverageFilter(BaseForm):
    """The coverage page's filters: the subtree and the months."""

    tu = MonthField(label=_("Từ tháng"), required=False)
    den = MonthField(label=_("Đến tháng"), required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        start, end = data.get("tu"), data.get("den")
        if start and end and end < start:
            self.add_error("den", _("«Đến tháng» trước «Từ tháng»."))
        return data


class ImportForm(BaseForm):
    file = forms.FileField(label=_("Tệp XLSX theo mẫu"))


class FormEditForm(BaseForm):
    """One form of the managed list (the administrator's)."""

    name = forms.CharField(label=_("Hình thức"), max_length=160)
    keywords = forms.CharField(
        label=_("Từ khóa nhận diện"),
        max_length=400,
        required=False,
        help_text=_("Các cụm từ trong kế hoạch chỉ hình thức này, cách nhau bởi dấu «;»."),
    )
    reach = forms.ChoiceField(label=_("Tính độ bao phủ theo"), choices=Reach.choices)
    study = forms.BooleanField(label=_("Là buổi học tập, quán triệt"), required=False)
    active = forms.BooleanField(label=_("Đang dùng"), required=False, initial=True)
