"""The compose page's form: who issues, which template, what it answers, and the text."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from doimoi.organizations.models import Unit
from doimoi.reporting.kinds import DECISION_OPTIONS, TEMPLATES
from doimoi.reporting.periodic.periods import KINDS as PERIOD_KINDS

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


TOPICS = [
    ("kl14", _("Thực hiện Kết luận 14-KL/TW (khuyến khích, bảo vệ cán bộ năng động, sáng tạo)")),
    ("directive", _("Thực hiện văn bản chỉ đạo")),
    ("outreach", _("Tuyên truyền, học tập, quán triệt")),
]


class FiguresForm(forms.Form):
    unit: forms.ModelChoiceField[Unit] = forms.ModelChoiceField(
        queryset=Unit.objects.none(), label=_("Đơn vị")
    )
    topic = forms.ChoiceField(choices=TOPICS, label=_("Chủ đề"), initial="kl14")
    directive = forms.CharField(
        label=_("Văn bản chỉ đạo (số, ký hiệu)"),
        required=False,
        max_length=64,
        help_text=_(
            "Với chủ đề «Thực hiện văn bản chỉ đạo»: ví dụ 1335-CV/TU; để trống là mọi văn bản "
            "chỉ đạo đơn vị nhận."
        ),
    )
    period = forms.ChoiceField(choices=PERIOD_KINDS, label=_("Kỳ báo cáo"), initial="half")
    day = forms.DateField(
        label=_("Ngày trong kỳ"),
        required=False,
        help_text=_("Kỳ báo cáo là tháng, quý, 6 tháng hoặc năm chứa ngày này (mặc định hôm nay)."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    start = forms.DateField(
        label=_("Từ ngày (tùy chọn)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    end = forms.DateField(
        label=_("Đến ngày (tùy chọn)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("period") == "custom":
            start, end = data.get("start"), data.get("end")
            if not start or not end:
                raise forms.ValidationError(_("Kỳ tùy chọn: ghi cả ngày bắt đầu và ngày kết thúc."))
            if start > end:
                self.add_error("end", _("Ngày kết thúc phải sau ngày bắt đầu."))
        return data
