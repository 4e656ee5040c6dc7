"""Art. 11: the protection finding follows the evaluation; art. 6 (or motives not pure) removes
protection and refers the case, which keeps both records; rule sets differ per regime."""

from __future__ import annotations

from typing import Any

import pytest

from doimoi.core.errors import ApplicationError
from doimoi.initiatives.services.guards import allowed_findings
from doimoi.initiatives.states import CaseState
from tests.initiatives import flow


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("regime", "outcome", "damage", "findings"),
    [
        ("kl14", "completed", False, ["no_liability"]),
        ("kl14", "partly", False, ["exempted", "mitigated"]),
        ("kl14", "not_completed", True, ["exempted", "mitigated"]),
        ("nd73", "completed", False, ["no_liability"]),
        ("nd73", "partly", False, ["excluded"]),
        ("nd73", "partly", True, ["excluded", "exempted", "mitigated"]),
    ],
)
def test_findings_follow_article_11_per_regime(
    d: Any, regime: str, outcome: str, damage: bool, findings: list[str]
) -> None:
    case = flow.draft(d, regime=regime)
    case.outcome, case.damage = outcome, damage
    assert allowed_findings(case) == findings


def _protect(d: Any, case: Any, finding: str, good_faith: bool = True) -> Any:
    return d.do(flow.HEAD, case, "grant_protection", decided_on=d.today, decision_symbol=flow.symbol(),
                good_faith=good_faith, finding=finding, reasons="Đúng chủ trương.")  # fmt: skip


@pytest.mark.django_db
def test_partly_completed_with_damage_is_mitigated(d: Any, ledger_probe: Any) -> None:
    case = flow.evaluated(d, outcome="partly", damage=True)
    assert case.damage_amount == 1_000_000
    with pytest.raises(ApplicationError) as caught:
        _protect(d, case, "no_liability")
    assert "Giảm nhẹ" in caught.value.message_dict["finding"][0]
    with pytest.raises(ApplicationError) as caught:
        _protect(d, case, "mitigated", good_faith=False)
    assert "Kết luận vi phạm" in caught.value.message_dict["good_faith"][0]
    case = _protect(d, case, "mitigated")
    assert case.state == CaseState.PROTECTED and case.protection.finding == "mitigated"
    event = ledger_probe.assert_recorded("initiatives.case.protected", case)
    assert event.payload["protection_case"] == "damage"


@pytest.mark.django_db
@pytest.mark.parametrize("ground", ["kl14", "motives"])
def test_a_prohibited_act_removes_protection_and_keeps_both_records(
    d: Any, ledger_probe: Any, ground: str
) -> None:
    case = _protect(d, flow.evaluated(d, outcome="partly"), "exempted")
    case = d.do(flow.INSPECTOR, case, "refer", found_on=d.today, ground=ground,
                description="Thanh toán khống chi phí.")  # fmt: skip
    assert case.state == CaseState.REFERRED
    case.refresh_from_db()
    assert case.protection.revoked and case.protection.finding == "exempted"
    assert case.referral.motives_not_pure is (ground == "motives")
    assert (case.referral.prohibited_act is not None) is (ground == "kl14")
    event = ledger_probe.assert_recorded("initiatives.case.referred", case)
    assert event.payload["protection_revoked"] is True
    ledger_probe.assert_recorded("initiatives.case.protected", case)


@pytest.mark.django_db
def test_an_unknown_prohibited_act_is_refused(d: Any) -> None:
    case = flow.evaluated(d)
    with pytest.raises(ApplicationError) as caught:
        d.do(flow.HEAD, case, "refer", found_on=d.today, ground="6.5", description="x")
    assert "ground" in caught.value.message_dict


@pytest.mark.django_db
def test_after_success_model_adoption_regulation_and_reward(d: Any, ledger_probe: Any) -> None:
    case = flow.BUILDERS[CaseState.RECOGNIZED](d)
    case = d.do(flow.HEAD, case, "record_adoption", unit=d.units["Đảng ủy phường 2 Bảo Lộc"],
                adopted_on=d.today)  # fmt: skip
    adoption = case.adoptions.get()
    case = d.do(flow.HEAD, case, "report_adoption", adoption=adoption, outcome="completed",
                result="Giảm 40% thời gian.")  # fmt: skip
    case = d.do(flow.HEAD, case, "propose_regulation", proposed_on=d.today, content="Ban hành.")
    case = d.do(flow.HEAD, case, "propose_reward", person=d.person(flow.PROPOSER),
                form="salary_step", reasons="Hoàn thành.")  # fmt: skip
    reward = case.rewards.get()
    case = d.do(flow.HEAD, case, "decide_reward", reward=reward, granted="yes", decided_on=d.today,
                decision_symbol=flow.symbol())  # fmt: skip
    reward.refresh_from_db()
    assert reward.granted and reward.decision is not None
    assert case.adoptions.get().outcome == "completed"
    for verb in ("adopted", "adoption_reported", "regulation_proposed", "reward_proposed",
                 "reward_decided"):  # fmt: skip
        ledger_probe.assert_recorded(f"initiatives.case.{verb}", case)
    with pytest.raises(ApplicationError):
        d.do(flow.HEAD, case, "decide_reward", reward=reward, granted="no", decided_on=d.today,
             decision_symbol=flow.symbol())  # fmt: skip
