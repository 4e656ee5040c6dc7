"""Decisions numbered from the deciding unit's outgoing register (documents app), or entered by
hand when the unit has closed; the decision is then a document of the documents app."""

from __future__ import annotations

import io
import unicodedata
from typing import Any

import pdfplumber
import pytest
from docx import Document as read_docx

from doimoi.background.worker import drain
from doimoi.compose.convert import available
from doimoi.core.errors import ApplicationError
from doimoi.documents.models import Document, OutgoingEntry
from doimoi.documents.services import store
from doimoi.documents.services.printing import printed_pdf_add
from doimoi.initiatives.models import Regime
from doimoi.organizations import services as org_services
from tests.conftest import require
from tests.initiatives import flow

WARD = "Đảng ủy phường 1 Bảo Lộc"  # a unit of the 2025 tree, still active (the demo people's)


def _approved(d: Any) -> Any:
    """A case of the ward approved with a decision numbered from the ward's register."""
    case = d.start(flow.PROPOSER, WARD, Regime.KL14, "Đề xuất của phường", **flow.plan("phường"))
    case = d.do(flow.PROPOSER, case, "submit")
    case = d.do(flow.HEAD, case, "put_to_collective", meeting_on=d.today)
    case = d.do(flow.HEAD, case, "record_party_opinion", body="Ban Thường vụ Đảng ủy phường",
                opinion="Đồng ý.", given_on=d.today)  # fmt: skip
    case = flow.checklist(d, case)
    case = flow.vote(d, case, **flow.ALL_FOR)
    return d.do(flow.HEAD, case, "approve", decided_on=d.today, content="Cho thực hiện.")


@pytest.mark.django_db
def test_decision_takes_the_next_number_and_becomes_a_document(d: Any, ledger_probe: Any) -> None:
    case = _approved(d)
    decision = case.decisions.get()
    entry = OutgoingEntry.objects.get(pk=decision.register_entry_id)
    assert decision.symbol == entry.symbol and entry.symbol.endswith("-QĐ/ĐU")
    document = Document.objects.get(pk=decision.document_id)
    assert document.unit_id == d.units[WARD].pk and "QUYẾT ĐỊNH" in document.text
    assert "Đề xuất của phường" in document.text
    event = ledger_probe.assert_recorded("initiatives.case.approved", case)
    assert event.payload["decision"]["numbered_from_register"] is True
    ledger_probe.assert_recorded("documents.outgoing.numbered", entry)


@pytest.mark.django_db
def test_closed_unit_needs_the_number_as_issued(d: Any) -> None:
    case = flow.ready_to_decide(d)
    org_services.unit_close(actor=None, unit=d.units[WARD], valid_to=d.today)  # closes today
    with pytest.raises(ApplicationError) as caught:
        d.do(flow.HEAD, case, "approve", decided_on=d.today, content="Cho thực hiện.")
    assert "không còn hoạt động" in caught.value.message_dict["decision_symbol"][0]
    case = d.do(flow.HEAD, case, "approve", decided_on=d.today, content="Cho thực hiện.",
                decision_symbol="25-QĐ/ThU")  # fmt: skip
    decision = case.decisions.get()
    assert (decision.number, decision.symbol, decision.register_entry_id) == (
        "25",
        "25-QĐ/ThU",
        None,
    )


@pytest.mark.django_db
def test_a_checklist_citation_links_the_document_it_names(d: Any) -> None:
    case = d.start(flow.PROPOSER, WARD, Regime.KL14, "Một", **flow.plan("phường"))
    case = d.do(
        flow.HEAD, d.do(flow.PROPOSER, case, "submit"), "put_to_collective", meeting_on=d.today
    )
    case = d.do(flow.HEAD, case, "record_party_opinion", body="Ban Thường vụ", opinion="Đồng ý.",
                given_on=d.today)  # fmt: skip
    case = flow.vote(d, flow.checklist(d, case), **flow.ALL_FOR)
    case = d.do(flow.HEAD, case, "approve", decided_on=d.today, content="Cho thực hiện.")
    document = Document.objects.get(pk=case.decisions.get().document_id)
    other = d.start(flow.PROPOSER, WARD, Regime.KL14, "Hai", **flow.plan("phường"))
    other = d.do(
        flow.HEAD, d.do(flow.PROPOSER, other, "submit"), "put_to_collective", meeting_on=d.today
    )
    items = list(other.rule_set.items.filter(kind__in=["condition", "legality"]))
    answers = {i.pk: {"answer": "yes", "note": "Đạt.", "citation": ""} for i in items}
    answers[items[0].pk]["citation"] = f"Theo Quyết định {document.reference} của Đảng ủy"
    answers[items[1].pk]["citation"] = "Theo Quyết định 999-QĐ/ĐU"  # not in the documents app
    d.do(flow.HEAD, other, "answer_checklist", answers=answers)
    linked = {a.item_id: a.document_id for a in other.checklist.all()}
    assert linked[items[0].pk] == document.pk and linked[items[1].pk] is None


@pytest.mark.django_db
def test_a_numbered_decision_keeps_its_word_file_and_gets_its_pdf_after_the_commit(
    d: Any, settings: Any, tmp_path: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    require(available(), "LibreOffice (soffice) is not installed")
    case = _approved(d)
    decision = case.decisions.get()
    document = Document.objects.get(pk=decision.document_id)
    stem = f"quyet-dinh-{decision.symbol.replace('/', '-')}"
    assert _printed(document) == [f"{stem}.docx"]  # the PDF waits for the task queue
    word = read_docx(
        io.BytesIO(store.read(document.copies.exclude(stored_file=None).get().stored_file))
    )
    header = word.tables[0].rows[0].cells[0].text
    assert f"Số {decision.symbol}" in header
    drain()
    assert _printed(document) == [f"{stem}.docx", f"{stem}.pdf"]
    pdf = document.copies.get(stored_file__original_name=f"{stem}.pdf").stored_file
    with pdfplumber.open(io.BytesIO(store.read(pdf))) as printed:
        text = unicodedata.normalize("NFC", printed.pages[0].extract_text() or "")
    assert f"Số {decision.symbol}" in text and "QUYẾT ĐỊNH" in text


def _printed(document: Document) -> list[str]:
    names = document.copies.exclude(stored_file=None).values_list("stored_file__original_name")
    return sorted(name for (name,) in names)


@pytest.mark.django_db
def test_printing_twice_or_without_libreoffice_keeps_one_pdf_or_the_word_file(
    d: Any, settings: Any, tmp_path: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    case = _approved(d)
    document = Document.objects.get(pk=case.decisions.get().document_id)
    word = document.copies.exclude(stored_file=None).get()
    settings.DOIMOI_SOFFICE = str(tmp_path / "no-such-soffice")
    assert printed_pdf_add(word.pk) == "failed" and len(_printed(document)) == 1
    del settings.DOIMOI_SOFFICE
    if not available():
        return
    assert printed_pdf_add(word.pk) == "done" and printed_pdf_add(word.pk) == "skipped"
    assert len(_printed(document)) == 2
