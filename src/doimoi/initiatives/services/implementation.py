"""Implementation and supervision (KL 14 point 2.4; ND 73 art. 6.4, 10.2): resources, progress at
the checkpoints, visits, problems and support, and the unit's written decisions to adjust,
suspend, resume or stop."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from doimoi.core.errors import ApplicationError
from doimoi.initiatives.models import (
    Checkpoint,
    DecisionKind,
    Problem,
    ProgressReport,
    ResourceEntry,
    ResourceKind,
    SupervisionVisit,
    VisitKind,
)
from doimoi.initiatives.services.common import (
    Context,
    handles,
    not_before,
    not_in_future,
    person_label,
    today,
)
from doimoi.initiatives.services.decisions import decision_payload, issue_decision
from doimoi.initiatives.states import CaseRole


def _resource_payload(entry: ResourceEntry) -> dict[str, Any]:
    return {
        "kind": entry.kind,
        "description": entry.description,
        "amount": entry.amount,
        "on": entry.on,
    }


@handles("start")
def _start(ctx: Context) -> dict[str, Any]:
    case, started_on = ctx.case, ctx.data["started_on"]
    not_in_future("started_on", started_on)
    not_before("started_on", started_on, case.decided_on, _("ngày quyết định"))
    case.started_on = started_on
    payload: dict[str, Any] = {"started_on": started_on}
    description = ctx.data.get("resources_allotted") or ""
    if description:
        entry = ResourceEntry.objects.create(
            case=case,
            kind=ResourceKind.GRANTED,
            description=description,
            amount=ctx.data.get("amount"),
            on=started_on,
        )
        payload["resources"] = _resource_payload(entry)
    return payload


@handles("record_resources")
def _record_resources(ctx: Context) -> dict[str, Any]:
    if ctx.data["kind"] not in ResourceKind.values:
        raise ApplicationError({"kind": _("Chọn «được cấp» hoặc «đã sử dụng».")})
    not_in_future("on", ctx.data["on"])
    entry = ResourceEntry.objects.create(
        case=ctx.case,
        kind=ctx.data["kind"],
        description=ctx.data["description"],
        amount=ctx.data.get("amount"),
        on=ctx.data["on"],
    )
    return _resource_payload(entry)


def _open_checkpoint(ctx: Context) -> Checkpoint | None:
    chosen = ctx.data.get("checkpoint")
    open_ones = ctx.case.checkpoints.filter(report__isnull=True).order_by("due_on")
    if chosen is None:
        return open_ones.first()
    if not open_ones.filter(pk=chosen.pk).exists():
        raise ApplicationError({"checkpoint": _("Mốc này đã có báo cáo hoặc không thuộc đề xuất.")})
    return chosen


@handles("report_progress")
def _report_progress(ctx: Context) -> dict[str, Any]:
    reported_on = ctx.data["reported_on"]
    not_in_future("reported_on", reported_on)
    not_before("reported_on", reported_on, ctx.case.started_on, _("ngày triển khai"))
    checkpoint = _open_checkpoint(ctx)
    report = ProgressReport.objects.create(
        case=ctx.case, checkpoint=checkpoint, reported_on=reported_on, content=ctx.data["content"]
    )
    return {
        "reported_on": reported_on,
        "checkpoint": checkpoint.due_on if checkpoint else None,
        "late": bool(checkpoint and reported_on > checkpoint.due_on),
        "content": report.content,
    }


@handles("record_supervision")
def _record_supervision(ctx: Context) -> dict[str, Any]:
    default = VisitKind.INSPECTION if CaseRole.INSPECTOR in ctx.roles else VisitKind.SUPERVISION
    kind = ctx.data.get("kind") or default
    if kind not in VisitKind.values:
        raise ApplicationError({"kind": _("Chọn «giám sát» hoặc «kiểm tra».")})
    not_in_future("visited_on", ctx.data["visited_on"])
    visit = SupervisionVisit.objects.create(
        case=ctx.case,
        kind=kind,
        visited_on=ctx.data["visited_on"],
        findings=ctx.data["findings"],
        recommendations=ctx.data.get("recommendations") or "",
        by=ctx.person,
    )
    return {
        "kind": kind,
        "visited_on": visit.visited_on,
        "findings": visit.findings,
        "recommendations": visit.recommendations,
        "by": person_label(ctx.person),
    }


@handles("raise_problem")
def _raise_problem(ctx: Context) -> dict[str, Any]:
    not_in_future("raised_on", ctx.data["raised_on"])
    problem = Problem.objects.create(
        case=ctx.case,
        kind=ctx.data["kind"],
        raised_on=ctx.data["raised_on"],
        description=ctx.data["description"],
    )
    return {
        "problem": problem.pk,
        "kind": problem.kind,
        "raised_on": problem.raised_on,
        "description": problem.description,
    }


@handles("give_support")
def _give_support(ctx: Context) -> dict[str, Any]:
    problem: Problem = ctx.data["problem"]
    if problem.case_id != ctx.case.pk:
        raise ApplicationError({"problem": _("Khó khăn này không thuộc đề xuất.")})
    problem.support = ctx.data["support"]
    problem.supported_on = ctx.data.get("supported_on") or today()
    not_in_future("supported_on", problem.supported_on)
    problem.save(update_fields=["support", "supported_on"])
    return {
        "problem": problem.pk,
        "description": problem.description,
        "support": problem.support,
        "supported_on": problem.supported_on,
    }


ADJUSTABLE = {"end_on": "end_on", "scope": "granted_scope", "resources": "resources_granted"}


@handles("adjust")
def _adjust(ctx: Context) -> dict[str, Any]:
    case, changes = ctx.case, {}
    for key, field in ADJUSTABLE.items():
        value = ctx.data.get(key)
        if value not in (None, "") and getattr(case, field) != value:
            changes[key] = [getattr(case, field), value]
            setattr(case, field, value)
    if not changes:
        raise ApplicationError(
            {"end_on": _("Ghi nội dung điều chỉnh: thời gian, phạm vi hoặc nguồn lực.")}
        )
    if case.start_on and case.end_on and case.end_on <= case.start_on:
        raise ApplicationError({"end_on": _("Ngày kết thúc phải sau ngày bắt đầu.")})
    decision = issue_decision(ctx, DecisionKind.ADJUST, reasons=ctx.data["reasons"])
    return decision_payload(decision) | {"changes": changes}


def _control(ctx: Context, kind: str) -> dict[str, Any]:
    decision = issue_decision(ctx, kind, reasons=ctx.data["reasons"])
    return decision_payload(decision)


@handles("suspend")
def _suspend(ctx: Context) -> dict[str, Any]:
    return _control(ctx, DecisionKind.SUSPEND)


@handles("resume")
def _resume(ctx: Context) -> dict[str, Any]:
    return _control(ctx, DecisionKind.RESUME)


@handles("stop")
def _stop(ctx: Context) -> dict[str, Any]:
    payload = _control(ctx, DecisionKind.STOP)
    ctx.case.completed_on = ctx.data["decided_on"]
    return payload


@handles("complete")
def _complete(ctx: Context) -> dict[str, Any]:
    completed_on = ctx.data["completed_on"]
    not_in_future("completed_on", completed_on)
    not_before("completed_on", completed_on, ctx.case.started_on, _("ngày triển khai"))
    ctx.case.completed_on = completed_on
    return {"completed_on": completed_on}
