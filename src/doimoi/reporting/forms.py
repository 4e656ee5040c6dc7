"""The compose page's form: who issues, which template, what it answers, and the text."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from doimoi.organizations.models import Unit
from doimoi.reporting.kinds import DECISION_OPTIONS, TEMPLATES

KINDS = [
    ("party", _("Văn bản của Đảng (Quy định 399-QĐ/TW)")),
    ("state", _("Văn bản hành chính (Nghị định 30/2020/NĐ-CP)")),
]
OPTIONS = [
    ("approve", _("Cho thực hiện")),
    ("pilot", _("Cho thí điểm")),
    ("suspend", _("Tạm dừng")),
    ("protection", _("Kết luận bảo vệ")),
]
assert {key for key, _label in OPTIONS} == set(DECISION_OPTIONS)


class ComposeForm(forms.Form):
    unit: forms.ModelChoiceField[Unit] = forms.ModelChoiceField(
        queryset=Unit.objects.none(), label=_("Đơn vị ban hành")
    )
    template = forms.ChoiceField(label=_("Mẫu văn bản"))
    kind = forms.ChoiceField(choices=KINDS, label=_("Thể thức"))
    source = forms.CharField(
        label=_("Văn bản được thực hiện, sao gửi hoặc đôn đốc"),
        required=False,
        help_text=_("Số và ký hiệu, ví dụ 1335-CV/TU."),
    )
    option = forms.ChoiceField(
        choices=OPTIONS, label=_("Loại quyết định"), required=False, initial="approve"
    )
    title = forms.CharField(
        label=_("Trích yếu"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    body = forms.CharField(
        label=_("Nội dung"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 18}),
        help_text=_(
            "Dòng bắt đầu bằng «I.», «II.» … là tiêu đề phần. Điền các chỗ «…» trước khi ban hành."
        ),
    )
    kinh_gui = forms.CharField(
        label=_("Kính gửi"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    recipients = forms.CharField(
        label=_("Nơi nhận"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Mỗi dòng một nơi nhận; thêm «(b/c)» với nơi nhận để báo cáo."),
    )
    place = forms.CharField(label=_("Địa danh"), required=False, max_length=128)
    authority = forms.CharField(label=_("Thẩm quyền ký"), required=False, max_length=128)
    signer_title = forms.CharField(label=_("Chức vụ người ký"), required=False, max_length=128)
    signer_name = forms.CharField(label=_("Họ tên người ký"), required=False, max_length=128)

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        self.fields["template"].choices = [(t.key, t.label) for t in TEMPLATES.values()]  # type: ignore[attr-defined]
