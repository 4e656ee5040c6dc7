"""Sessions are saved in one statement on each request (doimoi.core.sessions, issue 16), with
what Django's database sessions store: the data, the renewed expiry, and the same error when the
session was deleted meanwhile. The idle timeout itself: tests/core/test_headers.py."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
import time_machine
from django.conf import settings
from django.contrib.sessions.backends.base import UpdateError
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from doimoi.core.sessions import SessionStore

pytestmark = pytest.mark.django_db


def test_the_engine_is_ours() -> None:
    assert settings.SESSION_ENGINE == "doimoi.core.sessions"


def test_an_existing_session_is_saved_in_one_statement() -> None:
    first = SessionStore()
    first["unit_id"] = 7
    first.create()
    later = timezone.now() + datetime.timedelta(minutes=10)
    with time_machine.travel(later, tick=False):
        again = SessionStore(first.session_key)
        again["chosen"] = "x"
        with CaptureQueriesContext(connection) as queries:
            again.save()
    assert [q["sql"].split()[0] for q in queries.captured_queries] == ["UPDATE"]
    row = Session.objects.get(session_key=first.session_key)
    assert row.get_decoded() == {"unit_id": 7, "chosen": "x"}
    assert row.expire_date >= later + datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE - 1)


def test_a_session_is_read_until_it_expires_and_not_a_second_after() -> None:
    # the read is written out (one statement, by key and expiry): as Django's, an expired
    # session reads as none, and its key is dropped so a fresh one is made
    stored = SessionStore()
    stored["unit_id"] = 7
    stored.create()
    expiry = Session.objects.get(session_key=stored.session_key).expire_date
    with time_machine.travel(expiry - datetime.timedelta(seconds=1), tick=False):
        read = SessionStore(stored.session_key)
        assert read["unit_id"] == 7 and read.session_key == stored.session_key
    with time_machine.travel(expiry + datetime.timedelta(seconds=1), tick=False):
        late = SessionStore(stored.session_key)
        assert "unit_id" not in late and late.session_key is None


def test_a_session_deleted_meanwhile_is_not_saved_again() -> None:
    store = SessionStore()
    store["a"] = 1
    store.create()
    Session.objects.filter(session_key=store.session_key).delete()  # signed out in another tab
    store["b"] = 2
    with pytest.raises(UpdateError):
        store.save()
    assert not Session.objects.filter(session_key=store.session_key).exists()


def _page_after(persona: Any, wait: datetime.timedelta) -> tuple[list[str], Any, Any]:
    """A signed-in page opened ``wait`` after sign-in: what it did to the session table (the
    statements' first words), and the session's expiry before and after."""
    client = Client()
    client.force_login(persona("vanthu.baoloc"))
    key = client.session.session_key
    before = Session.objects.get(session_key=key).expire_date
    later = timezone.now() + wait
    with time_machine.travel(later, tick=False), CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200
    session = [
        q["sql"].split()[0] for q in queries.captured_queries if "django_session" in q["sql"]
    ]
    return session, before, Session.objects.get(session_key=key).expire_date


def test_a_signed_in_page_renews_its_session_with_one_update(persona: Any) -> None:
    session, before, after = _page_after(persona, datetime.timedelta(minutes=5))
    assert session == ["SELECT", "UPDATE"] and after > before


def test_pages_within_a_minute_of_the_last_renewal_write_nothing(persona: Any) -> None:
    session, before, after = _page_after(persona, datetime.timedelta(seconds=40))
    assert session == ["SELECT"] and after == before


def test_changed_data_is_saved_at_once() -> None:
    store = SessionStore()
    store["unit_id"] = 7
    store.create()
    again = SessionStore(store.session_key)
    assert again["unit_id"] == 7  # loaded: renewed a moment ago
    again["unit_id"] = 8
    again.save()
    row = Session.objects.get(session_key=store.session_key)
    assert row.get_decoded() == {"unit_id": 8}
