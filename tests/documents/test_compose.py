"""What other apps call: a document from composed text, numbered from the outgoing register."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from doimoi.core.errors import ApplicationError
from doimoi.documents import selectors, services
from doimoi.documents.models import Citation, Document, DocumentState, Relation

PLAN = """ĐẢNG BỘ TỈNH LÂM ĐỒNG
THÀNH ỦY BẢO LỘC
*
Số {symbol}
ĐẢNG CỘNG SẢN VIỆT NAM
Bảo Lộc, ngày 04 tháng 5 năm 2022

KẾ HOẠCH
thực hiện Kết luận số 14-KL/TW, ngày 22/9/2021 của Bộ Chính trị
-----
Thực hiện Kết luận số 14-KL/TW, ngày 22/9/2021 của Bộ Chính trị, Ban Thường vụ Thành ủy
ban hành kế hoạch như sau.

T/M BAN THƯỜNG VỤ
BÍ THƯ

Trần Minh Khải
"""


def test_composed_plan_takes_its_number_and_cites_what_it_implements(
    demo: dict[str, Any], persona: Any, ledger_probe: Any
) -> None:
    clerk, unit = persona("vanthu.baoloc"), demo["Thành ủy Bảo Lộc"]
    entry = services.outgoing_register_take(
        actor=clerk, unit=unit, type_code="KH", kind="party", date=datetime.date(2022, 5, 4)
    )
    doc = services.document_create_from_text(
        actor=clerk, unit=unit, text=PLAN.format(symbol=entry.symbol), outgoing=entry
    )
    assert (doc.reference, doc.issuer_unit, doc.date) == ("01-KH/ThU", unit, entry.date)
    entry.refresh_from_db()
    assert entry.document == doc
    edge = Citation.objects.get(source=doc)
    assert (edge.relation, edge.target.reference, edge.target.state) == (
        Relation.IMPLEMENTS,
        "14-KL/TW",
        DocumentState.PLACEHOLDER,
    )
    ledger_probe.assert_recorded("documents.document.created", doc)
    assert selectors.document_get(viewer=clerk, pk=doc.pk) == doc
    with pytest.raises(Document.DoesNotExist):
        selectors.document_get(viewer=persona("vanthu.dukdn"), pk=doc.pk)  # a sibling's unit


def test_citation_add_links_a_plan_to_its_directive(demo: dict[str, Any], persona: Any) -> None:
    clerk, unit = persona("vanthu.baoloc"), demo["Thành ủy Bảo Lộc"]
    plan = services.document_create_from_text(
        actor=clerk, unit=unit, text=PLAN.format(symbol="64-KH/ThU")
    )
    directive = Citation.objects.get(source=plan).target
    edge = services.citation_add(actor=clerk, source=plan, target=directive, relation="basis")
    assert edge.relation == "basis"
    with pytest.raises(ApplicationError):
        services.citation_add(actor=clerk, source=plan, target=plan, relation="basis")


def test_empty_text_is_refused(demo: dict[str, Any], persona: Any, ledger_probe: Any) -> None:
    with pytest.raises(ApplicationError) as error:
        services.document_create_from_text(
            actor=persona("vanthu.baoloc"), unit=demo["Thành ủy Bảo Lộc"], text="  \n "
        )
    assert "text" in error.value.message_dict
    ledger_probe.assert_nothing()
