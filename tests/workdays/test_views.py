"""The calendar page: administrators add swapped days; others may not."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from doimoi.workdays import calendar
from doimoi.workdays.models import CalendarDay


def _client(persona: Any, username: str) -> Client:
    client = Client()
    client.force_login(persona(username))
    return client


@pytest.mark.django_db
def test_administrator_adds_a_swapped_day(persona: Any, ledger_probe: Any) -> None:
    client = _client(persona, "admin")
    page = client.get(reverse("workdays:calendar_edit"), {"nam": "2026"}).content.decode()
    assert "17/02/2026" in page  # Tết, computed
    response = client.post(
        reverse("workdays:calendar_edit"),
        {"date": "2026-04-25", "is_working_day": "1", "note": "Làm bù cho 27/4"},
    )
    assert response.status_code == 302
    assert calendar.is_working_day(datetime.date(2026, 4, 25))
    ledger_probe.assert_recorded("workdays.calendar_day.set", CalendarDay.objects.get())


@pytest.mark.django_db
def test_missing_date_is_shown_on_the_field(persona: Any) -> None:
    response = _client(persona, "admin").post(
        reverse("workdays:calendar_edit"), {"is_working_day": "1"}
    )
    assert response.status_code == 400
    assert 'id="id_date_error"' in response.content.decode()
    assert not CalendarDay.objects.exists()


@pytest.mark.django_db
def test_others_may_not_change_the_calendar(persona: Any) -> None:
    assert (
        _client(persona, "bithu.baoloc").get(reverse("workdays:calendar_edit")).status_code == 403
    )
