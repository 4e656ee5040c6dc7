"""Vietnamese working days: Monday–Friday, less public holidays (lunar Tết and Giỗ Tổ computed by
python-holidays), corrected by the editable table of swapped days. Decree 73 counts its time limits
in working days (ngày làm việc)."""

from __future__ import annotations

import datetime
from functools import lru_cache

import holidays

from doimoi.workdays.models import CalendarDay


@lru_cache(maxsize=64)
def _public_holidays(year: int) -> frozenset[datetime.date]:
    return frozenset(holidays.country_holidays("VN", years=year))


def public_holidays(year: int) -> list[tuple[datetime.date, str]]:
    """The year's public holidays with their names, in date order."""
    return sorted(holidays.country_holidays("VN", years=year).items())


def _overrides(start: datetime.date, end: datetime.date) -> dict[datetime.date, bool]:
    rows = CalendarDay.objects.filter(date__gte=start, date__lte=end)
    return dict(rows.values_list("date", "is_working_day"))


def _is_working(day: datetime.date, overrides: dict[datetime.date, bool]) -> bool:
    if day in overrides:
        return overrides[day]
    return day.weekday() < 5 and day not in _public_holidays(day.year)


def is_working_day(day: datetime.date) -> bool:
    """Whether offices work on ``day``."""
    return _is_working(day, _overrides(day, day))


def add_working_days(start: datetime.date, days: int) -> datetime.date:
    """The date ``days`` working days after ``start`` (the day of receipt does not count)."""
    if days < 0:
        raise ValueError("days must not be negative")
    horizon = start + datetime.timedelta(days=days * 3 + 30)
    overrides = _overrides(start, horizon)
    current, counted = start, 0
    while counted < days:
        current += datetime.timedelta(days=1)
        if current > horizon:
            horizon = current + datetime.timedelta(days=days * 3 + 30)
            overrides |= _overrides(current, horizon)
        if _is_working(current, overrides):
            counted += 1
    return current


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    """How many working days fall after ``start`` up to and including ``end`` (0 if end ≤ start)."""
    overrides = _overrides(start, end)
    days = (end - start).days
    return sum(
        _is_working(start + datetime.timedelta(days=i), overrides) for i in range(1, days + 1)
    )
