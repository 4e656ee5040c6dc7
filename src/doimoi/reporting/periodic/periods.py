"""Report periods: a month, a quarter, a half-year, a year (the one holding a day), or custom."""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

KINDS = [
    ("month", _("Tháng")),
    ("quarter", _("Quý")),
    ("half", _("6 tháng")),
    ("year", _("Năm")),
    ("custom", _("Tùy chọn")),
]
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


@dataclass(frozen=True)
class Period:
    """A reporting period and how a report names it ("6 tháng cuối năm 2026")."""

    start: datetime.date
    end: datetime.date
    label: str


def _last_day(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def period_of(kind: str, day: datetime.date) -> Period:
    """The ``kind`` period that holds ``day`` (custom: the day alone)."""
    y, m = day.year, day.month
    if kind == "month":
        return Period(day.replace(day=1), _last_day(y, m), f"tháng {m} năm {y}")
    if kind == "quarter":
        q = (m - 1) // 3 + 1
        return Period(
            datetime.date(y, 3 * q - 2, 1), _last_day(y, 3 * q), f"quý {ROMAN[q]} năm {y}"
        )
    if kind == "half":
        if m <= 6:
            return Period(datetime.date(y, 1, 1), datetime.date(y, 6, 30), f"6 tháng đầu năm {y}")
        return Period(datetime.date(y, 7, 1), datetime.date(y, 12, 31), f"6 tháng cuối năm {y}")
    if kind == "year":
        return Period(datetime.date(y, 1, 1), datetime.date(y, 12, 31), f"năm {y}")
    return custom(day, day)


def custom(start: datetime.date, end: datetime.date) -> Period:
    return Period(start, end, f"từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}")
