"""How the dossier reads a ledger event: which section it belongs to, and its payload as lines."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from doimoi.initiatives.events import ATTACHMENT_ADDED, CASE_CREATED, TRANSITION_VERBS
from doimoi.initiatives.models import (
    Answer,
    Choice,
    DecisionKind,
    Finding,
    Outcome,
    ProblemKind,
    ResourceKind,
    RewardForm,
    Stage,
    VisitKind,
)
from doimoi.ledger.models import LedgerEvent

V = TRANSITION_VERBS


def _verbs(*names: str) -> frozenset[str]:
    return frozenset(V[n] for n in names)


SECTIONS: list[tuple[str | Promise, frozenset[str]]] = [
    (_lazy("1. Kế hoạch đề xuất như đã gửi và ngày báo cáo người đứng đầu"),
     _verbs("submit", "return_for_revision", "escalate") | {CASE_CREATED, ATTACHMENT_ADDED}),
    (_lazy("2. Ý kiến của cấp ủy cùng cấp"), _verbs("record_party_opinion")),
    (_lazy("3. Rà soát điều kiện, tính hợp pháp; biểu quyết và quyết định"),
     _verbs("put_to_collective", "answer_checklist", "record_vote", "approve", "approve_pilot",
            "reject")),
    (_lazy("4. Nguồn lực được cấp và đã sử dụng"), _verbs("start", "record_resources")),
    (_lazy("5. Tiến độ, giám sát, kiểm tra và quyết định điều hành"),
     _verbs("report_progress", "record_supervision", "adjust", "suspend", "resume", "stop",
            "complete")),
    (_lazy("6. Khó khăn, rủi ro đã báo cáo và hỗ trợ"), _verbs("raise_problem", "give_support")),
    (_lazy("7. Báo cáo kết quả, đánh giá và nguyên nhân"), _verbs("report_result", "evaluate")),
    (_lazy("8. Kết luận bảo vệ hoặc xử lý"), _verbs("grant_protection", "refer")),
    (_lazy("9. Công nhận, nhân rộng, khen thưởng"),
     _verbs("recognize_model", "record_adoption", "report_adoption", "propose_regulation",
            "propose_reward", "decide_reward")),
]  # fmt: skip

LABELS: dict[str, str | Promise] = {
    "title": _lazy("Tên đề xuất"),
    "necessity": _lazy("Sự cần thiết, mục đích, yêu cầu"),
    "bottleneck": _lazy("Điểm nghẽn, nút thắt"),
    "regulation_status": _lazy("Tình trạng quy định"),
    "content": _lazy("Nội dung"),
    "scope": _lazy("Phạm vi"),
    "timeline": _lazy("Thời gian thực hiện"),
    "resources_requested": _lazy("Nguồn lực đề nghị"),
    "feasibility": _lazy("Tính khả thi"),
    "impacts": _lazy("Tác động tích cực, tiêu cực"),
    "expected_results": _lazy("Dự kiến hiệu quả"),
    "wide_scope": _lazy("Phạm vi rộng, nội dung phức tạp"),
    "co_proposers": _lazy("Người cùng đề xuất"),
    "attachments": _lazy("Tài liệu kèm theo"),
    "plan_sha256": _lazy("Mã băm SHA-256 của kế hoạch"),
    "to_unit": _lazy("Gửi tới đơn vị"),
    "to_head": _lazy("Người đứng đầu nhận"),
    "submitted_on": _lazy("Ngày người đứng đầu nhận"),
    "proposer_is_head": _lazy("Người đề xuất là người đứng đầu (gửi cấp trên)"),
    "comments": _lazy("Ý kiến trả lại"),
    "reasons": _lazy("Lý do"),
    "from_unit": _lazy("Từ đơn vị"),
    "meeting_on": _lazy("Ngày họp"),
    "late": _lazy("Quá thời hạn"),
    "stage": _lazy("Giai đoạn"),
    "body": _lazy("Cấp ủy"),
    "opinion": _lazy("Ý kiến"),
    "given_on": _lazy("Ngày cho ý kiến"),
    "answers": _lazy("Kết quả rà soát"),
    "held_on": _lazy("Ngày họp"),
    "for": _lazy("Tán thành"),
    "against": _lazy("Không tán thành"),
    "tie": _lazy("Số phiếu ngang nhau"),
    "passed": _lazy("Thông qua"),
    "ballots": _lazy("Biểu quyết"),
    "excluded_proposer_deputies": _lazy("Cấp phó là người đề xuất, không biểu quyết"),
    "decision": _lazy("Quyết định"),
    "vote": _lazy("Biểu quyết"),
    "terms": _lazy("Nội dung được phép"),
    "checkpoints": _lazy("Các mốc báo cáo"),
    "started_on": _lazy("Ngày triển khai"),
    "resources": _lazy("Nguồn lực"),
    "kind": _lazy("Loại"),
    "description": _lazy("Nội dung"),
    "amount": _lazy("Kinh phí (đồng)"),
    "on": _lazy("Ngày"),
    "reported_on": _lazy("Ngày báo cáo"),
    "checkpoint": _lazy("Mốc"),
    "visited_on": _lazy("Ngày"),
    "findings": _lazy("Kết quả, phát hiện"),
    "recommendations": _lazy("Kiến nghị"),
    "by": _lazy("Người thực hiện"),
    "raised_on": _lazy("Ngày báo cáo"),
    "support": _lazy("Hỗ trợ, tháo gỡ"),
    "supported_on": _lazy("Ngày hỗ trợ"),
    "changes": _lazy("Điều chỉnh"),
    "completed_on": _lazy("Ngày kết thúc thực hiện"),
    "report": _lazy("Báo cáo kết quả"),
    "evaluated_on": _lazy("Ngày đánh giá"),
    "outcome": _lazy("Kết quả"),
    "damage": _lazy("Gây ra thiệt hại"),
    "damage_amount": _lazy("Giá trị thiệt hại (đồng)"),
    "objective_causes": _lazy("Nguyên nhân khách quan"),
    "subjective_causes": _lazy("Nguyên nhân chủ quan"),
    "finding": _lazy("Kết luận"),
    "good_faith": _lazy("Đúng chủ trương, động cơ trong sáng, vì lợi ích chung"),
    "protection_case": _lazy("Trường hợp"),
    "plan": _lazy("Kế hoạch thực hiện"),
    "found_on": _lazy("Ngày kết luận"),
    "ground": _lazy("Căn cứ"),
    "prohibited_act": _lazy("Việc không được làm"),
    "protection_revoked": _lazy("Hủy bỏ kết luận bảo vệ"),
    "symbol": _lazy("Số, ký hiệu"),
    "decided_on": _lazy("Ngày quyết định"),
    "signer": _lazy("Người ký"),
    "override": _lazy("Người đứng đầu quyết định, chịu trách nhiệm"),
    "unit": _lazy("Đơn vị"),
    "units": _lazy("Đơn vị thực hiện"),
    "start_on": _lazy("Từ ngày"),
    "end_on": _lazy("Đến ngày"),
    "indicators": _lazy("Chỉ tiêu"),
    "stop_conditions": _lazy("Điều kiện dừng"),
    "supervisor": _lazy("Người giám sát"),
    "name": _lazy("Tên"),
    "sha256": _lazy("SHA-256"),
    "size": _lazy("Dung lượng (byte)"),
    "model_name": _lazy("Tên mô hình"),
    "recognized_on": _lazy("Ngày công nhận"),
    "adopted_on": _lazy("Ngày áp dụng"),
    "result": _lazy("Kết quả"),
    "proposed_on": _lazy("Ngày đề xuất"),
    "addressed_to": _lazy("Kiến nghị tới"),
    "person": _lazy("Cán bộ"),
    "form": _lazy("Hình thức"),
    "granted": _lazy("Đồng ý"),
    "item": _lazy("Mã"),
    "text": _lazy("Nội dung"),
    "answer": _lazy("Kết quả"),
    "note": _lazy("Nhận xét"),
    "citation": _lazy("Dẫn chiếu"),
    "document": _lazy("Văn bản trong hệ thống"),
    "choice": _lazy("Biểu quyết"),
    "head": _lazy("Người đứng đầu"),
    "rule_set": _lazy("Chế độ"),
}
# "item" and "ground" are rule-item codes, recorded beside the item's text, which is what is shown
HIDDEN = {
    "id",
    "from",
    "to",
    "numbered_from_register",
    "adoption",
    "reward",
    "problem",
    "changed",
    "item",
    "ground",
}
CODED_KEYS = {"outcome", "finding", "stage", "choice", "kind", "form", "answer", "protection_case"}
PROTECTION_CASES = {
    "completed": _lazy("Hoàn thành"),
    "shortfall": _lazy("Không hoặc chỉ hoàn thành một phần"),
    "damage": _lazy("Gây ra thiệt hại"),
}
ENUMS = (
    Answer,
    Outcome,
    Finding,
    Stage,
    Choice,
    DecisionKind,
    ProblemKind,
    ResourceKind,
    RewardForm,
    VisitKind,
)
CODE_LABELS: dict[str, Any] = {value: label for enum in ENUMS for value, label in enum.choices}
CODE_LABELS |= PROTECTION_CASES


def _value(key: str, value: Any) -> str:
    if isinstance(value, bool):
        return _("có") if value else _("không")
    if value is None or value == "":
        return "—"
    if isinstance(value, str) and key in CODED_KEYS and value in CODE_LABELS:
        return str(CODE_LABELS[value])
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return datetime.date.fromisoformat(value).strftime("%d/%m/%Y")
        except ValueError:
            return value
    return str(value)


def _lines(payload: dict[str, Any], depth: int = 0) -> list[str]:
    lines = []
    pad = "    " * depth
    for key, value in payload.items():
        if key in HIDDEN:
            continue
        label = LABELS.get(key, key)
        if isinstance(value, dict):
            lines += [f"{pad}{label}:", *_lines(value, depth + 1)]
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            lines.append(f"{pad}{label}:")
            for entry in value:
                lines += _lines(entry, depth + 1)
        elif isinstance(value, list):
            lines.append(f"{pad}{label}: {', '.join(_value(key, v) for v in value) or '—'}")
        else:
            lines.append(f"{pad}{label}: {_value(key, value)}")
    return lines


def event_lines(event: LedgerEvent) -> list[str]:
    """The event's payload as readable lines (what was recorded, as recorded)."""
    payload = event.payload if isinstance(event.payload, dict) else {}
    return _lines(payload)
