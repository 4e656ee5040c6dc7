"""Review and decision (ND 73 art. 4.3, 5.1, 8.1): the head's first step, the party committee's
opinion, the reviewer's checklist, the collective's vote and the written decision."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from doimoi.core.errors import ApplicationError
from doimoi.core.text import fold
from doimoi.documents.models import Document
from doimoi.documents.selectors import document_search
from doimoi.initiatives.deadlines import is_late
from doimoi.initiatives.models import (
    Answer,
    Ballot,
    Case,
    ChecklistAnswer,
    Checkpoint,
    Choice,
    DecisionKind,
    LimitKey,
    PartyOpinion,
    Stage,
    VoteRound,
)
from doimoi.initiatives.services.collective import collective_roles
from doimoi.initiatives.services.common import (
    Context,
    clean_text,
    deciding_unit,
    dmy,
    handles,
    not_before,
    not_in_future,
    today,
)
from doimoi.initiatives.services.decisions import decision_payload, issue_decision
from doimoi.initiatives.services.guards import checklist_items, latest_vote
from doimoi.initiatives.states import CaseState
from doimoi.organizations.models import Membership, Person, Role, Unit


@handles("return_for_revision")
def _return(ctx: Context) -> dict[str, Any]:
    ctx.case.return_comments = ctx.data["comments"]
    return {"comments": ctx.data["comments"]}


@handles("put_to_collective")
def _put_to_collective(ctx: Context) -> dict[str, Any]:
    meeting_on: datetime.date = ctx.data["meeting_on"]
    not_before("meeting_on", meeting_on, ctx.case.submitted_on, _("ngày nhận kế hoạch"))
    key = LimitKey.WIDE_SCOPE_REVIEW if ctx.case.wide_scope else LimitKey.REVIEW
    late = is_late(ctx.case, key, ctx.case.submitted_on, meeting_on)
    return {"meeting_on": meeting_on, "late": late}


@handles("escalate")
def _escalate(ctx: Context) -> dict[str, Any]:
    case = ctx.case
    below = case.decider or case.unit
    case.decider = Unit.objects.get_parent(below)
    case.submitted_on = today()
    return {
        "from_unit": below.name,
        "to_unit": case.decider.name if case.decider else "",
        "reasons": ctx.data["reasons"],
        "submitted_on": dmy(case.submitted_on),
    }


@handles("record_party_opinion")
def _party_opinion(ctx: Context) -> dict[str, Any]:
    stage = Stage.APPROVAL if ctx.case.state == CaseState.UNDER_REVIEW else Stage.EVALUATION
    not_in_future("given_on", ctx.data["given_on"])
    opinion = PartyOpinion.objects.create(
        case=ctx.case,
        unit=deciding_unit(ctx.case),
        stage=stage,
        body=ctx.data["body"],
        opinion=ctx.data["opinion"],
        given_on=ctx.data["given_on"],
    )
    return {
        "stage": stage,
        "body": opinion.body,
        "opinion": opinion.opinion,
        "given_on": opinion.given_on,
    }


def _answer_errors(item_id: int, given: dict[str, Any] | None) -> dict[str, str]:
    if not given or given.get("answer") not in Answer.values:
        return {f"item_{item_id}_answer": _("Chọn «Đạt» hoặc «Không đạt».")}
    if not clean_text(given.get("note") or ""):
        return {f"item_{item_id}_note": _("Ghi nhận xét cho nội dung này.")}
    return {}


@handles("answer_checklist")
def _answer_checklist(ctx: Context) -> dict[str, Any]:
    answers: dict[int, dict[str, Any]] = ctx.data.get("answers") or {}
    items = checklist_items(ctx.case)
    errors: dict[str, str] = {}
    for item in items:
        errors |= _answer_errors(item.pk, answers.get(item.pk))
    if errors:
        raise ApplicationError(errors)
    recorded = []
    for item in items:
        given = answers[item.pk]
        citation = clean_text(given.get("citation") or "")
        document = cited_document(ctx.actor, citation)
        values = {
            "answer": given["answer"],
            "note": clean_text(given["note"]),
            "citation": citation,
            "document": document,
        }
        ChecklistAnswer.objects.update_or_create(
            case=ctx.case, unit=deciding_unit(ctx.case), item=item, defaults=values
        )
        recorded.append(
            {"item": item.code, "text": item.text}
            | values
            | {"document": document.reference if document else ""}
        )
    return {"answers": recorded}


_REFERENCE = re.compile(r"\d{1,5}\s*[-/]\s*[^\s,;()]+")


def cited_document(actor: Any, citation: str) -> Document | None:
    """The document of the documents app whose number and symbol the citation names, if the actor
    may see it ("theo Kế hoạch 64-KH/ThU" → that plan); None when there is none or no reference."""
    found = _REFERENCE.search(citation or "")
    if found is None:
        return None
    reference = found.group(0)
    hits = document_search(viewer=actor, query=reference, limit=1).hits
    if hits and _key(hits[0].document.reference) == _key(reference):
        return hits[0].document
    return None


def _key(reference: str) -> str:
    return fold(re.sub(r"\s+", "", reference))


def _proposer_ids(case: Case) -> set[int]:
    return {case.proposer_id, *case.co_proposers.values_list("pk", flat=True)}


def _collective(case: Case) -> Any:
    unit = case.decider
    if unit is None:
        return Membership.objects.none()
    rows = Membership.objects.active().filter(unit=unit, role__in=collective_roles(unit))
    return rows.select_related("person")


def voters(case: Case) -> list[tuple[Person, bool]]:
    """The collective (head and deputies of the deciding unit, and its standing-committee members
    where its rules say so), without proposers (art. 8.1).

    Each voter comes with whether they are the head, head first.
    """
    proposers = _proposer_ids(case)
    seen: dict[int, tuple[Person, bool]] = {}
    for m in _collective(case):
        if m.person_id in proposers:
            continue
        was_head = m.person_id in seen and seen[m.person_id][1]
        seen[m.person_id] = (m.person, was_head or m.role == Role.HEAD)
    return sorted(seen.values(), key=lambda pair: (not pair[1], pair[0].full_name))


@dataclass(frozen=True)
class Tally:
    """The count of a vote: more than half of the votes cast in favour; a tie follows the head."""

    votes_for: int
    votes_against: int
    tie: bool
    passed: bool


def tally(choices: dict[int, str], heads: set[int]) -> Tally:
    """Count ``choices`` (person id → for/against/absent); ``heads`` are the head's person ids."""
    votes_for = sum(1 for c in choices.values() if c == Choice.FOR)
    votes_against = sum(1 for c in choices.values() if c == Choice.AGAINST)
    tie = votes_for == votes_against
    if tie:
        passed = votes_for > 0 and any(choices.get(h) == Choice.FOR for h in heads)
    else:
        passed = votes_for * 2 > votes_for + votes_against
    return Tally(votes_for, votes_against, tie, passed)


