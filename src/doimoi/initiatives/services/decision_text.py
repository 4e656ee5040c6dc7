"""A written decision on an initiative, laid out by the composer in the party (HD 36 / HD 05) or
state (ND 30) layout: approve, pilot, suspend, protection finding and the others."""

from __future__ import annotations

import datetime

from doimoi import compose
from doimoi.compose.names import (
    collective_authority,
    default_place,
    official_name,
    signing_title,
    superior_line,
)
from doimoi.initiatives.models import Case, DecisionKind
from doimoi.organizations.models import Membership, Person, Unit, UnitKind

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
TYPE_CODE = "QĐ"


def _signature(unit: Unit, signer: Person | None, day: datetime.date) -> compose.Signature:
    membership = (
        Membership.objects.active(day).filter(person=signer, unit=unit).first() if signer else None
    )
    title = signing_title(membership.position_title) if membership else ""
    state = unit.kind == UnitKind.STATE_BODY
    return compose.Signature(
        authority="" if state else collective_authority(unit),
        title=title or ("Thủ trưởng" if state else "Bí thư"),
        name=signer.full_name if signer else "",
    )


def _body(case: Case, content: str, reasons: str) -> list[compose.Section]:
    articles = [f"Điều 1. {content or SUBJECTS[DecisionKind.APPROVE].capitalize()}."]
    if reasons:
        articles.append(f"Điều 2. Lý do: {reasons}")
    articles.append(
        f"Điều {len(articles) + 1}. {case.unit.name}, đồng chí {case.proposer.full_name} và các "
        "cơ quan, đơn vị liên quan chịu trách nhiệm thi hành quyết định này."
    )
    return [compose.Section("", articles)]


def decision_composition(
    *,
    case: Case,
    unit: Unit,
    kind: str,
    symbol: str,
    day: datetime.date,
    content: str,
    reasons: str,
    signer: Person | None,
) -> compose.Composition:
    """The decision as the composer prints it; ``symbol`` is the register's full reference."""
    state = unit.kind == UnitKind.STATE_BODY
    opening = []
    if case.submitted_on:
        opening.append(
            f"Căn cứ Kế hoạch đề xuất «{case.title}» của đồng chí {case.proposer.full_name}, "
            f"{case.unit.name}, nhận ngày {case.submitted_on:%d/%m/%Y};"
        )
    return compose.Composition(
        kind="state" if state else "party",
        type_name="Quyết định",
        type_code=TYPE_CODE,
        issuer=official_name(unit),
        issuer_code=unit.code,
        superior="" if state else superior_line(Unit.objects.get_parent(unit)),
        reference=symbol,
        place=default_place(unit),
        date=day,
        title=f"{SUBJECTS[DecisionKind(kind)]} «{case.title}»",
        opening=opening,
        sections=_body(case, content, reasons),
        recipients=[compose.Recipient(f"Đồng chí {case.proposer.full_name}")],
        archive="VT" if state else "Văn phòng",
        signature=_signature(unit, signer, day),
    )
