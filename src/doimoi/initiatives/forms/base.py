"""Shared pieces of the initiatives forms: date widgets, the decision fields, the base class."""

from __future__ import annotations

import datetime
import re
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from doimoi.core.forms import AccessibleErrorsMixin, NFCFormMixin
from doimoi.initiatives.models import Case
from doimoi.initiatives.services.decisions import register_usable

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXTAREA = forms.Textarea(attrs={"rows": 3})


def date_field(label: Any, *, required: bool = True, today: bool = True) -> forms.DateField:
    """A date input; ``today`` pre-fills today's date."""
    return forms.DateField(
        label=label,
        required=required,
        widget=DATE_INPUT,
        initial=timezone.localdate if today else None,
    )


def text_field(label: Any, *, required: bool = True, help_text: Any = "") -> forms.CharField:
    return forms.CharField(label=label, required=required, widget=TEXTAREA, help_text=help_text)


class TransitionForm(AccessibleErrorsMixin, NFCFormMixin, forms.Form):
    """The input of one transition; ``service_data`` is what the service receives."""

    def __init__(self, *args: Any, case: Case, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.case, self.user = case, user
        self.setup()

    def setup(self) -> None:
        """Fill choices that depend on the case."""

    def service_data(self) -> dict[str, Any]:
        return dict(self.cleaned_data)

    @classmethod
    def api_data(cls, payload: dict[str, Any]) -> dict[str, Any]:
        """The form data for an API request's JSON body."""
        return {key: value for key, value in payload.items() if value is not None}


class DecisionMixin(forms.Form):
    """Date and number of a written decision."""

    decided_on = date_field(_lazy("Ngày quyết định"))
    decision_symbol = forms.CharField(
        label=_lazy("Số, ký hiệu quyết định"), max_length=80, required=False
    )

    def setup_decision(self, case: Case) -> None:
        field = self.fields["decision_symbol"]
        unit = case.decider or case.unit
        if not register_usable(unit, timezone.localdate()):
            field.required = True
            field.help_text = _(
                "%(unit)s đã kết thúc hoạt động: nhập số, ký hiệu của quyết định đã ban hành, "
                "ví dụ 12-QĐ/ThU."
            ) % {"unit": unit.name}
        else:
            field.help_text = _(
                "Để trống để lấy số tiếp theo trong sổ văn bản đi của %(unit)s."
            ) % {"unit": unit.name}


_DATE_TOKEN = re.compile(r"\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2}")


def parse_dates(text: str) -> list[datetime.date]:
    """Dates written dd/mm/yyyy or yyyy-mm-dd, separated by lines, commas or spaces."""
    found = []
    leftover = _DATE_TOKEN.sub("", text).replace(",", " ").replace(";", " ").strip()
    if leftover:
        raise forms.ValidationError(
            _("Ghi mỗi mốc một ngày dạng ngày/tháng/năm, ví dụ 15/03/2026.")
        )
    for token in _DATE_TOKEN.findall(text):
        try:
            if "/" in token:
                day, month, year = (int(x) for x in token.split("/"))
                found.append(datetime.date(year, month, day))
            else:
                found.append(datetime.date.fromisoformat(token))
        except ValueError as error:
            raise forms.ValidationError(_("Ngày «%(d)s» không có thật.") % {"d": token}) from error
    return found


class DatesField(forms.CharField):
    """A text area holding dates, cleaned to a sorted list of dates."""

    widget = forms.Textarea(attrs={"rows": 2})

    def to_python(self, value: Any) -> Any:
        if isinstance(value, list):
            value = "\n".join(str(v) for v in value)
        text = super().to_python(value)
        return sorted(set(parse_dates(text))) if text else []