def _check_ballots(eligible: dict[int, tuple[Person, bool]], choices: dict[int, str]) -> None:
    errors = {
        f"voter_{pk}": _("Ghi biểu quyết của %(name)s.") % {"name": person.full_name}
        for pk, (person, _head) in eligible.items()
        if choices.get(pk) not in Choice.values
    }
    if set(choices) - set(eligible):
        errors["ballots"] = _(
            "Chỉ thành viên tập thể lãnh đạo (không phải người đề xuất) biểu quyết."
        )
    if not errors and all(c == Choice.ABSENT for c in choices.values()):
        errors["ballots"] = _("Chưa có ý kiến biểu quyết nào.")
    if errors:
        raise ApplicationError(errors)


@handles("record_vote")
def _record_vote(ctx: Context) -> dict[str, Any]:
    case, held_on = ctx.case, ctx.data["held_on"]
    not_in_future("held_on", held_on)
    eligible = {p.pk: (p, is_head) for p, is_head in voters(case)}
    choices = {int(k): v for k, v in (ctx.data.get("ballots") or {}).items()}
    _check_ballots(eligible, choices)
    result = tally(choices, {pk for pk, (_p, head) in eligible.items() if head})
    vote = VoteRound.objects.create(
        case=case,
        unit=deciding_unit(case),
        held_on=held_on,
        votes_for=result.votes_for,
        votes_against=result.votes_against,
        tie=result.tie,
        passed=result.passed,
    )
    Ballot.objects.bulk_create(
        Ballot(round=vote, person=eligible[pk][0], is_head=eligible[pk][1], choice=choice)
        for pk, choice in choices.items()
    )
    return _vote_payload(case, vote, eligible, choices)


