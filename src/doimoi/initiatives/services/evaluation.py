"""Evaluation, causes, protection or handling (ND 73 art. 9–11, 6; KL 14 point 2.4)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from doimoi.core.errors import ApplicationError
from doimoi.initiatives.deadlines import is_late
from doimoi.initiatives.models import (
    DecisionKind,
    Finding,
    ItemKind,
    LimitKey,
    Outcome,
    Protection,
    Referral,
    RuleItem,
)
from doimoi.initiatives.services.common import (
    Context,
    handles,
    not_before,
    not_in_future,
    person_label,
)
from doimoi.initiatives.services.decisions import decision_payload, issue_decision
from doimoi.initiatives.services.guards import protection_case

MOTIVES = "motives"  # the ``ground`` of a referral that is not a listed prohibited act


@handles("report_result")
def _report_result(ctx: Context) -> dict[str, Any]:
    case, reported_on = ctx.case, ctx.data["reported_on"]
    not_in_future("reported_on", reported_on)
    not_before("reported_on", reported_on, case.completed_on, _("ngày kết thúc thực hiện"))
    case.reported_on = reported_on
    case.result_report = ctx.data["report"]
    late = is_late(case, LimitKey.RESULT_REPORT, case.completed_on, reported_on)
    return {"reported_on": reported_on, "report": case.result_report, "late": late}


def _damage(ctx: Context) -> tuple[bool, Any]:
    damage = bool(ctx.data.get("damage"))
    amount = ctx.data.get("damage_amount")
    if amount is not None and amount < 0:
        raise ApplicationError({"damage_amount": _("Giá trị thiệt hại không được âm.")})
    if amount and not damage:
        raise ApplicationError(
            {"damage": _("Đã ghi giá trị thiệt hại: đánh dấu «gây ra thiệt hại».")}
        )
    return damage, amount if damage else None


@handles("evaluate")
def _evaluate(ctx: Context) -> dict[str, Any]:
    case, evaluated_on = ctx.case, ctx.data["evaluated_on"]
    if ctx.data["outcome"] not in Outcome.values:
        raise ApplicationError({"outcome": _("Chọn kết quả đánh giá.")})
    not_in_future("evaluated_on", evaluated_on)
    not_before("evaluated_on", evaluated_on, case.reported_on, _("ngày báo cáo kết quả"))
    case.damage, case.damage_amount = _damage(ctx)
    case.outcome = ctx.data["outcome"]
    case.objective_causes = ctx.data["objective_causes"]
    case.subjective_causes = ctx.data["subjective_causes"]
    case.evaluated_on = evaluated_on
    return {
        "evaluated_on": evaluated_on,
        "outcome": case.outcome,
        "damage": case.damage,
        "damage_amount": case.damage_amount,
        "objective_causes": case.objective_causes,
        "subjective_causes": case.subjective_causes,
        "late": is_late(case, LimitKey.EVALUATION, case.reported_on, evaluated_on),
        "protection_case": protection_case(case),
    }


@handles("grant_protection")
def _grant_protection(ctx: Context) -> dict[str, Any]:
    finding = ctx.data["finding"]
    decision = issue_decision(
        ctx,
        DecisionKind.PROTECTION,
        content=str(Finding(finding).label),
        reasons=ctx.data["reasons"],
    )
    good_faith = bool(ctx.data.get("good_faith")) or protection_case(ctx.case) == "completed"
    Protection.objects.create(
        case=ctx.case,
        finding=finding,
        good_faith=good_faith,
        reasons=ctx.data["reasons"],
        decision=decision,
    )
    return decision_payload(decision) | {
        "finding": finding,
        "good_faith": good_faith,
        "protection_case": protection_case(ctx.case),
    }


def _prohibited_act(ctx: Context, ground: str) -> RuleItem | None:
    if ground == MOTIVES:
        return None
    item = ctx.case.rule_set.items.filter(kind=ItemKind.PROHIBITED, code=ground).first()
    if item is None:
        raise ApplicationError(
            {
                "ground": _(
                    "Chọn một việc không được làm của bộ quy tắc, hoặc «động cơ không trong sáng»."
                )
            }
        )
    return item


@handles("refer")
def _refer(ctx: Context) -> dict[str, Any]:
    ground = ctx.data["ground"]
    item = _prohibited_act(ctx, ground)
    not_in_future("found_on", ctx.data["found_on"])
    Referral.objects.create(
        case=ctx.case,
        found_on=ctx.data["found_on"],
        motives_not_pure=item is None,
        prohibited_act=item,
        description=ctx.data["description"],
        by=ctx.person,
    )
    revoked = Protection.objects.filter(case=ctx.case, revoked=False).update(revoked=True)
    return {
        "found_on": ctx.data["found_on"],
        "ground": ground,
        "prohibited_act": item.text if item else "",
        "description": ctx.data["description"],
        "protection_revoked": bool(revoked),
        "by": person_label(ctx.person),
    }
