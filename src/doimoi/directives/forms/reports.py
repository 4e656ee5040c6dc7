"""Reporting up, reviewing a report, issuing an urging dispatch, creating a directive."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doimoi.directives.forms.answers import DocumentChoice
from doimoi.directives.forms.common import (
    BaseForm,
    UnitChoice,
    date_field,
    sender_units,
    set_queryset,
)
from doimoi.documents import selectors as documents
from doimoi.documents.models import Document
from doimoi.organizations.models import Unit


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class ReportForm(BaseForm):
    """A report: what was done, in words and figures, with its number and files."""

    narrative = forms.CharField(
        label=_("Nội dung báo cáo"), widget=forms.Textarea(attrs={"rows": 6})
    )
    figures = forms.CharField(
        label=_("Số liệu (mỗi dòng «tên chỉ tiêu: số»)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "placeholder": "Số buổi quán triệt: 12"}),
    )
    document_reference = forms.CharField(
        label=_("Số, ký hiệu văn bản báo cáo"),
        required=False,
        max_length=64,
        help_text=_("Ví dụ 15-BC/ĐU."),
    )
    attachments = MultipleFileField(label=_("Tệp đính kèm"), required=False)
    submitted_on = date_field(
        _("Ngày báo cáo"),
        required=False,  # empty: today
        help_text=_("Ghi ngày trước hôm nay khi nhập lại báo cáo đã gửi trên giấy."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {}).setdefault("submitted_on", timezone.localdate())
        super().__init__(*args, **kwargs)


class ReviewForm(BaseForm):
    """Accept a report, or return it with a reason."""

    decision = forms.ChoiceField(
        label=_("Quyết định"),
        choices=[("accept", _("Chấp nhận báo cáo")), ("return", _("Trả lại báo cáo"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Lý do trả lại"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("decision") == "return" and not data.get("reason"):
            self.add_error("reason", _("Ghi lý do trả lại để đơn vị biết cần bổ sung gì."))
        return data


class UrgingForm(BaseForm):
    """Who urges, who signs, by when the late units must answer."""

    sender = UnitChoice(label=_("Đơn vị ban hành công văn đôn đốc"), queryset=Unit.objects.none())
    reply_by = date_field(_("Đề nghị báo cáo trước ngày"))
    place = forms.CharField(label=_("Địa danh"), max_length=128)
    authority = forms.CharField(
        label=_("Thẩm quyền ký"), max_length=128, required=False, initial="T/M BAN THƯỜNG VỤ"
    )
    signer_title = forms.CharField(label=_("Chức vụ người ký"), max_length=128)
    signer_name = forms.CharField(label=_("Họ tên người ký"), max_length=128)

    def __init__(self, *args: Any, senders: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "sender", senders)


class DirectiveForm(BaseForm):
    """Which document becomes a directive, of which unit."""

    document = DocumentChoice(label=_("Văn bản"), queryset=Document.objects.none())
    issuer = UnitChoice(label=_("Đơn vị chỉ đạo (gửi văn bản xuống)"), queryset=Unit.objects.none())

    def __init__(self, *args: Any, viewer: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "document", documents.document_list(viewer=viewer))
        set_queryset(self, "issuer", sender_units(viewer))
