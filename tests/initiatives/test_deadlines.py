"""Time limits in working days: weekends and public holidays skipped; 🟡 and ❌ marked; the
home page shows the proposer's and supervisor's deadlines, overdue ones in red."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from doimoi.initiatives.deadlines import case_deadlines
from doimoi.initiatives.demo import Demo
from doimoi.initiatives.models import Confidence, LimitKey, TimeLimit
from doimoi.initiatives.rules import case_roles
from doimoi.initiatives.selectors import home_deadlines
from doimoi.initiatives.states import CaseRole
from tests.initiatives import flow

D = datetime.date
HCM = datetime.timezone(datetime.timedelta(hours=7))


def _at(day: D) -> Any:
    return time_machine.travel(
        datetime.datetime(day.year, day.month, day.day, 9, tzinfo=HCM), tick=False
    )


@pytest.mark.django_db
def test_review_deadline_skips_gio_to_weekend_and_30_4(units: Any) -> None:
    # Received Friday 24/4/2026: Giỗ Tổ (Sun 26, observed Mon 27), Thu 30/4 and Fri 1/5 do not count.
    with _at(D(2026, 4, 24)):
        case = flow.submitted(Demo(units))
        (deadline,) = case_deadlines(case)
    assert case.submitted_on == D(2026, 4, 24)
    assert deadline.due == D(2026, 5, 8) and deadline.owner == CaseRole.HEAD
    assert deadline.confidence == Confidence.SECONDARY  # KL 14 rule set: taken from ND 73, 🟡


@pytest.mark.django_db
def test_decree_73_review_limit_is_confirmed_and_skips_tet(units: Any) -> None:
    with _at(D(2026, 2, 13)):  # Friday before Tết Bính Ngọ
        d = Demo(units)
        case = d.start("phochutich.baoloc", "Ủy ban nhân dân phường 1 Bảo Lộc", "nd73", "Tết",
                       **flow.plan("thủ tục"))  # fmt: skip
        case = d.do("phochutich.baoloc", case, "submit")
        (deadline,) = case_deadlines(case)
    assert deadline.due == D(2026, 3, 3) and deadline.confidence == Confidence.CONFIRMED


@pytest.mark.django_db
def test_report_and_evaluation_limits_are_secondary_and_the_third_step_unset(units: Any) -> None:
    with _at(D(2026, 11, 20)):  # Friday; Tuesday 24/11 is Vietnam Culture Day
        d = Demo(units)
        case = flow.completed(d)
        (report,) = case_deadlines(case)
        assert report.due == D(2026, 11, 30) and report.confidence == Confidence.SECONDARY
        case = flow.reported(d)
        (evaluation,) = case_deadlines(case)
        assert evaluation.due == D(2026, 12, 2)
        case = flow.evaluated(d)
        (followup,) = case_deadlines(case)
    assert followup.due is None and followup.confidence == Confidence.UNCONFIRMED


@pytest.mark.django_db
def test_unconfirmed_rules_have_no_value(units: Any) -> None:
    unknown = TimeLimit.objects.filter(
        key__in=[LimitKey.WIDE_SCOPE_REVIEW, LimitKey.EVALUATION_FOLLOWUP]
    )
    assert unknown.count() == 4
    assert all(t.working_days is None and t.confidence == Confidence.UNCONFIRMED for t in unknown)


@pytest.mark.django_db
def test_wide_scope_proposal_has_no_invented_deadline(units: Any) -> None:
    d = Demo(units)
    case = flow.submitted(d, wide_scope=True)
    (deadline,) = case_deadlines(case)
    assert deadline.due is None and deadline.label == LimitKey.WIDE_SCOPE_REVIEW.label


def _home(persona: Any, username: str) -> str:
    client = Client()
    client.force_login(persona(username))
    return client.get(reverse("home")).content.decode()


@pytest.mark.django_db
def test_home_shows_proposer_and_supervisor_deadlines_overdue_in_red(
    units: Any, persona: Any
) -> None:
    with _at(D(2026, 3, 2)):
        case = flow.in_progress(Demo(units))  # checkpoints on 1/4 and 1/5, end on 31/5
    with _at(D(2026, 3, 10)):
        html = _home(persona, flow.PROPOSER)
        assert case.title in html and "01/04/2026" in html and "quá hạn" not in html
    with _at(D(2026, 4, 3)):
        for username in (flow.PROPOSER, flow.SUPERVISOR):
            html = _home(persona, username)
            assert 'class="deadline overdue"' in html and "01/04/2026" in html, username
            assert "(quá hạn)" in html
        assert case.title not in _home(persona, flow.OBSERVER)


@pytest.mark.django_db
def test_home_shows_a_co_proposer_the_proposers_deadlines(units: Any, persona: Any) -> None:
    # the home page learns who co-proposes each case in the statement that reads the cases
    # (initiatives.rules.co_proposer_known); the case's rules must reach the same answer
    with _at(D(2026, 3, 2)):
        case = flow.in_progress(Demo(units))
    with _at(D(2026, 4, 3)):
        assert case.title not in _home(persona, flow.OBSERVER)
        case.co_proposers.add(persona(flow.OBSERVER).person)
        html = _home(persona, flow.OBSERVER)
        assert case.title in html and 'class="deadline overdue"' in html
        rows = home_deadlines(viewer=persona(flow.OBSERVER))
        assert rows and {row.deadline.owner for row in rows} == {CaseRole.PROPOSER}
        assert {row.case.pk for row in rows} == {case.pk}
        assert CaseRole.PROPOSER in case_roles(persona(flow.OBSERVER), case)


@pytest.mark.django_db
def test_home_reads_the_cases_once_with_what_their_deadlines_need(
    units: Any, persona: Any, django_assert_max_num_queries: Any
) -> None:
    # the start page reads a few columns of each case (selectors.HOME_FIELDS): one left out
    # and used would be read again, case by case
    with _at(D(2026, 3, 2)):
        flow.in_progress(Demo(units))
    supervisor = persona(flow.SUPERVISOR)
    with _at(D(2026, 3, 10)):
        home_deadlines(viewer=supervisor)  # the scope, kept on the user for the next read
        with django_assert_max_num_queries(3):  # the ids, the cases, the next checkpoint
            rows = home_deadlines(viewer=supervisor)
        assert [row.case.title for row in rows] and "01/04/2026" in _home(persona, flow.SUPERVISOR)
