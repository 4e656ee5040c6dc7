"""Forms for the unit pages: they parse and validate input; services do the writing."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from doimoi.core.forms import AccessibleErrorsMixin, NFCFormMixin
from doimoi.organizations.models import Role, Unit, UnitKind, UnitLevel
from doimoi.organizations.picker import UnitPickerField, UnitsPickerField

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

    parent = UnitPickerField(label=_("Đơn vị cấp trên mới"), source="administered")

    def __init__(self, *args: Any, viewer: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["parent"].for_viewer(viewer)  # type: ignore[attr-defined]


class UnitCloseForm(AccessibleErrorsMixin, NFCFormMixin, forms.Form):
    """When and why a unit ends."""

    valid_to = forms.DateField(label=_("Ngày kết thúc hoạt động"), widget=DATE_INPUT)
    reason = forms.CharField(label=_("Căn cứ, lý do"), required=False, max_length=255)


class UnitMergeForm(AccessibleErrorsMixin, NFCFormMixin, forms.Form):
    """Which units merge into this one, from when, on what basis."""

    # a picker, not a list: a national tree has 60,000 units in force
    units = UnitsPickerField(
        label=_("Các đơn vị hợp nhất vào đơn vị này"), source="administered_in_force"
    )
    effective = forms.DateField(label=_("Ngày hiệu lực"), widget=DATE_INPUT)
    basis = forms.CharField(label=_("Căn cứ (văn bản)"), required=False, max_length=255)

    def __init__(self, *args: Any, viewer: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["units"].for_viewer(viewer)  # type: ignore[attr-defined]


class PersonAddForm(AccessibleErrorsMixin, NFCFormMixin, forms.Form):
    """A new person with a first position in the unit, and an account if a username is given."""

    full_name = forms.CharField(label=_("Họ và tên"), max_length=255)
    username = forms.CharField(
        label=_("Tên đăng nhập"),
        max_length=150,
        required=False,
        help_text=_("Để trống nếu người này không cần đăng nhập. Ví dụ: vanthu.baoloc"),
    )
    role = forms.ChoiceField(label=_("Vai trò"), choices=Role.choices)
    position_title = forms.CharField(
        label=_("Chức vụ (ghi như văn bản)"), max_length=128, required=False
    )
    valid_from = forms.DateField(label=_("Từ ngày"), widget=DATE_INPUT)


class PositionForm(AccessibleErrorsMixin, NFCFormMixin, forms.Form):
    """A position given to a person: where, which role, the title as written, from when."""

    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=Unit.objects.none())
    role = forms.ChoiceField(label=_("Vai trò"), choices=Role.choices)
    position_title = forms.CharField(
        label=_("Chức vụ (ghi như văn bản)"), max_length=128, required=False
    )
    valid_from = forms.DateField(label=_("Từ ngày"), widget=DATE_INPUT)
    valid_to = forms.DateField(label=_("Đến ngày"), required=False, widget=DATE_INPUT)


class PositionEndForm(AccessibleErrorsMixin, NFCFormMixin, forms.Form):
    """When a position ends, and why."""

    valid_to = forms.DateField(
        label=_("Thôi giữ từ ngày"),
        widget=DATE_INPUT,
        help_text=_("Ngày đầu tiên người này không còn giữ chức vụ."),
    )
    reason = forms.CharField(label=_("Căn cứ, lý do"), max_length=255, required=False)


class DeactivateForm(AccessibleErrorsMixin, NFCFormMixin, forms.Form):
    """Why an account is locked."""

    reason = forms.CharField(label=_("Lý do khóa"), max_length=255, required=False)


class PeopleImportForm(AccessibleErrorsMixin, forms.Form):
    """The XLSX file to import."""

    file = forms.FileField(
        label=_("Tệp XLSX theo mẫu"),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        ),
    )


class PasswordChangeForm(AccessibleErrorsMixin, forms.Form):
    """The user's own password: the current one, and the new one twice."""

    old_password = forms.CharField(
        label=_("Mật khẩu hiện tại"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    new_password1 = forms.CharField(
        label=_("Mật khẩu mới"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_(
            "Ít nhất 8 ký tự, không toàn chữ số, không quá giống tên đăng nhập, "
            "không phải mật khẩu phổ biến."
        ),
    )
    new_password2 = forms.CharField(
        label=_("Nhập lại mật khẩu mới"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean() or {}
        first, second = data.get("new_password1"), data.get("new_password2")
        if first and second and first != second:
            self.add_error("new_password2", _("Hai lần nhập mật khẩu mới không giống nhau."))
        return data