def _vote_payload(
    case: Case, vote: VoteRound, eligible: dict[int, tuple[Person, bool]], choices: dict[int, str]
) -> dict[str, Any]:
    excluded = _collective(case).filter(person_id__in=_proposer_ids(case))
    return {
        "held_on": vote.held_on,
        "for": vote.votes_for,
        "against": vote.votes_against,
        "tie": vote.tie,
        "passed": vote.passed,
        "ballots": [
            {"name": eligible[pk][0].full_name, "head": eligible[pk][1], "choice": choice}
            for pk, choice in choices.items()
        ],
        "excluded_proposer_deputies": [m.person.full_name for m in excluded],
    }


def _vote_summary(case: Case) -> dict[str, Any]:
    vote = latest_vote(case)
    if vote is None:
        return {}
    return {"vote": {"for": vote.votes_for, "against": vote.votes_against, "passed": vote.passed}}


def _decide(ctx: Context, kind: str) -> dict[str, Any]:
    decided = ctx.data["decided_on"]
    not_before("decided_on", decided, ctx.case.submitted_on, _("ngày nhận kế hoạch"))
    override = clean_text(ctx.data.get("override_statement") or "")
    vote = latest_vote(ctx.case)
    is_override = kind != DecisionKind.REJECT and vote is not None and not vote.passed
    decision = issue_decision(
        ctx,
        kind,
        content=ctx.data.get("content") or "",
        reasons=override if is_override else (ctx.data.get("reasons") or ""),
        override=is_override,
    )
    ctx.case.decided_on = decision.decided_on
    return decision_payload(decision) | _vote_summary(ctx.case)


def _grant(ctx: Context) -> dict[str, Any]:
    """Copy what the decision grants onto the case (terms of an approval or a pilot)."""
    case, data = ctx.case, ctx.data
    case.granted_scope = data.get("scope") or ""
    case.resources_granted = data.get("resources") or ""
    case.indicators = data.get("indicators") or ""
    case.stop_conditions = data.get("stop_conditions") or ""
    case.start_on, case.end_on = data.get("start_on"), data.get("end_on")
    case.supervisor = data.get("supervisor")
    if case.start_on and case.end_on and case.end_on <= case.start_on:
        raise ApplicationError({"end_on": _("Ngày kết thúc phải sau ngày bắt đầu.")})
    units = list(data.get("pilot_units") or [])
    case.pilot_units.set(units or [case.unit])
    return {
        "scope": case.granted_scope,
        "resources": case.resources_granted,
        "indicators": case.indicators,
        "stop_conditions": case.stop_conditions,
        "start_on": case.start_on,
        "end_on": case.end_on,
        "supervisor": case.supervisor.full_name if case.supervisor else "",
        "units": [u.name for u in units or [case.unit]],
    }


def _set_checkpoints(case: Case, days: list[datetime.date]) -> list[datetime.date]:
    if case.start_on and case.end_on:
        outside = [d for d in days if not case.start_on <= d <= case.end_on]
        if outside:
            raise ApplicationError(
                {
                    "checkpoints": _("Mốc %(date)s nằm ngoài thời gian thí điểm.")
                    % {"date": dmy(outside[0])}
                }
            )
    case.checkpoints.all().delete()
    Checkpoint.objects.bulk_create(Checkpoint(case=case, due_on=d) for d in sorted(set(days)))
    return sorted(set(days))


@handles("approve")
def _approve(ctx: Context) -> dict[str, Any]:
    terms = _grant(ctx)
    checkpoints = _set_checkpoints(ctx.case, list(ctx.data.get("checkpoints") or []))
    return _decide(ctx, DecisionKind.APPROVE) | {"terms": terms, "checkpoints": checkpoints}


@handles("approve_pilot")
def _approve_pilot(ctx: Context) -> dict[str, Any]:
    ctx.case.is_pilot = True
    terms = _grant(ctx)
    checkpoints = _set_checkpoints(ctx.case, list(ctx.data["checkpoints"]))
    return _decide(ctx, DecisionKind.PILOT) | {"terms": terms, "checkpoints": checkpoints}


@handles("reject")
def _reject(ctx: Context) -> dict[str, Any]:
    return _decide(ctx, DecisionKind.REJECT)
