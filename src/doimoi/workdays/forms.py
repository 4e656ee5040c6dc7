"""The form that marks a date as a working day or a day off."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from doimoi.core.forms import AccessibleErrorsMixin, NFCFormMixin


class CalendarDayForm(AccessibleErrorsMixin, NFCFormMixin, forms.Form):
    """One swapped or extra day."""

    date = forms.DateField(label=_("Ngày"), widget=forms.DateInput(attrs={"type": "date"}))
    is_working_day = forms.TypedChoiceField(
        label=_("Ngày đó"),
        choices=[("1", _("đi làm (làm bù)")), ("0", _("nghỉ (nghỉ bù, nghỉ thêm)"))],
        coerce=lambda value: value == "1",
    )
    note = forms.CharField(label=_("Căn cứ, ghi chú"), max_length=255, required=False)
