"""The checks named in the transition table's ``guards`` column; each refuses with what is missing."""

from __future__ import annotations

from collections.abc import Callable

from django.utils.translation import gettext as _

from doimoi.core.errors import ApplicationError
from doimoi.initiatives.models import (
    PLAN_FIELDS,
    Answer,
    Case,
    Finding,
    ItemKind,
    Outcome,
    RuleItem,
    Stage,
    VoteRound,
)
from doimoi.initiatives.services.common import Context, heads_of
from doimoi.organizations.models import Membership, Role, Unit

Guard = Callable[[Context], None]
GUARDS: dict[str, Guard] = {}
CHECKLIST_KINDS = (ItemKind.CONDITION, ItemKind.LEGALITY)


# Fields some guards read from the transition's form: a refusal that names only these is
# answered by filling the form, so the move is still offered.
FORM_INPUT = frozenset({"override_statement", "finding", "good_faith"})


def guard(func: Guard) -> Guard:
    GUARDS[func.__name__] = func
    return func


def guards_pass(ctx: Context, names: tuple[str, ...]) -> bool:
    """Whether the named guards would let the move through (they read, never write); refusals
    on what the form itself asks for do not count."""
    for name in names:
        try:
            GUARDS[name](ctx)
        except ApplicationError as refusal:
            if not set(refusal.message_dict) <= FORM_INPUT:
                return False
    return True


def proposer_is_head(case: Case) -> bool:
    """Whether the proposer heads the unit the proposal comes from (ND 73 art. 7.4)."""
    return (
        Membership.objects.active()
        .filter(person=case.proposer, unit=case.unit, role=Role.HEAD)
        .exists()
    )


def decider_for(case: Case) -> Unit | None:
    """The unit whose head receives the plan: the proposer's, or the one above if they head it."""
    if proposer_is_head(case):
        return Unit.objects.get_parent(case.unit)
    return case.unit


@guard
def plan_complete(ctx: Context) -> None:
    missing = {
        name: _("Cần điền «%(label)s» trước khi gửi.")
        % {"label": getattr(Case._meta.get_field(name), "verbose_name", name)}
        for name in PLAN_FIELDS
        if not getattr(ctx.case, name)
    }
    if missing:
        raise ApplicationError(missing)


@guard
def regime_covers_proposer(ctx: Context) -> None:
    covered = ctx.case.rule_set.covered_roles
    if not covered:
        return
    roles = Membership.objects.active().filter(person=ctx.case.proposer, unit=ctx.case.unit)
    if not roles.filter(role__in=covered).exists():
        raise ApplicationError(
            {
                "rule_set": _(
                    "%(rules)s chỉ áp dụng cho cán bộ lãnh đạo, quản lý; vai trò của người đề xuất "
                    "tại %(unit)s không thuộc diện này. Hãy chọn chế độ khác cho đề xuất."
                )
                % {"rules": ctx.case.rule_set.name, "unit": ctx.case.unit.name}
            }
        )


def _require_head(unit: Unit | None, key: str) -> None:
    if unit is None:
        raise ApplicationError({key: _("Không có đơn vị cấp trên để gửi đề xuất.")})
    if not heads_of(unit):
        raise ApplicationError(
            {
                key: _(
                    "%(unit)s chưa có người đứng đầu được ghi nhận; đề nghị quản trị đơn vị bổ sung."
                )
                % {"unit": unit.name}
            }
        )


@guard
def decider_has_head(ctx: Context) -> None:
    _require_head(decider_for(ctx.case), "decider")


@guard
def has_parent_with_head(ctx: Context) -> None:
    decider = ctx.case.decider or ctx.case.unit
    _require_head(Unit.objects.get_parent(decider), "reasons")


def _has_opinion(case: Case, stage: str) -> bool:
    return case.party_opinions.filter(stage=stage, unit=case.decider).exists()


@guard
def approval_opinion(ctx: Context) -> None:
    if not _has_opinion(ctx.case, Stage.APPROVAL):
        raise ApplicationError(
            {
                "party_opinion": _(
                    "Chưa có ý kiến của cấp ủy cùng cấp: phải xin ý kiến trước khi phê duyệt "
                    "(Điều 4 khoản 3)."
                )
            }
        )


@guard
def evaluation_opinion(ctx: Context) -> None:
    if not _has_opinion(ctx.case, Stage.EVALUATION):
        raise ApplicationError(
            {
                "party_opinion": _(
                    "Chưa có ý kiến của cấp ủy cùng cấp: phải xin ý kiến trước khi đánh giá kết quả "
                    "(Điều 4 khoản 3)."
                )
            }
        )


