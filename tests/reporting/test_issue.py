"""Issuing through the composer: the next number, the Word file and the PDF kept with the
document, the document parsed back and linked to what it implements; refusals take no number."""

from __future__ import annotations

import datetime
import io
from typing import Any

import pdfplumber
import pytest
from django.test import Client
from django.urls import reverse
from docx import Document as open_docx

from doimoi.core.errors import ApplicationError
from doimoi.directives.models import Directive
from doimoi.documents.models import Citation, DocumentState, OutgoingEntry, Relation
from doimoi.documents.services import store
from doimoi.reporting import drafting, services
from doimoi.reporting.kinds import TEMPLATES, compose_from
from tests.conftest import require


def _filled(ward: dict[str, Any], key: str) -> dict[str, Any]:
    clerk, unit, today = ward["clerk"], ward["unit"], datetime.date.today()
    source = drafting.source_find(clerk, "1335-CV/TU")
    assert source is not None
    values = drafting.initial(unit, key, source, today)
    values["body"] = values["body"].replace("«trước ngày …»", "trước ngày 15/12")
    return values | {"unit": unit}


@pytest.mark.django_db
def test_the_plan_is_prefilled_from_the_directive_it_answers(ward: dict[str, Any]) -> None:
    values = _filled(ward, "plan")
    assert (
        values["title"] == "thực hiện Công văn số 1335-CV/TU, ngày 16/03/2022 của Tỉnh ủy Lâm Đồng"
    )
    body = values["body"]
    assert body.startswith("Thực hiện Công văn số 1335-CV/TU")
    assert "I. MỤC ĐÍCH, YÊU CẦU" in body and "IV. CHẾ ĐỘ BÁO CÁO" in body
    tasks = body.split("II. NHIỆM VỤ, GIẢI PHÁP")[1].split("III.")[0].strip().splitlines()
    assert len(tasks) == 10 and tasks[0].startswith("1. Quán triệt, triển khai thực hiện Kết luận")
    assert tasks[9].startswith("10. Ban Tổ chức Tỉnh ủy chủ trì")
    assert values["signer_name"] == "Phan Thị Thanh Hương" and values["signer_title"] == "Bí thư"
    assert values["recipients"].splitlines()[0] == "Tỉnh ủy Lâm Đồng (b/c)"


@pytest.mark.django_db
def test_issuing_takes_the_next_number_and_keeps_docx_and_pdf(
    ward: dict[str, Any], ledger_probe: Any
) -> None:
    require(drafting_has_office(), "LibreOffice (soffice) is not installed")
    clerk, unit, today = ward["clerk"], ward["unit"], datetime.date.today()
    values = _filled(ward, "plan")
    source = drafting.source_find(clerk, "1335-CV/TU")
    ctx = drafting.context(unit, values, source, today)
    doc = services.document_issue(actor=clerk, unit=unit, template_key="plan", ctx=ctx, day=today)
    assert (doc.reference, doc.date, doc.issuer_unit, doc.type_name) == (
        "01-KH/ĐU",
        today,
        unit,
        "Kế hoạch",
    )
    assert doc.title == values["title"] and doc.signer_name == "Phan Thị Thanh Hương"
    assert doc.state == DocumentState.CONFIRMED  # its own register numbered it: nothing to check
    assert OutgoingEntry.objects.get(unit=unit, symbol="01-KH/ĐU").document == doc
    edge = Citation.objects.get(source=doc, target__number="1335")
    assert edge.relation == Relation.IMPLEMENTS
    files = {
        c.stored_file.original_name: store.read(c.stored_file)
        for c in doc.copies.all()
        if c.stored_file
    }
    assert set(files) == {"plan-01-KH-ĐU.docx", "plan-01-KH-ĐU.pdf"}
    word = "\n".join(p.text for p in open_docx(io.BytesIO(files["plan-01-KH-ĐU.docx"])).paragraphs)
    assert "II. NHIỆM VỤ, GIẢI PHÁP" in word
    with pdfplumber.open(io.BytesIO(files["plan-01-KH-ĐU.pdf"])) as pdf:
        text = pdf.pages[0].extract_text()
    assert "Số 01-KH/ĐU" in text and "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    ledger_probe.assert_recorded("reporting.document.issued", doc)
    again = services.document_issue(actor=clerk, unit=unit, template_key="plan", ctx=ctx, day=today)
    assert again.reference == "02-KH/ĐU"


