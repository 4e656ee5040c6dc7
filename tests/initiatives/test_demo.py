"""The demo: at least eight cases in different states in the Lâm Đồng units, through the services."""

from __future__ import annotations

import contextlib
import datetime
from typing import Any

import pytest
from django.apps import apps
from django.db import transaction

from doimoi.core.errors import ApplicationError
from doimoi.initiatives.models import Case, Decision
from doimoi.initiatives.states import CaseState
from doimoi.ledger.models import LedgerEvent
from doimoi.ledger.verify import verify
from tests.initiatives import flow


@pytest.mark.django_db
def test_seed_demo_is_idempotent_and_varied(demo: dict[str, Any]) -> None:
    config = apps.get_app_config("initiatives")
    config.seed_demo(demo)
    count, events = Case.objects.count(), LedgerEvent.objects.count()
    config.seed_demo(demo)
    assert (Case.objects.count(), LedgerEvent.objects.count()) == (count, events)
    states = set(Case.objects.values_list("state", flat=True))
    assert count >= 8 and len(states) >= 8
    assert {CaseState.PROTECTED, CaseState.REFERRED, CaseState.RECOGNIZED} <= states
    lam_dong = demo["Tỉnh ủy Lâm Đồng (từ 01/7/2025)"].path
    assert all(c.unit.path.startswith(lam_dong) for c in Case.objects.select_related("unit"))
    for case in Case.objects.all():
        assert LedgerEvent.objects.filter(
            subject_type="initiatives.case", subject_id=str(case.pk)
        ).exists()
    assert verify().ok


@pytest.mark.django_db
def test_demo_pilot_started_three_months_before_seeding(demo: dict[str, Any]) -> None:
    apps.get_app_config("initiatives").seed_demo(demo)
    today = datetime.date.today()
    case = Case.objects.get(title="Tài liệu sinh hoạt chi bộ điện tử")
    assert case.state == CaseState.IN_PROGRESS
    assert case.started_on == today - datetime.timedelta(days=92)
    assert case.submitted_on == today - datetime.timedelta(days=100)


@pytest.mark.django_db
def test_a_submission_date_in_the_future_is_refused(d: Any) -> None:
    case = flow.draft(d)
    with pytest.raises(ApplicationError) as caught:
        d.do(flow.PROPOSER, case, "submit", submitted_on=d.days(1))
    assert "chưa đến" in caught.value.message_dict["submitted_on"][0]


class _Undo(Exception):
    pass


@pytest.mark.django_db
def test_every_seed_numbers_the_demo_decisions_alike(demo: dict[str, Any]) -> None:
    """A process seeds the demo any number of times (tests, a reset): the numbers never run out."""
    config = apps.get_app_config("initiatives")
    seeds = []
    for _ in range(2):
        with contextlib.suppress(_Undo), transaction.atomic():
            config.seed_demo(demo)
            seeds.append(sorted(Decision.objects.values_list("symbol", flat=True)))
            raise _Undo
    assert seeds[0] == seeds[1]
    assert len(set(seeds[0])) == len(seeds[0]) >= 6
