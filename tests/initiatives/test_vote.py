"""ND 73 art. 8.1: head and deputies vote, not a deputy who proposed; > 50 %; a tie follows the
head; a head may still decide in writing, taking responsibility."""

from __future__ import annotations

from typing import Any

import pytest

from doimoi.core.errors import ApplicationError
from doimoi.initiatives import services
from doimoi.initiatives.models import Choice
from doimoi.initiatives.states import CaseState
from tests.initiatives import flow

F, A, X = Choice.FOR, Choice.AGAINST, Choice.ABSENT


@pytest.mark.parametrize(
    ("choices", "passed", "tie"),
    [
        ({1: F, 2: F, 3: A}, True, False),  # 2/3 > 50 %
        ({1: F, 2: A, 3: A}, False, False),  # 1/3
        ({1: F, 2: A}, True, True),  # 1–1: the head (1) is for
        ({1: A, 2: F}, False, True),  # 1–1: the head is against
        ({1: X, 2: F, 3: A}, False, True),  # the head absent at a tie: no majority
        ({1: F, 2: F, 3: A, 4: A}, True, True),  # 2–2, head for
        ({1: F, 2: X, 3: X}, True, False),  # absent members do not count against
    ],
)
def test_tally(choices: dict[int, str], passed: bool, tie: bool) -> None:
    result = services.tally(choices, heads={1})
    assert (result.passed, result.tie) == (passed, tie)


@pytest.mark.django_db
def test_deputy_who_proposed_does_not_vote(d: Any, ledger_probe: Any) -> None:
    case = flow.under_review(d, proposer=flow.DEPUTY)
    names = [p.full_name for p, _head in services.voters(case)]
    assert names == ["Trần Minh Khải", "Lê Quang Vinh"]  # the head first; Nguyễn Thu Hà left out
    with pytest.raises(ApplicationError) as caught:
        flow.vote(d, case, bithu__baoloc="for", phobithu__baoloc="for", phobithu2__baoloc="for")
    assert "không phải người đề xuất" in caught.value.message_dict["ballots"][0]
    case = flow.vote(d, case, bithu__baoloc="against", phobithu2__baoloc="for")
    event = ledger_probe.assert_recorded("initiatives.case.vote_recorded", case)
    assert event.payload["excluded_proposer_deputies"] == ["Nguyễn Thu Hà"]
    assert event.payload["tie"] is True and event.payload["passed"] is False


@pytest.mark.django_db
def test_every_member_of_the_collective_must_be_recorded(d: Any) -> None:
    case = flow.under_review(d)
    with pytest.raises(ApplicationError) as caught:
        flow.vote(d, case, bithu__baoloc="for", phobithu__baoloc="for")
    messages = [m for errors in caught.value.message_dict.values() for m in errors]
    assert any("Lê Quang Vinh" in m for m in messages)


@pytest.mark.django_db
def test_more_than_half_passes_and_the_head_approves(d: Any, ledger_probe: Any) -> None:
    case = flow.under_review(d)
    case = flow.vote(d, flow.checklist(d, flow.opinion(d, case)), bithu__baoloc="for",
                     phobithu__baoloc="for", phobithu2__baoloc="against")  # fmt: skip
    case = d.do(flow.HEAD, case, "approve", decided_on=d.today, decision_symbol="7-QĐ/ThU",
                content="Cho thực hiện.")  # fmt: skip
    event = ledger_probe.assert_recorded("initiatives.case.approved", case)
    assert event.payload["vote"] == {"for": 2, "against": 1, "passed": True}
    assert event.payload["decision"]["override"] is False
    assert case.state == CaseState.APPROVED


@pytest.mark.django_db
def test_failed_vote_needs_the_heads_written_override(d: Any, ledger_probe: Any) -> None:
    case = flow.under_review(d)
    case = flow.vote(d, flow.checklist(d, flow.opinion(d, case)), bithu__baoloc="for",
                     phobithu__baoloc="against", phobithu2__baoloc="against")  # fmt: skip
    data = flow.pilot_data(d)
    with pytest.raises(ApplicationError) as caught:
        d.do(flow.HEAD, case, "approve_pilot", **data)
    assert "1/3" in caught.value.message_dict["override_statement"][0]
    statement = "Tôi quyết định cho thí điểm vì cấp thiết và khả thi; tôi chịu trách nhiệm."
    case = d.do(flow.HEAD, case, "approve_pilot", **data, override_statement=statement)
    decision = case.decisions.get()
    assert decision.override and decision.reasons == statement
    assert ledger_probe.assert_recorded("initiatives.case.pilot_approved", case).payload[
        "decision"
    ]["override"]


@pytest.mark.django_db
def test_tie_follows_the_head(d: Any) -> None:
    case = flow.under_review(d, proposer=flow.DEPUTY)
    case = flow.vote(d, flow.checklist(d, flow.opinion(d, case)), bithu__baoloc="for",
                     phobithu2__baoloc="against")  # fmt: skip
    vote = case.votes.get()
    assert vote.tie and vote.passed
