"""After success (KL 14 point 2.5; ND 73 art. 10): the model, its adoption elsewhere, its
institutionalization, and rewards."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from doimoi.core.errors import ApplicationError
from doimoi.initiatives.models import (
    Adoption,
    DecisionKind,
    Outcome,
    RegulationProposal,
    Reward,
    RewardForm,
)
from doimoi.initiatives.services.common import Context, handles, not_in_future, today
from doimoi.initiatives.services.decisions import decision_payload, issue_decision


@handles("recognize_model")
def _recognize(ctx: Context) -> dict[str, Any]:
    not_in_future("recognized_on", ctx.data["recognized_on"])
    ctx.case.recognized_on = ctx.data["recognized_on"]
    ctx.case.model_name = ctx.data["model_name"]
    return {"recognized_on": ctx.case.recognized_on, "model_name": ctx.case.model_name}


@handles("record_adoption")
def _record_adoption(ctx: Context) -> dict[str, Any]:
    unit = ctx.data["unit"]
    if unit.pk == ctx.case.unit_id:
        raise ApplicationError({"unit": _("Đơn vị áp dụng phải khác đơn vị đã đề xuất mô hình.")})
    if ctx.case.adoptions.filter(unit=unit).exists():
        raise ApplicationError(
            {"unit": _("%(unit)s đã được ghi là đơn vị áp dụng.") % {"unit": unit}}
        )
    adoption = Adoption.objects.create(
        model_case=ctx.case, unit=unit, adopted_on=ctx.data["adopted_on"]
    )
    return {"adoption": adoption.pk, "unit": unit.name, "adopted_on": adoption.adopted_on}


@handles("report_adoption")
def _report_adoption(ctx: Context) -> dict[str, Any]:
    adoption: Adoption = ctx.data["adoption"]
    if adoption.model_case_id != ctx.case.pk:
        raise ApplicationError({"adoption": _("Đơn vị này không áp dụng mô hình của đề xuất.")})
    if ctx.data["outcome"] not in Outcome.values:
        raise ApplicationError({"outcome": _("Chọn kết quả áp dụng.")})
    adoption.outcome = ctx.data["outcome"]
    adoption.result = ctx.data["result"]
    adoption.save(update_fields=["outcome", "result"])
    return {
        "adoption": adoption.pk,
        "unit": adoption.unit.name,
        "outcome": adoption.outcome,
        "result": adoption.result,
    }


@handles("propose_regulation")
def _propose_regulation(ctx: Context) -> dict[str, Any]:
    proposal = RegulationProposal.objects.create(
        case=ctx.case,
        proposed_on=ctx.data["proposed_on"],
        content=ctx.data["content"],
        addressed_to=ctx.data.get("addressed_to") or "",
    )
    return {
        "proposed_on": proposal.proposed_on,
        "content": proposal.content,
        "addressed_to": proposal.addressed_to,
    }


@handles("propose_reward")
def _propose_reward(ctx: Context) -> dict[str, Any]:
    if ctx.data["form"] not in RewardForm.values:
        raise ApplicationError({"form": _("Chọn hình thức khen thưởng, khuyến khích.")})
    reward = Reward.objects.create(
        case=ctx.case,
        person=ctx.data["person"],
        form=ctx.data["form"],
        reasons=ctx.data["reasons"],
        proposed_on=ctx.data.get("proposed_on") or today(),
    )
    return {
        "reward": reward.pk,
        "person": reward.person.full_name,
        "form": reward.form,
        "reasons": reward.reasons,
    }


@handles("decide_reward")
def _decide_reward(ctx: Context) -> dict[str, Any]:
    reward: Reward = ctx.data["reward"]
    if reward.case_id != ctx.case.pk or reward.granted is not None:
        raise ApplicationError(
            {"reward": _("Đề nghị này đã được quyết định hoặc không thuộc đề xuất.")}
        )
    not_in_future("decided_on", ctx.data["decided_on"])
    granted = ctx.data["granted"] == "yes"
    decision = issue_decision(
        ctx,
        DecisionKind.REWARD,
        content=str(RewardForm(reward.form).label),
        reasons=ctx.data.get("reasons") or "",
    )
    reward.granted, reward.decision = granted, decision
    reward.save(update_fields=["granted", "decision"])
    return decision_payload(decision) | {
        "reward": reward.pk,
        "person": reward.person.full_name,
        "granted": granted,
    }
