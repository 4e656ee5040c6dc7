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
    if type(value) is int and not places and -_LARGEST < value < _LARGEST:
        separator = _separator()
        if separator is not None:
            return f"{value:,}".replace(",", separator)
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return str(value) if value is not None else ""
    if places is None:
        places = 0 if number == number.to_integral_value() else 1
    return formats.number_format(number, places, use_l10n=True, force_grouping=True)


_LARGEST = 10**15  # far below where the format machinery writes an exponent
_SEPARATORS: dict[str, str | None] = {}


def _separator() -> str | None:
    """The active language's thousands separator when it groups by threes (a count is then
    written out: through the format machinery, 12 µs a figure, and a directive's page shows
    150), else None."""
    language = get_language() or ""
    if language not in _SEPARATORS:
        grouping = formats.get_format("NUMBER_GROUPING", use_l10n=True)
        separator = str(formats.get_format("THOUSAND_SEPARATOR", use_l10n=True))
        _SEPARATORS[language] = separator if grouping == 3 else None
    return _SEPARATORS[language]


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
