"""Deadlines and overdue across weekends and public holidays (acceptance 3)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from doimoi.directives import deadlines, selectors, services
from doimoi.directives.models import Directive, Period
from doimoi.workdays import services as workdays
from tests.directives.conftest import WARDS, of, requirements, unit

D = datetime.date


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("sent", "days", "expected"),
    [
        (D(2022, 4, 29), 3, D(2022, 5, 6)),  # Fri; 30/4 and 1/5 fall on the weekend, observed 2–3/5
        (D(2022, 1, 28), 2, D(2022, 2, 8)),  # Fri before Tết Nhâm Dần (31/1–4/2)
        (D(2022, 5, 5), 10, D(2022, 5, 19)),  # two ordinary weeks
    ],
)
def test_deadline_in_working_days_skips_weekends_and_holidays(
    sent: D, days: int, expected: D
) -> None:
    assert deadlines.due_date(sent, days=days) == expected


@pytest.mark.django_db
def test_deadline_date_on_a_rest_day_moves_to_the_next_working_day(persona: Any) -> None:
    assert deadlines.due_date(D(2022, 4, 1), date=D(2022, 4, 30)) == D(2022, 5, 4)
    assert deadlines.due_date(D(2022, 4, 1), date=D(2022, 4, 29)) == D(2022, 4, 29)
    workdays.calendar_day_set(
        actor=persona("admin"), date=D(2022, 5, 7), is_working_day=True, note="Làm bù"
    )
    assert deadlines.due_date(D(2022, 5, 1), date=D(2022, 5, 7)) == D(2022, 5, 7)


@pytest.mark.django_db
def test_periodic_rounds_keep_the_day_and_skip_rest_days() -> None:
    assert deadlines.add_months(D(2022, 1, 31), 1) == D(2022, 2, 28)
    assert deadlines.round_due(D(2022, 3, 31), Period.QUARTERLY, 1) == D(2022, 6, 30)


@pytest.mark.django_db
def test_round_due_moves_off_a_weekend() -> None:
    # 31/5/2022 + 2 months = 31/7, a Sunday → Monday 1/8
    assert deadlines.round_due(D(2022, 5, 31), Period.MONTHLY, 2) == D(2022, 8, 1)


@pytest.mark.django_db
def test_unit_is_late_only_after_its_deadline_day_ended(
    city_plan: Any, persona: Any, at: Any
) -> None:
    clerk = persona("vanthu.baoloc")
    with at(2022, 4, 29):
        directive = services.directive_create(
            actor=clerk, document=_dated(city_plan), issuer=unit("Thành ủy Bảo Lộc")
        )
        services.directive_distribute(
            actor=clerk,
            directive=directive,
            recipients=[unit(WARDS[0])],
            requirements=requirements(plan=3),
            sent_on=D(2022, 4, 29),
        )
    assert of(directive, WARDS[0]).plan_due == D(2022, 5, 6)
    assert _overdue(directive, D(2022, 5, 6), clerk) == 0  # the deadline day itself
    assert _overdue(directive, D(2022, 5, 7), clerk) == 1  # Saturday after: late
    assert [k for k, _due in selectors.missing(of(directive, WARDS[0]), D(2022, 5, 9))] == ["plan"]


def _dated(document: Any) -> Any:
    document.date = D(2022, 4, 28)
    document.save(update_fields=["date"])
    return document


def _overdue(directive: Directive, day: D, viewer: Any) -> int:
    summary = selectors.directive_summary(selectors.Scope(directive, viewer), today=day)
    late = selectors.late_assignments(selectors.Scope(directive, viewer), today=day)
    assert late.count() == summary.total["overdue"]
    return int(summary.total["overdue"])
