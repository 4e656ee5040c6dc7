"""Every refused transition: wrong state (names the state), wrong role (403), and each guard."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from doimoi.core.errors import ApplicationError
from doimoi.initiatives import services, states
from doimoi.initiatives.models import Case, RuleSet
from doimoi.initiatives.states import CaseRole, CaseState
from tests.initiatives import flow

# A user holding each role on a Đảng ủy phường 1 Bảo Lộc case (the supervisor once the decision names one).
HOLDER = {
    CaseRole.PROPOSER: flow.PROPOSER,
    CaseRole.HEAD: flow.HEAD,
    CaseRole.DEPUTY: flow.DEPUTY,
    CaseRole.CLERK: flow.CLERK,
    CaseRole.SUPERVISOR: flow.SUPERVISOR,
    CaseRole.INSPECTOR: flow.INSPECTOR,
    CaseRole.OBSERVER: flow.OBSERVER,
}


def _refused(persona: Any, case: Case, name: str, username: str) -> Exception:
    with pytest.raises((ApplicationError, PermissionDenied)) as caught:
        services.transition(actor=persona(username), case=case, name=name, data={})
    return caught.value


@pytest.mark.django_db
def test_every_transition_refused_from_every_other_state(
    d: Any, persona: Any, ledger_probe: Any
) -> None:
    for state in CaseState:
        case = flow.reach(d, state)
        probe_start = ledger_probe.new()
        for spec in states.TABLE:
            if state in spec.sources:
                continue
            actor = flow.PROPOSER if CaseRole.PROPOSER in spec.roles else flow.HEAD
            if state == CaseState.DRAFT:
                actor = flow.PROPOSER
            error = _refused(persona, case, spec.name, actor)
            assert isinstance(error, ApplicationError), (state, spec.name, error)
            message = " ".join(error.message_dict["state"])
            assert str(case.get_state_display()) in message and str(spec.label) in message
        assert ledger_probe.new() == probe_start, state  # nothing written by a refusal


@pytest.mark.django_db
def test_every_transition_refused_to_every_role_not_in_the_table(d: Any, persona: Any) -> None:
    for state in CaseState:
        case = flow.reach(d, state)
        for spec in states.TABLE:
            if state not in spec.sources:
                continue
            for role, username in HOLDER.items():
                if role in spec.roles or (role == CaseRole.SUPERVISOR and case.supervisor is None):
                    continue
                if state == CaseState.DRAFT and role != CaseRole.PROPOSER:
                    continue  # others cannot even see a draft (checked below)
                error = _refused(persona, case, spec.name, username)
                assert isinstance(error, PermissionDenied), (state, spec.name, role)
        error = _refused(persona, case, "save_draft", flow.OUTSIDER)
        assert isinstance(error, PermissionDenied)


@pytest.mark.django_db
def test_a_draft_is_invisible_to_the_head(d: Any, persona: Any) -> None:
    case = flow.draft(d)
    error = _refused(persona, case, "submit", flow.HEAD)
    assert isinstance(error, PermissionDenied)


@pytest.mark.django_db
def test_required_fields_are_named(d: Any, persona: Any) -> None:
    case = flow.submitted(d)
    with pytest.raises(ApplicationError) as caught:
        services.transition(
            actor=persona(flow.HEAD), case=case, name="return_for_revision", data={}
        )
    assert "Ý kiến trả lại" in caught.value.message_dict["comments"][0]


@pytest.mark.django_db
def test_submit_refuses_an_incomplete_plan_naming_each_section(d: Any, persona: Any) -> None:
    case = d.start(flow.PROPOSER, flow.TU, "kl14", "Chưa xong", necessity="Có.")
    with pytest.raises(ApplicationError) as caught:
        services.transition(actor=persona(flow.PROPOSER), case=case, name="submit")
    missing = caught.value.message_dict
    assert "bottleneck" in missing and "expected_results" in missing and "necessity" not in missing
    assert "điểm nghẽn" in missing["bottleneck"][0]


@pytest.mark.django_db
def test_decree_73_refuses_a_proposer_who_is_not_a_manager(d: Any, persona: Any) -> None:
    case = flow.draft(d, regime="nd73")
    with pytest.raises(ApplicationError) as caught:
        services.transition(actor=persona(flow.PROPOSER), case=case, name="submit")
    assert "lãnh đạo, quản lý" in caught.value.message_dict["rule_set"][0]


def _decide(d: Any, case: Case, name: str = "approve", **extra: Any) -> Case:
    data = {"decided_on": d.today, "decision_symbol": flow.symbol(), "content": "Cho thực hiện."}
    return d.do(flow.HEAD, case, name, **(data | extra))


@pytest.mark.django_db
def test_approval_needs_the_party_committee_opinion(d: Any) -> None:
    case = flow.vote(d, flow.checklist(d, flow.under_review(d)), **flow.ALL_FOR)
    with pytest.raises(ApplicationError) as caught:
        _decide(d, case)
    assert "Điều 4 khoản 3" in caught.value.message_dict["party_opinion"][0]


@pytest.mark.django_db
def test_approval_needs_the_whole_checklist(d: Any) -> None:
    case = flow.vote(d, flow.opinion(d, flow.under_review(d)), **flow.ALL_FOR)
    with pytest.raises(ApplicationError) as caught:
        _decide(d, case)
    assert "5.1.a" not in caught.value.message_dict["checklist"][0]  # KL 14 rule set
    assert "Thuộc thẩm quyền" in caught.value.message_dict["checklist"][0]  # its text, not a code
    assert "authority" not in caught.value.message_dict["checklist"][0]


@pytest.mark.django_db
def test_outside_the_units_authority_it_must_go_up(d: Any, persona: Any) -> None:
    case = flow.under_review(d)
    case = flow.vote(d, flow.checklist(d, flow.opinion(d, case), authority="no"), **flow.ALL_FOR)
    with pytest.raises(ApplicationError) as caught:
        _decide(d, case)
    assert "chuyển cấp trên" in caught.value.message_dict["checklist"][0]
    with pytest.raises(PermissionDenied):  # the province's head has no head above in the demo?
        services.transition(
            actor=persona(flow.DEPUTY), case=case, name="escalate", data={"reasons": "x"}
        )
    case = d.do(flow.HEAD, case, "escalate", reasons="Ngoài thẩm quyền của Thành ủy.")
    assert (
        case.state == CaseState.SUBMITTED and case.decider.name == "Tỉnh ủy Lâm Đồng (từ 01/7/2025)"
    )


@pytest.mark.django_db
def test_a_checklist_item_without_a_note_is_refused(d: Any) -> None:
    case = flow.under_review(d)
    item = case.rule_set.items.filter(kind="legality").first()
    with pytest.raises(ApplicationError) as caught:
        d.do(flow.HEAD, case, "answer_checklist", answers={item.pk: {"answer": "yes", "note": ""}})
    assert f"item_{item.pk}_note" in caught.value.message_dict


@pytest.mark.django_db
def test_rejection_needs_a_vote_that_did_not_pass(d: Any) -> None:
    case = flow.under_review(d)
    with pytest.raises(ApplicationError) as caught:
        _decide(d, case, "reject", reasons="Không.")
    assert "chưa biểu quyết" in caught.value.message_dict["vote"][0]
    case = flow.ready_to_decide(d)
    with pytest.raises(ApplicationError) as caught:
        _decide(d, case, "reject", reasons="Không.")
    assert "thông qua" in caught.value.message_dict["vote"][0]


@pytest.mark.django_db
def test_evaluation_needs_the_party_committee_opinion(d: Any) -> None:
    case = flow.reported(d)
    with pytest.raises(ApplicationError) as caught:
        d.do(flow.HEAD, case, "evaluate", evaluated_on=d.today, outcome="completed",
             objective_causes="x", subjective_causes="y")  # fmt: skip
    assert "trước khi đánh giá" in caught.value.message_dict["party_opinion"][0]


@pytest.mark.django_db
def test_suspension_refused_when_the_rule_set_does_not_allow_it(d: Any) -> None:
    case = flow.in_progress(d)
    RuleSet.objects.filter(pk=case.rule_set_id).update(allows_suspension=False)
    with pytest.raises(ApplicationError) as caught:
        d.do(
            flow.HEAD, case, "suspend", decided_on=d.today, decision_symbol="1-QĐ/ThU", reasons="x"
        )
    assert "không cho phép" in caught.value.message_dict["state"][0]


@pytest.mark.django_db
def test_only_a_completed_result_is_recognized_or_rewarded(d: Any, persona: Any) -> None:
    case = flow.evaluated(d, outcome="partly")
    case = d.do(flow.HEAD, case, "grant_protection", decided_on=d.today, decision_symbol=flow.symbol(),
                good_faith=True, finding="mitigated", reasons="Đúng chủ trương.")  # fmt: skip
    with pytest.raises(ApplicationError) as caught:
        d.do(flow.HEAD, case, "recognize_model", recognized_on=d.today, model_name="M")
    assert "hoàn thành" in caught.value.message_dict["outcome"][0]
    with pytest.raises(ApplicationError):
        d.do(
            flow.HEAD,
            case,
            "propose_reward",
            person=d.person(flow.PROPOSER),
            form="praise",
            reasons="x",
        )


@pytest.mark.django_db
def test_dates_in_the_future_or_before_the_step_they_follow_are_refused(d: Any) -> None:
    case = flow.in_progress(d)
    with pytest.raises(ApplicationError) as caught:
        d.do(flow.PROPOSER, case, "complete", completed_on=d.days(3))
    assert "chưa đến" in caught.value.message_dict["completed_on"][0]
    with pytest.raises(ApplicationError) as caught:
        d.do(flow.PROPOSER, case, "complete", completed_on=d.days(-400))
    assert "ngày triển khai" in caught.value.message_dict["completed_on"][0]


@pytest.mark.django_db
def test_a_refused_pilot_decision_writes_nothing(d: Any, ledger_probe: Any) -> None:
    case = flow.ready_to_decide(d)
    before = ledger_probe.new()
    bad = flow.pilot_data(
        d, checkpoints=[d.days(200)], pilot_units=[d.units["Chi bộ khu phố Lộc Phát"]]
    )
    with pytest.raises(ApplicationError) as caught:
        d.do(flow.HEAD, case, "approve_pilot", **bad)
    assert "ngoài thời gian thí điểm" in caught.value.message_dict["checkpoints"][0]
    case.refresh_from_db()
    assert case.state == CaseState.UNDER_REVIEW and not case.is_pilot and case.supervisor is None
    assert case.pilot_units.count() == 0 and case.decisions.count() == 0
    assert ledger_probe.new() == before
