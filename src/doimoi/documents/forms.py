"""Forms of the documents pages: they parse input; services do the writing."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from doimoi.core.forms import AccessibleErrorsMixin, KeptRenderMixin, NFCFormMixin
from doimoi.documents.models import Confidentiality, DocumentKind, Urgency
from doimoi.organizations.models import Person, Unit, UnitKind, UnitLevel
from doimoi.organizations.picker import UnitPickerField, UnitPickerWidget
from doimoi.organizations.selectors import people_of_unit

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        period = (
            f"{obj.valid_from:%Y}–{obj.valid_to:%Y}" if obj.valid_to else f"{obj.valid_from:%Y}–"
        )
        return f"{obj.name} ({obj.code or '—'}, {period})"


class FilterSelect(KeptRenderMixin, forms.Select):
    """Django's select, each option written in its template rather than included (the search
    page renders its three filters on every search), and the HTML kept; the same HTML."""

    template_name = "documents/widgets/select.html"


class KeptTextInput(KeptRenderMixin, forms.TextInput):
    """Django's text input, its HTML kept for the value (the search box: a page of results
    after another, a search repeated)."""


class KeptNumberInput(KeptRenderMixin, forms.NumberInput):
    """Django's number input, its HTML kept for the value (the year filter)."""


class SearchForm(forms.Form):
    """The search box and its filters."""

    # typing refreshes the results with the last word read as a prefix (the type-ahead box); a
    # search sent (the button, Enter, a link) matches whole words
    q = forms.CharField(
        label=_("Tìm văn bản"),
        required=False,
        max_length=200,
        widget=KeptTextInput(
            attrs={
                "type": "search",
                "hx-get": reverse_lazy("documents:document_list"),
                "hx-trigger": "input changed delay:400ms",
                "hx-include": "closest form",
                "hx-target": "#results",
                "hx-push-url": "true",
                "hx-headers": '{"X-Doimoi-Typing": "1"}',
            }
        ),
    )
    type_code = forms.ChoiceField(label=_("Loại"), required=False, widget=FilterSelect)
    kind = forms.ChoiceField(
        label=_("Khối"),
        required=False,
        choices=[("", _("Tất cả")), *DocumentKind.choices],
        widget=FilterSelect,
    )
    year = forms.IntegerField(
        label=_("Năm"), required=False, min_value=1945, max_value=2100, widget=KeptNumberInput
    )
    # pickers, not lists: a national tree has 60,000 units (an 8 MB page, 24–111 s)
    unit = UnitPickerField(
        label=_("Đơn vị (cả cấp dưới)"),
        required=False,
        source="in_scope",
        widget=UnitPickerWidget(attrs={"autosubmit": True}),
    )
    issuer = UnitPickerField(
        label=_("Cơ quan ban hành"),
        required=False,
        source="issuers",
        widget=UnitPickerWidget(attrs={"autosubmit": True}),
    )
    confidentiality = forms.TypedChoiceField(
        label=_("Độ mật"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("Tất cả mức được xem")), *Confidentiality.choices],
        widget=FilterSelect,
    )

    def __init__(
        self,
        *args: Any,
        viewer: Any,
        type_codes: list[str] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        for name in ("unit", "issuer"):
            self.fields[name].for_viewer(viewer)  # type: ignore[attr-defined]
        codes = [(c, c) for c in type_codes or []]
        self.fields["type_code"].choices = [("", _("Tất cả")), *codes]  # type: ignore[attr-defined]


class IngestForm(forms.Form):
    """Which unit receives the files (the files come from the file input)."""

    unit = UnitChoiceField(label=_("Đơn vị nhận văn bản"), queryset=Unit.objects.none())
    register_old = forms.BooleanField(
        label=_("Vào sổ văn bản đến năm nay cả văn bản ban hành trước năm nay"),
        required=False,
        help_text=_(
            "Để trống khi nhập văn bản lưu trữ (văn bản cũ): chúng được lưu và tìm được, nhưng "
            "không chiếm số đến của năm nay."
        ),
    )

    def __init__(self, *args: Any, units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]


class ReviewForm(AccessibleErrorsMixin, NFCFormMixin, forms.Form):
    """Every field the parser read, editable."""

    kind = forms.ChoiceField(label=_("Khối"), choices=DocumentKind.choices)
    number = forms.CharField(label=_("Số"), max_length=16, required=False)
    symbol = forms.CharField(label=_("Ký hiệu"), max_length=64, required=False)
    type_code = forms.CharField(label=_("Mã loại văn bản"), max_length=16, required=False)
    type_name = forms.CharField(label=_("Loại văn bản"), max_length=64, required=False)
    issuer_name = forms.CharField(
        label=_("Cơ quan ban hành (như trên văn bản)"), max_length=255, required=False
    )
    parent_issuer_name = forms.CharField(
        label=_("Cơ quan cấp trên"), max_length=255, required=False
    )
    # any unit of the tree may have issued it (the tree's names are visible to everyone)
    issuer_unit = UnitPickerField(
        label=_("Đơn vị ban hành trong cây tổ chức"), required=False, source="tree"
    )
    place = forms.CharField(label=_("Địa danh"), max_length=128, required=False)
    date = forms.DateField(label=_("Ngày ban hành"), required=False, widget=DATE_INPUT)
    title = forms.CharField(
        label=_("Trích yếu"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    signing_authority = forms.CharField(label=_("Thẩm quyền ký"), max_length=128, required=False)
    signer_title = forms.CharField(label=_("Chức vụ người ký"), max_length=128, required=False)
    signer_name = forms.CharField(label=_("Người ký"), max_length=128, required=False)
    confidentiality = forms.TypedChoiceField(
        label=_("Độ mật"), coerce=int, choices=Confidentiality.choices
    )
    urgency = forms.ChoiceField(label=_("Độ khẩn"), required=False, choices=Urgency.choices)

    def __init__(self, *args: Any, viewer: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["issuer_unit"].for_viewer(viewer)  # type: ignore[attr-defined]


class IssuerUnitForm(AccessibleErrorsMixin, NFCFormMixin, forms.Form):
    """A unit missing from the tree, created from the review page."""

    parent = UnitPickerField(label=_("Trực thuộc"), source="administered")
    name = forms.CharField(label=_("Tên đơn vị"), max_length=255)
    code = forms.CharField(label=_("Ký hiệu cơ quan ban hành"), max_length=32, required=False)
    kind = forms.ChoiceField(label=_("Loại đơn vị"), choices=UnitKind.choices)
    level = forms.ChoiceField(label=_("Cấp"), choices=UnitLevel.choices)
    valid_from = forms.DateField(label=_("Hiệu lực từ ngày"), widget=DATE_INPUT)

    def __init__(self, *args: Any, viewer: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["parent"].for_viewer(viewer)  # type: ignore[attr-defined]


class OutgoingForm(AccessibleErrorsMixin, NFCFormMixin, forms.Form):
    """Take a number from the outgoing register."""

    kind = forms.ChoiceField(label=_("Khối"), choices=DocumentKind.choices)
    type_code = forms.CharField(
        label=_("Mã loại văn bản"),
        max_length=16,
        required=False,
        help_text=_("Ví dụ KH, NQ, CV (Đảng); QĐ, KH (nhà nước); để trống với công văn nhà nước."),
    )
    date = forms.DateField(label=_("Ngày văn bản"), widget=DATE_INPUT)
    title = forms.CharField(label=_("Trích yếu"), required=False, max_length=500)
    confidentiality = forms.TypedChoiceField(
        label=_("Độ mật"), coerce=int, choices=Confidentiality.choices, initial=0
    )


class CancelForm(AccessibleErrorsMixin, NFCFormMixin, forms.Form):
    """Cancel a wrong incoming entry, saying why."""

    reason = forms.CharField(
        label=_("Lý do hủy số đến"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=1000,
        error_messages={"required": _("Ghi lý do hủy số đến.")},
    )


class MergeForm(AccessibleErrorsMixin, NFCFormMixin, forms.Form):
    """Merge a duplicate into the document it repeats: the reason goes on the cancelled arrival."""

    reason = forms.CharField(
        label=_("Lý do gộp (ghi vào số đến bị hủy)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=1000,
        error_messages={"required": _("Ghi lý do gộp (lý do hủy số đến trùng).")},
    )
    confirm = forms.BooleanField(
        label=_("Tôi đã xem hai văn bản: đây là cùng một văn bản."),
        error_messages={
            "required": _("Đánh dấu xác nhận trước khi gộp: việc gộp không hoàn tác được.")
        },
    )


class IncomingForm(AccessibleErrorsMixin, forms.Form):
    """Correct the date received and the handler of an incoming entry."""

    received_on = forms.DateField(label=_("Ngày đến"), widget=DATE_INPUT)
    handler = forms.ModelChoiceField(
        label=_("Người xử lý"), required=False, queryset=Person.objects.none()
    )

    def __init__(self, *args: Any, unit: Unit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["handler"].queryset = people_of_unit(unit=unit)  # type: ignore[attr-defined]
