"""Figures in the reader's language: ``{{ n|number }}`` → 128.000 (vi) or 128,000 (en);
``{{ rate|percent }}`` → 12,5 % (vi) or 12.5% (en); ``{{ day|dmy }}`` → 05/03/2026."""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django import template
from django.template.defaultfilters import date as date_filter
from django.utils import formats
from django.utils.translation import get_language

register = template.Library()


def _figure(value: Any, places: int | None) -> str:
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return str(value) if value is not None else ""
    if places is None:
        places = 0 if number == number.to_integral_value() else 1
    return formats.number_format(number, places, use_l10n=True, force_grouping=True)


@register.filter
def number(value: Any, places: int | None = None) -> str:
    """A count or an amount, grouped by thousands in the active language's style."""
    return _figure(value, places)


@register.filter
def percent(value: Any, places: int = 1) -> str:
    """A percentage: Vietnamese puts a space before the sign, English does not."""
    if value is None or value == "":
        return ""
    sign = "%" if (get_language() or "vi").startswith("en") else " %"
    return _figure(value, places) + sign


@register.filter(expects_localtime=True)
def dmy(value: Any) -> str:
    """``value|date:"d/m/Y"`` of a day, written out: the format machinery cost 10 µs a date, and
    a directive's page shows two hundred (a moment, with its time zone, still goes through it)."""
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"
    return str(date_filter(value, "d/m/Y"))
