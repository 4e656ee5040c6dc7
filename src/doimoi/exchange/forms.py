"""Forms of the exchange pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from doimoi.documents.models import Document
from doimoi.exchange import edxml

BUSINESS_CHOICES = [
    (edxml.BUSINESS_NEW, _("Gửi văn bản mới")),
    (edxml.BUSINESS_UPDATE, _("Gửi cập nhật thông tin văn bản")),
    (edxml.BUSINESS_REPLACE, _("Gửi văn bản thay thế văn bản đã gửi")),
    (edxml.BUSINESS_REVOKE, _("Thu hồi văn bản đã gửi")),
]


class UnitChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        agency = getattr(obj, "agency", None)
        return f"{obj.name} ({agency.code})" if agency is not None else obj.name


class ExportForm(forms.Form):
    """Send a document: to whom, and what the packet does."""

    recipients = UnitChoice(queryset=None, label=_("Nơi nhận (đơn vị có mã định danh)"))
    business = forms.TypedChoiceField(
        label=_("Nghiệp vụ"), choices=BUSINESS_CHOICES, coerce=int, initial=edxml.BUSINESS_NEW
    )
    replaces: forms.ModelChoiceField[Document] = forms.ModelChoiceField(
        queryset=None, label=_("Văn bản bị thay thế"), required=False
    )
    reason = forms.CharField(label=_("Lý do"), required=False, max_length=500)

    def __init__(self, *args: Any, units: Any, sent: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["recipients"].queryset = units  # type: ignore[attr-defined]
        self.fields["replaces"].queryset = sent  # type: ignore[attr-defined]


class StatusForm(forms.Form):
    """Tell the sender how the handling of a received document stands."""

    code = forms.ChoiceField(
        label=_("Trạng thái"),
        choices=[
            ("05", _("Đang xử lý")),
            ("06", _("Hoàn thành xử lý")),
            ("02", _("Từ chối tiếp nhận")),
        ],
    )
    description = forms.CharField(
        label=_("Ghi chú, lý do (bắt buộc khi từ chối)"), required=False, max_length=500
    )


class AgencyForm(forms.Form):
    """A unit's codes (validated by the service: 35 characters of ".", digits, capitals)."""

    code_102 = forms.CharField(label=_("Mã định danh (QCVN 102)"), required=False, max_length=35)
    code_qd20 = forms.CharField(label=_("Mã định danh (QĐ 20/2020)"), required=False, max_length=35)
    parent_code = forms.CharField(
        label=_("Mã định danh đơn vị cấp trên"), required=False, max_length=35
    )


def sent_documents(unit: Any) -> Any:
    return Document.objects.filter(exchanges__unit=unit, exchanges__direction="out").distinct()
