"""Bring a case to any state of the workflow through the services (the same driver as the demo)."""

from __future__ import annotations

import itertools
from typing import Any

from doimoi.initiatives.demo import Demo
from doimoi.initiatives.demo_cases import plan
from doimoi.initiatives.models import Case, Regime
from doimoi.initiatives.states import CaseState

TU = "Đảng ủy phường 1 Bảo Lộc"
PROPOSER, HEAD, DEPUTY, DEPUTY2, CLERK = (
    "canbo.baoloc",
    "bithu.baoloc",
    "phobithu.baoloc",
    "phobithu2.baoloc",
    "vanthu.baoloc",
)
SUPERVISOR, INSPECTOR, OBSERVER, OUTSIDER = (
    "uvbtv.baoloc",
    "kiemtra.tinhuy",
    "quantri.lamdong",
    "vanthu.dukdn",
)
_numbers = itertools.count(1)


def symbol() -> str:
    return f"{next(_numbers)}-QĐ/ThU"


def draft(d: Demo, *, proposer: str = PROPOSER, regime: str = Regime.KL14, **extra: Any) -> Case:
    return d.start(proposer, TU, regime, "Đề xuất thử nghiệm", **(plan("thử nghiệm") | extra))


def submitted(d: Demo, **kw: Any) -> Case:
    case = draft(d, **kw)
    return d.do(case.proposer.user.username, case, "submit")


def under_review(d: Demo, **kw: Any) -> Case:
    return d.do(HEAD, submitted(d, **kw), "put_to_collective", meeting_on=d.today)


def opinion(d: Demo, case: Case) -> Case:
    return d.do(
        CLERK,
        case,
        "record_party_opinion",
        body="Ban Thường vụ Đảng ủy phường 1 Bảo Lộc",
        opinion="Đồng ý.",
        given_on=d.today,
    )


def checklist(d: Demo, case: Case, answer: str = "yes", authority: str = "yes") -> Case:
    items = case.rule_set.items.filter(kind__in=["condition", "legality"])
    answers = {
        i.pk: {"answer": authority if i.code == "authority" else answer, "note": "Ghi nhận."}
        for i in items
    }
    return d.do(HEAD, case, "answer_checklist", answers=answers)


def vote(d: Demo, case: Case, **choices: str) -> Case:
    """choices: username with dots as __ → for/against/absent."""
    ballots = {d.person(u.replace("__", ".")).pk: c for u, c in choices.items()}
    return d.do(HEAD, case, "record_vote", held_on=d.today, ballots=ballots)


ALL_FOR = {"bithu__baoloc": "for", "phobithu__baoloc": "for", "phobithu2__baoloc": "for"}


def ready_to_decide(d: Demo, **kw: Any) -> Case:
    case = under_review(d, **kw)
    return vote(d, checklist(d, opinion(d, case)), **ALL_FOR)


def pilot_data(d: Demo, **extra: Any) -> dict[str, Any]:
    return {
        "decided_on": d.today,
        "decision_symbol": symbol(),
        "content": "Cho thí điểm.",
        "scope": "Chi bộ khu phố 1.",
        "start_on": d.today,
        "end_on": d.days(90),
        "resources": "20 triệu đồng.",
        "indicators": "Giảm 30% thời gian.",
        "checkpoints": [d.days(30), d.days(60)],
        "stop_conditions": "Có sai sót.",
        "supervisor": d.person(SUPERVISOR),
    } | extra


def pilot_approved(d: Demo, **kw: Any) -> Case:
    return d.do(HEAD, ready_to_decide(d, **kw), "approve_pilot", **pilot_data(d))


def in_progress(d: Demo, **kw: Any) -> Case:
    return d.do(HEAD, pilot_approved(d, **kw), "start", started_on=d.today)


def completed(d: Demo, **kw: Any) -> Case:
    return d.do(PROPOSER, in_progress(d, **kw), "complete", completed_on=d.today)


def reported(d: Demo, **kw: Any) -> Case:
    return d.do(
        PROPOSER, completed(d, **kw), "report_result", reported_on=d.today, report="Kết quả."
    )


def evaluated(d: Demo, outcome: str = "completed", damage: bool = False, **kw: Any) -> Case:
    case = reported(d, **kw)
    case = d.do(
        CLERK,
        case,
        "record_party_opinion",
        body="Ban Thường vụ",
        opinion="Đồng ý.",
        given_on=d.today,
    )
    return d.do(
        HEAD,
        case,
        "evaluate",
        evaluated_on=d.today,
        outcome=outcome,
        damage=damage,
        damage_amount=1_000_000 if damage else None,
        objective_causes="Khách quan.",
        subjective_causes="Chủ quan.",
    )


def protected(d: Demo, **kw: Any) -> Case:
    return d.do(
        HEAD,
        evaluated(d, **kw),
        "grant_protection",
        decided_on=d.today,
        decision_symbol=symbol(),
        finding="no_liability",
        reasons="Hoàn thành.",
    )


S = CaseState
BUILDERS = {
    S.DRAFT: draft,
    S.SUBMITTED: submitted,
    S.RETURNED: lambda d: d.do(HEAD, submitted(d), "return_for_revision", comments="Bổ sung."),
    S.UNDER_REVIEW: under_review,
    S.APPROVED: lambda d: d.do(
        HEAD,
        ready_to_decide(d),
        "approve",
        decided_on=d.today,
        decision_symbol=symbol(),
        content="Cho thực hiện.",
    ),
    S.PILOT_APPROVED: pilot_approved,
    S.REJECTED: lambda d: d.do(
        HEAD,
        vote(
            d,
            opinion(d, under_review(d)),
            bithu__baoloc="against",
            phobithu__baoloc="against",
            phobithu2__baoloc="for",
        ),
        "reject",
        decided_on=d.today,
        decision_symbol=symbol(),
        reasons="Không thông qua.",
    ),
    S.IN_PROGRESS: in_progress,
    S.SUSPENDED: lambda d: d.do(
        HEAD,
        in_progress(d),
        "suspend",
        decided_on=d.today,
        decision_symbol=symbol(),
        reasons="Chờ hướng dẫn.",
    ),
    S.STOPPED: lambda d: d.do(
        HEAD,
        in_progress(d),
        "stop",
        decided_on=d.today,
        decision_symbol=symbol(),
        reasons="Điều kiện dừng.",
    ),
    S.COMPLETED: completed,
    S.REPORTED: reported,
    S.EVALUATED: evaluated,
    S.PROTECTED: protected,
    S.REFERRED: lambda d: d.do(
        INSPECTOR, evaluated(d), "refer", found_on=d.today, ground="kl14", description="Vụ lợi."
    ),
    S.RECOGNIZED: lambda d: d.do(
        HEAD, protected(d), "recognize_model", recognized_on=d.today, model_name="Mô hình"
    ),
}


def reach(d: Demo, state: str) -> Case:
    """A fresh case in ``state``."""
    case = BUILDERS[CaseState(state)](d)
    assert case.state == state
    return case