def checklist_items(case: Case) -> list[RuleItem]:
    return list(case.rule_set.items.filter(kind__in=CHECKLIST_KINDS).order_by("kind", "order"))


@guard
def checklist_complete(ctx: Context) -> None:
    answered = set(
        ctx.case.checklist.filter(unit=ctx.case.decider).values_list("item_id", flat=True)
    )
    missing = [item.short_label for item in checklist_items(ctx.case) if item.pk not in answered]
    if missing:
        raise ApplicationError(
            {
                "checklist": _("Chưa rà soát các nội dung: %(items)s.")
                % {"items": "; ".join(missing)}
            }
        )


@guard
def within_authority(ctx: Context) -> None:
    failed = ctx.case.checklist.filter(unit=ctx.case.decider, answer=Answer.NO)
    failed = failed.select_related("item").order_by("item__order")
    if any(a.item.code == "authority" for a in failed):
        raise ApplicationError(
            {
                "checklist": _(
                    "Đề xuất không thuộc thẩm quyền của %(unit)s: chuyển cấp trên xem xét."
                )
                % {"unit": ctx.case.decider}
            }
        )
    if failed:
        raise ApplicationError(
            {
                "checklist": _("Không phê duyệt được khi chưa đạt: %(items)s.")
                % {"items": "; ".join(a.item.label for a in failed)}
            }
        )


def latest_vote(case: Case) -> VoteRound | None:
    """The last vote of the current deciding unit's collective."""
    return case.votes.filter(unit=case.decider).order_by("-held_on", "-pk").first()


@guard
def vote_passed_or_override(ctx: Context) -> None:
    vote = latest_vote(ctx.case)
    if vote is None:
        raise ApplicationError({"vote": _("Tập thể lãnh đạo chưa biểu quyết.")})
    if not vote.passed and not (ctx.data.get("override_statement") or "").strip():
        raise ApplicationError(
            {
                "override_statement": _(
                    "Tập thể không thông qua (%(yes)s/%(cast)s tán thành). Người đứng đầu chỉ được "
                    "quyết định khi ghi rõ bằng văn bản rằng mình chịu trách nhiệm (Điều 8 khoản 1)."
                )
                % {"yes": vote.votes_for, "cast": vote.votes_for + vote.votes_against}
            }
        )


@guard
def vote_not_passed(ctx: Context) -> None:
    vote = latest_vote(ctx.case)
    if vote is None:
        raise ApplicationError({"vote": _("Tập thể lãnh đạo chưa biểu quyết.")})
    if vote.passed:
        raise ApplicationError(
            {"vote": _("Tập thể đã biểu quyết thông qua; quyết định phải theo kết quả biểu quyết.")}
        )


@guard
def suspension_allowed(ctx: Context) -> None:
    if not ctx.case.rule_set.allows_suspension:
        raise ApplicationError(
            {"state": _("Bộ quy tắc của đề xuất không cho phép tạm dừng, dừng bằng quyết định.")}
        )


def protection_case(case: Case) -> str:
    """Which art. 11 case the evaluation falls in: completed, shortfall or damage."""
    if case.outcome == Outcome.COMPLETED:
        return "completed"
    return "damage" if case.damage else "shortfall"


def allowed_findings(case: Case) -> list[str]:
    """The findings the rule set allows for this evaluation (empty if the rule set has none)."""
    item = case.rule_set.items.filter(kind=ItemKind.PROTECTION, code=protection_case(case)).first()
    if item is None:
        return []
    return [option.strip() for option in item.options.split(",") if option.strip()]


@guard
def protection_allowed(ctx: Context) -> None:
    allowed = allowed_findings(ctx.case)
    if ctx.data.get("finding") not in allowed:
        labels = ", ".join(str(Finding(f).label) for f in allowed if f in Finding.values)
        raise ApplicationError(
            {
                "finding": _("Với kết quả đã đánh giá, bộ quy tắc chỉ cho phép: %(allowed)s.")
                % {"allowed": labels or "—"}
            }
        )
    if protection_case(ctx.case) != "completed" and not ctx.data.get("good_faith"):
        raise ApplicationError(
            {
                "good_faith": _(
                    "Chỉ bảo vệ khi xác định cán bộ thực hiện đúng chủ trương, có động cơ trong sáng, "
                    "vì lợi ích chung; nếu không, dùng «Kết luận vi phạm, chuyển xử lý»."
                )
            }
        )


@guard
def outcome_completed(ctx: Context) -> None:
    if ctx.case.outcome != Outcome.COMPLETED:
        raise ApplicationError(
            {
                "outcome": _(
                    "Chỉ đề xuất được đánh giá «hoàn thành» mới được công nhận, khen thưởng."
                )
            }
        )