def drafting_has_office() -> bool:
    from doimoi.compose.convert import available

    return available()


@pytest.mark.django_db
def test_a_placeholder_left_refuses_the_issue_and_takes_no_number(ward: dict[str, Any]) -> None:
    clerk, unit, today = ward["clerk"], ward["unit"], datetime.date.today()
    values = drafting.initial(unit, "report", None, today)
    ctx = drafting.context(unit, values, None, today)
    with pytest.raises(ApplicationError) as error:
        services.document_issue(actor=clerk, unit=unit, template_key="report", ctx=ctx, day=today)
    assert "«…»" in str(error.value.message_dict["body"])
    assert not OutgoingEntry.objects.filter(unit=unit).exists()


@pytest.mark.django_db
def test_someone_without_a_role_there_cannot_issue(ward: dict[str, Any], persona: Any) -> None:
    outsider, unit, today = persona("vanthu.dukdn"), ward["unit"], datetime.date.today()
    values = _filled(ward, "forward")
    ctx = drafting.context(unit, values, None, today)
    with pytest.raises(Exception) as error:
        services.document_issue(
            actor=outsider, unit=unit, template_key="forward", ctx=ctx, day=today
        )
    assert type(error.value).__name__ == "PermissionDenied"
    assert not OutgoingEntry.objects.filter(unit=unit).exists()
    assert compose_from(TEMPLATES["forward"], ctx).kinh_gui == [
        "Các cấp ủy, tổ chức đảng trực thuộc"
    ]


@pytest.mark.django_db
def test_a_judgement_still_marked_for_the_author_refuses_the_issue(ward: dict[str, Any]) -> None:
    clerk, unit, today = ward["clerk"], ward["unit"], datetime.date.today()
    values = drafting.initial(unit, "report", None, today)
    values["body"] = values["body"].replace("«", "").replace("»", "")
    values["title"] = "sơ kết 6 tháng"
    ctx = drafting.context(unit, values, None, today)
    with pytest.raises(ApplicationError) as error:
        services.document_issue(actor=clerk, unit=unit, template_key="report", ctx=ctx, day=today)
    assert "[Người soạn nhận định]" in str(error.value.message_dict["body"])
    assert not OutgoingEntry.objects.filter(unit=unit).exists()


@pytest.mark.django_db
def test_an_issued_plan_is_made_a_directive_from_its_page(ward: dict[str, Any]) -> None:
    require(drafting_has_office(), "LibreOffice (soffice) is not installed")
    clerk, unit, today = ward["clerk"], ward["unit"], datetime.date.today()
    values = _filled(ward, "plan")
    ctx = drafting.context(unit, values, drafting.source_find(clerk, "1335-CV/TU"), today)
    doc = services.document_issue(actor=clerk, unit=unit, template_key="plan", ctx=ctx, day=today)
    client = Client()
    client.force_login(clerk)
    page = client.get(reverse("documents:document_detail", args=[doc.pk])).content.decode()
    start = f"{reverse('directives:directive_create')}?van_ban={doc.pk}"
    assert 'data-testid="directives-panel"' in page and start in page
    form = client.get(start).content.decode()
    assert f'<option value="{doc.pk}" selected>01-KH/ĐU' in form  # the document preselected
    response = client.post(start, {"document": doc.pk, "issuer": unit.pk})
    directive = Directive.objects.get(document=doc)
    assert response.status_code == 302 and directive.issuer == unit
    page = client.get(reverse("documents:document_detail", args=[doc.pk])).content.decode()
    assert reverse("directives:directive_detail", args=[directive.pk]) in page
