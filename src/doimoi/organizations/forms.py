"""Forms for the unit pages: they parse and validate input; services do the writing."""

from __future__ import annotations

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from doimoi.core.forms import AccessibleErrorsMixin, NFCFormMixin
from doimoi.organizations.models import Unit, UnitKind, UnitLevel

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class UnitForm(AccessibleErrorsMixin, NFCFormMixin, forms.Form):
    """A unit's own fields."""

    name = forms.CharField(label=_("Tên đơn vị"), max_length=255)
    short_name = forms.CharField(label=_("Tên viết tắt"), max_length=64, required=False)
    code = forms.CharField(
        label=_("Ký hiệu cơ quan ban hành"),
        max_length=32,
        required=False,
        help_text=_("Ký hiệu dùng trong số văn bản, ví dụ TU, ThU, ĐUK, BTGTU."),
    )
    kind = forms.ChoiceField(label=_("Loại đơn vị"), choices=UnitKind.choices)
    level = forms.ChoiceField(label=_("Cấp"), choices=UnitLevel.choices)
    valid_from = forms.DateField(label=_("Hiệu lực từ ngày"), widget=DATE_INPUT)
    valid_to = forms.DateField(label=_("Hết hiệu lực từ ngày"), required=False, widget=DATE_INPUT)
    member_count = forms.IntegerField(label=_("Số đảng viên, hội viên"), min_value=0, initial=0)


class UnitMoveForm(AccessibleErrorsMixin, forms.Form):
    """Where to move a unit."""

    parent = forms.ModelChoiceField(
        label=_("Đơn vị cấp trên mới"), queryset=Unit.objects.order_by("path"), to_field_name="pk"
    )


class UnitCloseForm(AccessibleErrorsMixin, NFCFormMixin, forms.Form):
    """When and why a unit ends."""

    valid_to = forms.DateField(label=_("Ngày kết thúc hoạt động"), widget=DATE_INPUT)
    reason = forms.CharField(label=_("Căn cứ, lý do"), required=False, max_length=255)


class UnitMergeForm(AccessibleErrorsMixin, NFCFormMixin, forms.Form):
    """Which units merge into this one, from when, on what basis."""

    units = forms.ModelMultipleChoiceField(
        label=_("Các đơn vị hợp nhất vào đơn vị này"),
        queryset=Unit.objects.none(),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    effective = forms.DateField(label=_("Ngày hiệu lực"), widget=DATE_INPUT)
    basis = forms.CharField(label=_("Căn cứ (văn bản)"), required=False, max_length=255)

    @staticmethod
    def candidates() -> QuerySet[Unit]:
        """Units that can still merge: those not yet ended."""
        return Unit.objects.filter(valid_to__isnull=True).order_by("path")
