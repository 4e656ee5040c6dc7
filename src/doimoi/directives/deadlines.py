"""Deadlines of a directive's requirements, counted on the Vietnamese working-day calendar.

A deadline in days counts working days after the day the directive was sent (the day of sending
does not count); a deadline given as a date that falls on a weekend or holiday moves to the next
working day, as legal time limits do (Civil Code art. 148). A unit is late only once its deadline
day has ended: overdue means the due date is before today and the milestone is still empty.
"""

from __future__ import annotations

import calendar as month_calendar
import datetime

from doimoi.directives.models import Period
from doimoi.workdays import calendar

MONTHS = {Period.MONTHLY: 1, Period.QUARTERLY: 3, Period.HALF_YEARLY: 6, Period.YEARLY: 12}
MAX_DAYS = 365


def on_or_after_working(day: datetime.date) -> datetime.date:
    """``day`` if offices work on it, else the next working day."""
    while not calendar.is_working_day(day):
        day += datetime.timedelta(days=1)
    return day


def due_date(
    sent_on: datetime.date, *, days: int | None = None, date: datetime.date | None = None
) -> datetime.date:
    """The deadline of a requirement given in working days or as a date."""
    if days is not None:
        return calendar.add_working_days(sent_on, days)
    if date is None:
        raise ValueError("a deadline needs days or a date")
    return on_or_after_working(date)


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` later (the month's last day when it is shorter)."""
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, _days_in(year, month)))


def _days_in(year: int, month: int) -> int:
    return month_calendar.monthrange(year, month)[1]


def round_due(first_due: datetime.date, period: str, round_: int) -> datetime.date:
    """The deadline of report round ``round_`` (0 = the first) of a periodic report."""
    if round_ == 0 or period not in MONTHS:
        return first_due
    return on_or_after_working(add_months(first_due, MONTHS[Period(period)] * round_))


def is_overdue(
    due: datetime.date | None, done_on: datetime.date | None, today: datetime.date
) -> bool:
    """A deadline passed (its day ended) with the milestone still empty."""
    return due is not None and done_on is None and due < today
