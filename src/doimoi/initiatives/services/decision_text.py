"""The words of a decision, in the party (HD 36) or state (ND 30) layout, for the documents app."""

from __future__ import annotations

import datetime

from doimoi.initiatives.models import Case, DecisionKind
from doimoi.organizations.models import Unit, UnitKind

SUBJECTS = {
    DecisionKind.APPROVE: "về việc cho thực hiện đề xuất đổi mới, sáng tạo",
    DecisionKind.PILOT: "về việc cho thực hiện thí điểm đề xuất đổi mới, sáng tạo",
    DecisionKind.REJECT: "về việc không phê duyệt đề xuất đổi mới, sáng tạo",
    DecisionKind.ADJUST: "về việc điều chỉnh việc thực hiện đề xuất đổi mới, sáng tạo",
    DecisionKind.SUSPEND: "về việc tạm dừng thực hiện đề xuất đổi mới, sáng tạo",
    DecisionKind.RESUME: "về việc tiếp tục thực hiện đề xuất đổi mới, sáng tạo",
    DecisionKind.STOP: "về việc dừng thực hiện đề xuất đổi mới, sáng tạo",
    DecisionKind.PROTECTION: "về việc kết luận bảo vệ cán bộ thực hiện đề xuất đổi mới, sáng tạo",
    DecisionKind.REWARD: "về việc khen thưởng, khuyến khích cán bộ có đề xuất đổi mới, sáng tạo",
}


def place_of(unit: Unit) -> str:
    """A place for the date line: the last words of the unit's name (“Thành ủy Bảo Lộc” → Bảo Lộc)."""
    words = unit.name.split()
    return " ".join(words[-2:]) if len(words) >= 2 else unit.name


def date_line(place: str, day: datetime.date) -> str:
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def _header(unit: Unit, parent: Unit | None, symbol: str) -> list[str]:
    if unit.kind == UnitKind.STATE_BODY:
        return [
            unit.name.upper(),
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            f"Số: {symbol}",
        ]
    lines = ["ĐẢNG CỘNG SẢN VIỆT NAM"]
    if parent is not None:
        lines.append(parent.name.upper())
    return [*lines, unit.name.upper(), "*", f"Số {symbol}"]


def decision_text(
    *,
    case: Case,
    unit: Unit,
    kind: str,
    symbol: str,
    day: datetime.date,
    content: str,
    reasons: str,
    signer: str,
) -> str:
    """The plain text of the decision, as the documents app stores and indexes it."""
    parent = Unit.objects.get_parent(unit)
    body = [
        f"Căn cứ Kế hoạch đề xuất «{case.title}» của {case.proposer.full_name}, {case.unit.name}, "
        f"nhận ngày {case.submitted_on:%d/%m/%Y}."
        if case.submitted_on
        else "",
        content,
        f"Lý do: {reasons}" if reasons else "",
    ]
    return "\n".join(
        [
            *_header(unit, parent, symbol),
            date_line(place_of(unit), day),
            "QUYẾT ĐỊNH",
            f"{SUBJECTS[DecisionKind(kind)]} «{case.title}»",
            "-----",
            *[p for p in body if p],
            "Nơi nhận:",
            f"- {case.proposer.full_name},",
            "- Lưu Văn phòng.",
            signer,
        ]
    )
