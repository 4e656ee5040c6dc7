"""The workflow of an innovation proposal: its states and who may move it where, with what.

One table for every regime (Decree 73 and the party rule of Conclusion 14-KL/TW follow the same
steps; they differ in rule-set data: time limits, conditions, protection). A transition with
``target=None`` keeps the state and adds a record (a vote, a progress report, a visit).
``required`` names the fields the caller must give; ``guards`` name the checks the service makes
first (see ``services/guards.py``), each refusing with a message that says what is missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class CaseState(models.TextChoices):
    """Where a proposal stands."""

    DRAFT = "draft", _("Dự thảo")
    SUBMITTED = "submitted", _("Đã gửi, chờ người đứng đầu xem xét")
    RETURNED = "returned", _("Trả lại để hoàn thiện")
    UNDER_REVIEW = "under_review", _("Tập thể lãnh đạo đang xem xét")
    APPROVED = "approved", _("Được phê duyệt thực hiện")
    PILOT_APPROVED = "pilot_approved", _("Được phê duyệt thí điểm")
    REJECTED = "rejected", _("Không được phê duyệt")
    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    SUSPENDED = "suspended", _("Tạm dừng")
    STOPPED = "stopped", _("Dừng thực hiện")
    COMPLETED = "completed", _("Đã kết thúc, chờ báo cáo kết quả")
    REPORTED = "reported", _("Đã báo cáo kết quả, chờ đánh giá")
    EVALUATED = "evaluated", _("Đã đánh giá, chờ kết luận bảo vệ")
    PROTECTED = "protected", _("Đã kết luận bảo vệ")
    REFERRED = "referred", _("Chuyển xem xét, xử lý")
    RECOGNIZED = "recognized", _("Được công nhận là mô hình")


class CaseRole(StrEnum):
    """What a user is to one case (computed in ``rules.case_roles``)."""

    PROPOSER = "proposer"  # the proposer or a co-proposer
    HEAD = "head"  # head of the unit that decides (the proposer's, or the one above: art. 7.4)
    DEPUTY = "deputy"  # deputy of the deciding unit
    CLERK = "clerk"  # clerk of the deciding unit (records opinions and votes for the chair)
    SUPERVISOR = "supervisor"  # named in the decision to supervise the implementation
    INSPECTOR = "inspector"  # inspection commission covering the unit
    OBSERVER = "observer"  # may see the case, has nothing to do in it


ROLE_LABELS: dict[CaseRole, str | Promise] = {
    CaseRole.PROPOSER: _("người đề xuất"),
    CaseRole.HEAD: _("người đứng đầu đơn vị xem xét"),
    CaseRole.DEPUTY: _("cấp phó đơn vị xem xét"),
    CaseRole.CLERK: _("văn thư đơn vị xem xét"),
    CaseRole.SUPERVISOR: _("người giám sát"),
    CaseRole.INSPECTOR: _("cán bộ kiểm tra"),
    CaseRole.OBSERVER: _("người theo dõi"),
}


@dataclass(frozen=True)
class Transition:
    """One move of the workflow."""

    name: str
    label: str | Promise
    sources: frozenset[CaseState]
    target: CaseState | None
    roles: frozenset[CaseRole]
    required: tuple[str, ...] = ()
    guards: tuple[str, ...] = ()


S = CaseState
P, H, D, C = CaseRole.PROPOSER, CaseRole.HEAD, CaseRole.DEPUTY, CaseRole.CLERK
SUP, INS = CaseRole.SUPERVISOR, CaseRole.INSPECTOR
DECISION = ("decided_on", "content")
RUNNING = {S.IN_PROGRESS, S.SUSPENDED}
AFTER_START = {S.IN_PROGRESS, S.SUSPENDED, S.STOPPED, S.COMPLETED, S.REPORTED, S.EVALUATED}


def _t(name: str, label: str | Promise, sources: set[S], target: S | None, roles: set[CaseRole],
       required: tuple[str, ...] = (), guards: tuple[str, ...] = ()) -> Transition:  # fmt: skip
    return Transition(name, label, frozenset(sources), target, frozenset(roles), required, guards)


# fmt: off
TABLE: list[Transition] = [
    # --- the proposal (ND 73 art. 7) -----------------------------------------------------------
    _t("save_draft", _("Lưu dự thảo"), {S.DRAFT, S.RETURNED}, None, {P}),
    _t("submit", _("Gửi người đứng đầu"), {S.DRAFT, S.RETURNED}, S.SUBMITTED, {P},
       guards=("plan_complete", "regime_covers_proposer", "decider_has_head")),
    # --- review and decision (art. 4.3, 5.1, 8.1) -----------------------------------------------
    _t("return_for_revision", _("Trả lại để hoàn thiện"), {S.SUBMITTED, S.UNDER_REVIEW}, S.RETURNED,
       {H}, ("comments",)),
    _t("put_to_collective", _("Đưa ra tập thể lãnh đạo"), {S.SUBMITTED}, S.UNDER_REVIEW, {H},
       ("meeting_on",)),
    _t("escalate", _("Chuyển cấp trên (ngoài thẩm quyền)"), {S.SUBMITTED, S.UNDER_REVIEW},
       S.SUBMITTED, {H}, ("reasons",), ("has_parent_with_head",)),
    _t("record_party_opinion", _("Ghi ý kiến cấp ủy cùng cấp"), {S.UNDER_REVIEW, S.REPORTED}, None,
       {H, C}, ("body", "opinion", "given_on")),
    _t("answer_checklist", _("Rà soát điều kiện, tính hợp pháp"), {S.UNDER_REVIEW}, None, {H, D}),
    _t("record_vote", _("Ghi kết quả biểu quyết"), {S.UNDER_REVIEW}, None, {H, C}, ("held_on",)),
    _t("approve", _("Quyết định cho thực hiện"), {S.UNDER_REVIEW}, S.APPROVED, {H}, DECISION,
       ("approval_opinion", "checklist_complete", "within_authority", "vote_passed_or_override")),
    _t("approve_pilot", _("Quyết định cho thí điểm"), {S.UNDER_REVIEW}, S.PILOT_APPROVED, {H},
       (*DECISION, "scope", "start_on", "end_on", "resources", "indicators", "checkpoints",
        "stop_conditions", "supervisor"),
       ("approval_opinion", "checklist_complete", "within_authority", "vote_passed_or_override")),
    _t("reject", _("Quyết định không phê duyệt"), {S.UNDER_REVIEW}, S.REJECTED, {H},
       ("decided_on", "reasons"), ("vote_not_passed",)),
    # --- implementation and supervision (KL 14 point 2.4) ---------------------------------------
    _t("start", _("Bố trí nguồn lực, triển khai"), {S.APPROVED, S.PILOT_APPROVED}, S.IN_PROGRESS, {H},
       ("started_on",)),
    _t("record_resources", _("Ghi nguồn lực cấp, sử dụng"), RUNNING, None, {P, H},
       ("kind", "description", "on")),
    _t("report_progress", _("Báo cáo tiến độ"), {S.IN_PROGRESS}, None, {P},
       ("reported_on", "content")),
    _t("record_supervision", _("Ghi kết quả giám sát, kiểm tra"), RUNNING, None, {SUP, INS, H},
       ("visited_on", "findings")),
    _t("raise_problem", _("Báo cáo khó khăn, rủi ro"), RUNNING, None, {P, SUP},
       ("kind", "raised_on", "description")),
    _t("give_support", _("Ghi hỗ trợ, tháo gỡ"), RUNNING, None, {H}, ("problem", "support")),
    _t("adjust", _("Quyết định điều chỉnh"), RUNNING, None, {H}, ("decided_on", "reasons")),
    _t("suspend", _("Quyết định tạm dừng"), {S.IN_PROGRESS}, S.SUSPENDED, {H},
       ("decided_on", "reasons"), ("suspension_allowed",)),
    _t("resume", _("Quyết định tiếp tục"), {S.SUSPENDED}, S.IN_PROGRESS, {H},
       ("decided_on", "reasons"), ("suspension_allowed",)),
    _t("stop", _("Quyết định dừng"), RUNNING, S.STOPPED, {H}, ("decided_on", "reasons"),
       ("suspension_allowed",)),
    _t("complete", _("Kết thúc thực hiện"), {S.IN_PROGRESS}, S.COMPLETED, {P, H}, ("completed_on",)),
    # --- evaluation, causes, protection or handling (art. 10, 11, 6) ----------------------------
    _t("report_result", _("Báo cáo kết quả bằng văn bản"), {S.COMPLETED, S.STOPPED}, S.REPORTED, {P},
       ("reported_on", "report")),
    _t("evaluate", _("Đánh giá kết quả"), {S.REPORTED}, S.EVALUATED, {H},
       ("evaluated_on", "outcome", "objective_causes", "subjective_causes"),
       ("evaluation_opinion",)),
    _t("grant_protection", _("Kết luận bảo vệ cán bộ"), {S.EVALUATED}, S.PROTECTED, {H},
       ("decided_on", "finding", "reasons"), ("protection_allowed",)),
    _t("refer", _("Kết luận vi phạm, chuyển xử lý"), {*AFTER_START, S.PROTECTED, S.RECOGNIZED},
       S.REFERRED, {H, INS}, ("found_on", "ground", "description")),
    # --- after success (KL 14 point 2.5, art. 10) -----------------------------------------------
    _t("recognize_model", _("Công nhận mô hình"), {S.PROTECTED}, S.RECOGNIZED, {H},
       ("recognized_on", "model_name"), ("outcome_completed",)),
    _t("record_adoption", _("Ghi đơn vị áp dụng mô hình"), {S.RECOGNIZED}, None, {H},
       ("unit", "adopted_on")),
    _t("report_adoption", _("Ghi kết quả áp dụng"), {S.RECOGNIZED}, None, {H},
       ("adoption", "outcome", "result")),
    _t("propose_regulation", _("Đề xuất thể chế hóa"), {S.RECOGNIZED}, None, {H},
       ("proposed_on", "content")),
    _t("propose_reward", _("Đề nghị khen thưởng, khuyến khích"), {S.PROTECTED, S.RECOGNIZED}, None,
       {H}, ("person", "form", "reasons"), ("outcome_completed",)),
    _t("decide_reward", _("Quyết định khen thưởng, khuyến khích"), {S.PROTECTED, S.RECOGNIZED}, None,
       {H}, ("reward", "granted", "decided_on")),
]
# fmt: on

TRANSITIONS: dict[str, Transition] = {t.name: t for t in TABLE}
FINAL_STATES = frozenset({S.REJECTED, S.REFERRED})


def get(name: str) -> Transition | None:
    """The transition called ``name``, if any."""
    return TRANSITIONS.get(name)


def allowed(state: str, name: str, roles: set[CaseRole] | frozenset[CaseRole]) -> bool:
    """Whether a user with ``roles`` may make transition ``name`` from ``state``."""
    transition = TRANSITIONS.get(name)
    return transition is not None and state in transition.sources and bool(transition.roles & roles)


def available(state: str, roles: set[CaseRole] | frozenset[CaseRole]) -> list[Transition]:
    """The transitions a user with ``roles`` may make from ``state``, in table order."""
    return [t for t in TABLE if state in t.sources and t.roles & roles]


# The label of each field named in ``required``: the refusal names the field the way the form does.
FIELD_LABELS: dict[str, str | Promise] = {
    "adopted_on": _("Ngày áp dụng"),
    "adoption": _("Đơn vị áp dụng"),
    "body": _("Cấp ủy cho ý kiến"),
    "checkpoints": _("Các mốc báo cáo tiến độ"),
    "comments": _("Ý kiến trả lại"),
    "completed_on": _("Ngày kết thúc thực hiện"),
    "content": _("Nội dung"),
    "decided_on": _("Ngày quyết định"),
    "description": _("Nội dung"),
    "end_on": _("Thực hiện đến ngày"),
    "evaluated_on": _("Ngày đánh giá"),
    "finding": _("Kết luận"),
    "findings": _("Kết quả, phát hiện"),
    "form": _("Hình thức"),
    "found_on": _("Ngày kết luận"),
    "given_on": _("Ngày cho ý kiến"),
    "granted": _("Quyết định"),
    "ground": _("Căn cứ kết luận"),
    "held_on": _("Ngày họp"),
    "indicators": _("Chỉ tiêu đánh giá"),
    "kind": _("Loại"),
    "meeting_on": _("Ngày họp tập thể lãnh đạo"),
    "model_name": _("Tên mô hình"),
    "objective_causes": _("Nguyên nhân khách quan"),
    "on": _("Ngày"),
    "opinion": _("Ý kiến"),
    "outcome": _("Kết quả"),
    "person": _("Cán bộ được đề nghị"),
    "problem": _("Khó khăn, rủi ro được hỗ trợ"),
    "proposed_on": _("Ngày đề xuất"),
    "raised_on": _("Ngày báo cáo"),
    "reasons": _("Lý do"),
    "recognized_on": _("Ngày công nhận"),
    "report": _("Báo cáo kết quả"),
    "reported_on": _("Ngày báo cáo"),
    "resources": _("Nguồn lực được cấp"),
    "result": _("Kết quả áp dụng"),
    "reward": _("Đề nghị khen thưởng"),
    "scope": _("Phạm vi thí điểm"),
    "start_on": _("Thực hiện từ ngày"),
    "started_on": _("Ngày triển khai"),
    "stop_conditions": _("Điều kiện dừng"),
    "subjective_causes": _("Nguyên nhân chủ quan"),
    "supervisor": _("Người giám sát"),
    "support": _("Nội dung hỗ trợ, tháo gỡ"),
    "unit": _("Đơn vị áp dụng"),
    "visited_on": _("Ngày giám sát, kiểm tra"),
}
