"""Defects found when initiatives were tried as a new user would (issue 9), one test each."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from doimoi.core.errors import ApplicationError
from doimoi.initiatives import selectors
from doimoi.initiatives.services.common import Context
from doimoi.initiatives.services.guards import GUARDS
from tests.initiatives import flow

pytestmark = pytest.mark.django_db


def _client(persona: Any, username: str) -> Client:
    client = Client()
    client.force_login(persona(username))
    return client


def test_attachments_are_not_starred_as_required(d: Any, persona: Any) -> None:
    case = d.start(flow.PROPOSER, flow.TU, "kl14", "Nháp")
    client = _client(persona, flow.PROPOSER)
    html = client.get(reverse("initiatives:case_edit", args=[case.pk])).content.decode()
    attach_form = html[html.index('id="attachments-title"') :]
    assert 'class="required"' not in attach_form
    assert "không bắt buộc" in attach_form
    client.post(reverse("initiatives:case_attach", args=[case.pk]), {})
    page = client.get(reverse("initiatives:case_edit", args=[case.pk])).content.decode()
    assert "Chưa chọn tệp." in page and not case.attachments.exists()


def _offered(persona: Any, username: str, case: Any) -> set[str]:
    return {t.name for t in selectors.allowed_transitions(viewer=persona(username), case=case)}


def test_only_moves_whose_guards_pass_are_offered(d: Any, persona: Any) -> None:
    case = flow.under_review(d)
    decisions = {"approve", "approve_pilot"}
    assert not decisions & _offered(persona, flow.HEAD, case)  # no opinion, review or vote yet
    html = _client(persona, flow.HEAD).get(reverse("initiatives:case_detail", args=[case.pk]))
    assert (
        reverse("initiatives:case_transition", args=[case.pk, "approve"])
        not in html.content.decode()
    )
    case = flow.checklist(d, flow.opinion(d, case))
    assert not decisions & _offered(persona, flow.HEAD, case)  # still no vote
    case = flow.vote(d, case, **flow.ALL_FOR)
    assert decisions <= _offered(persona, flow.HEAD, case)
    assert "reject" not in _offered(persona, flow.HEAD, case)  # the collective voted for it


def test_a_vote_not_passed_still_offers_the_heads_written_decision(d: Any, persona: Any) -> None:
    case = flow.checklist(d, flow.opinion(d, flow.under_review(d)))
    against = {
        "bithu__baoloc": "for",
        "phobithu__baoloc": "against",
        "phobithu2__baoloc": "against",
    }
    case = flow.vote(d, case, **against)
    offered = _offered(persona, flow.HEAD, case)
    assert {"approve", "reject"} <= offered  # approve with a written statement (art. 8.1)


def test_checklist_labels_and_messages_show_no_codes(d: Any, persona: Any) -> None:
    case = flow.opinion(d, flow.under_review(d))
    url = reverse("initiatives:case_transition", args=[case.pk, "answer_checklist"])
    html = _client(persona, flow.HEAD).get(url).content.decode()
    for code in case.rule_set.items.values_list("code", flat=True):
        if "_" in code or code.isalpha():
            assert f" {code}:" not in html and f"— {code}<" not in html, code
    assert "Vì lợi ích chung; dám nghĩ, dám làm, dám đột phá" in html
    ctx = Context(actor=persona(flow.HEAD), case=case, data={})
    with pytest.raises(ApplicationError) as refused:
        GUARDS["checklist_complete"](ctx)
    text = " ".join(refused.value.messages)
    assert "Chưa rà soát các nội dung" in text and "common_good" not in text
    assert "Vì lợi ích chung" in text
