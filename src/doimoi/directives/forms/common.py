"""Form pieces shared by the directives pages."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from doimoi.core.forms import AccessibleErrorsMixin, NFCFormMixin
from doimoi.directives.rules import SEND_ROLES, acting_units
from doimoi.organizations.models import Unit

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def date_field(label: Any, *, required: bool = True, help_text: Any = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        widget=DATE_INPUT,
        input_formats=DATE_FORMATS,
        help_text=help_text,
    )


class BaseForm(AccessibleErrorsMixin, NFCFormMixin, forms.Form):
    """Every form here: NFC text, errors tied to their field."""


class UnitChoice(forms.ModelChoiceField):
    """A unit shown with its name and, when closed, the date it ended."""

    def label_from_instance(self, obj: Any) -> str:
        if obj.valid_to:
            return f"{obj.name} ({_('đến')} {obj.valid_to:%d/%m/%Y})"
        return str(obj.name)


class UnitsChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.name)


def sender_units(user: Any) -> QuerySet[Unit]:
    """Units the user may send from (every unit for an administrator)."""
    if user.is_superuser:
        return Unit.objects.order_by("path")
    return Unit.objects.filter(pk__in=acting_units(user, SEND_ROLES)).order_by("path")


def units_on(qs: QuerySet[Unit], day: datetime.date) -> QuerySet[Unit]:
    return qs.filter(Q(valid_to__isnull=True) | Q(valid_to__gt=day), valid_from__lte=day)


def set_queryset(form: forms.Form, name: str, queryset: QuerySet[Any]) -> None:
    """Narrow a model choice field to what this user and this page allow."""
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)
    field.queryset = queryset
