"""An assignment's page shows the latest events of its history; the whole history has its page."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from doimoi.directives import events, services
from doimoi.directives.models import Assignment, Directive
from doimoi.ledger import services as ledger
from doimoi.ledger.models import LedgerEvent
from tests.directives.conftest import WARDS, of

pytestmark = pytest.mark.django_db
SEQ = re.compile(r'<code class="hash"[^>]*>#(\d+) ')


def _answer(head: Any, a: Assignment, times: int) -> None:
    for _ in range(times):  # as the load bench's users do: a study session recorded again
        services.assignment_answer(
            actor=head, assignment=a, kind="study", on=datetime.date(2022, 5, 20)
        )


def _client(persona: Any, username: str) -> Client:
    client = Client()
    client.force_login(persona(username))
    return client


def _seqs(a: Assignment) -> list[int]:
    events = LedgerEvent.objects.filter(subject_type="directives.assignment", subject_id=str(a.pk))
    return list(events.order_by("seq").values_list("seq", flat=True))


def _page(client: Client, name: str, a: Assignment) -> str:
    response = client.get(reverse(f"directives:{name}", args=[a.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_page_shows_the_latest_30_events_and_links_to_all(
    cascade: Directive, persona: Any, django_assert_max_num_queries: Any
) -> None:
    a = of(cascade, WARDS[0])
    _answer(persona("bithu.phuong1"), a, 40)
    seqs, head = _seqs(a), _client(persona, "bithu.phuong1")
    assert len(seqs) >= 40
    with django_assert_max_num_queries(16):  # was 23: the rule's read is the page's (issue 11)
        page = _page(head, "assignment_detail", a)
    assert [int(s) for s in SEQ.findall(page)] == seqs[-30:]  # the latest, oldest first
    history = reverse("directives:assignment_history", args=[a.pk])
    assert f'href="{history}"' in page
    assert f"Xem toàn bộ lịch sử ({len(seqs)} sự kiện)" in page
    with django_assert_max_num_queries(8):
        full = _page(head, "assignment_history", a)
    assert [int(s) for s in SEQ.findall(full)] == seqs


def test_page_queries_do_not_grow_with_the_history(cascade: Directive, persona: Any) -> None:
    a, head = of(cascade, WARDS[0]), _client(persona, "bithu.phuong1")
    _answer(persona("bithu.phuong1"), a, 31)
    _page(head, "assignment_detail", a)  # the viewer's scope is read once, then kept
    with CaptureQueriesContext(connection) as before:
        _page(head, "assignment_detail", a)
    _answer(persona("bithu.phuong1"), a, 60)
    with CaptureQueriesContext(connection) as after:
        page = _page(head, "assignment_detail", a)
    assert len(after) == len(before)
    assert len(SEQ.findall(page)) == 30


def test_a_short_history_is_shown_whole_without_the_link(cascade: Directive, persona: Any) -> None:
    a = of(cascade, WARDS[0])
    page = _page(_client(persona, "bithu.phuong1"), "assignment_detail", a)
    assert [int(s) for s in SEQ.findall(page)] == _seqs(a)
    assert 'data-testid="timeline-all"' not in page


@pytest.mark.parametrize("username", ["bithu.phuong1", "vanthu.dukdn"])
def test_history_of_another_units_assignment_is_404(
    cascade: Directive, persona: Any, username: str
) -> None:
    # Lộc Phát's: neither its sibling phường 1 nor a committee beside the city sees it
    sibling = of(cascade, WARDS[1])
    client = _client(persona, username)
    for name in ("assignment_detail", "assignment_history"):
        assert client.get(reverse(f"directives:{name}", args=[sibling.pk])).status_code == 404


def test_a_long_history_elsewhere_is_cut_at_its_start_not_its_end(
    cascade: Directive, persona: Any
) -> None:
    """Pages without a history page of their own (here the directive's) show the latest 200
    events and say so; before, they showed the first 200 and never what happened last."""
    for _ in range(205):
        ledger.append(action=events.DIRECTIVE_DISTRIBUTED, subject=cascade, actor=None)
    kept = LedgerEvent.objects.filter(
        subject_type="directives.directive", subject_id=str(cascade.pk)
    )
    seqs = list(kept.order_by("seq").values_list("seq", flat=True))
    response = _client(persona, "bithu.phuong1").get(
        reverse("directives:directive_detail", args=[cascade.pk])
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert [int(s) for s in SEQ.findall(page)] == seqs[-200:]
    assert "Đang hiện 200 sự kiện gần nhất." in page and 'data-testid="timeline-all"' not in page
