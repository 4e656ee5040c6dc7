"""Working days: weekends, lunar holidays and the editable swapped days."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from doimoi.workdays import calendar, services

D = datetime.date


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (
            D(2026, 4, 24),
            1,
            D(2026, 4, 28),
        ),  # Fri → weekend, Giỗ Tổ (Sun 26) and its observed Mon 27
        (D(2026, 2, 13), 1, D(2026, 2, 23)),  # Fri before Tết 2026 → Mon after the Tết week
        (D(2026, 11, 23), 7, D(2026, 12, 3)),  # Vietnam Cultural Day (Tue 24/11) does not count
        (D(2022, 3, 16), 7, D(2022, 3, 25)),  # receipt of 1335-CV/TU: seven working days
        (D(2026, 4, 24), 0, D(2026, 4, 24)),
    ],
)
def test_add_working_days(start: D, days: int, expected: D) -> None:
    assert calendar.add_working_days(start, days) == expected


@pytest.mark.django_db
def test_swapped_day_counts_and_ledger(persona: Any, ledger_probe: Any) -> None:
    services.calendar_day_set(
        actor=persona("admin"), date=D(2026, 4, 25), is_working_day=True, note="Làm bù"
    )
    services.calendar_day_set(
        actor=persona("admin"), date=D(2026, 4, 28), is_working_day=False, note="Nghỉ bù"
    )
    assert calendar.add_working_days(D(2026, 4, 24), 1) == D(2026, 4, 25)
    assert calendar.add_working_days(D(2026, 4, 24), 2) == D(2026, 4, 29)
    assert calendar.working_days_between(D(2026, 4, 24), D(2026, 4, 29)) == 2
    assert len(ledger_probe.new()) == 2


@pytest.mark.django_db
def test_only_administrators_change_the_calendar(persona: Any) -> None:
    with pytest.raises(PermissionDenied):
        services.calendar_day_set(
            actor=persona("bithu.baoloc"), date=D(2026, 5, 2), is_working_day=True
        )


def test_negative_days_are_refused() -> None:
    with pytest.raises(ValueError):
        calendar.add_working_days(D(2026, 1, 1), -1)
