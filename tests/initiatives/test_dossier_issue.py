"""The protection dossier issued as an official document (issue 14): the deciding unit's next
number, A4 in the party layout with its signature block, DOCX and PDF kept with the document."""

from __future__ import annotations

import io
import unicodedata
from typing import Any

import pdfplumber
import pytest
from django.test import Client
from django.urls import reverse
from docx import Document as open_docx

from doimoi.compose.convert import available
from doimoi.documents.models import Document, OutgoingEntry
from doimoi.documents.services import store
from doimoi.initiatives.dossier import case_events
from doimoi.initiatives.states import CaseState
from tests.conftest import LedgerProbe, require
from tests.initiatives import flow


def _client(persona: Any, username: str) -> Client:
    client = Client()
    client.force_login(persona(username))
    return client


def _issue(client: Client, case: Any) -> Any:
    return client.post(reverse("initiatives:case_dossier_issue", args=[case.pk]))


@pytest.mark.django_db
def test_the_clerk_issues_the_dossier_with_the_next_number(
    d: Any, persona: Any, ledger_probe: LedgerProbe
) -> None:
    require(available(), "LibreOffice (soffice) is not installed")
    case = flow.BUILDERS[CaseState.PROTECTED](d)
    clerk = _client(persona, flow.CLERK)
    page = clerk.get(reverse("initiatives:case_detail", args=[case.pk])).content.decode()
    assert "Lấy số và ban hành hồ sơ" in page
    response = _issue(clerk, case)
    document = Document.objects.get(outgoing_entries__unit=case.decider or case.unit)
    assert response.status_code == 302 and response["Location"].endswith(f"/{document.pk}/")
    assert (document.number, document.type_name) == ("01", "Báo cáo")
    assert document.symbol.startswith("BC/") and document.issuer_unit == (case.decider or case.unit)
    assert OutgoingEntry.objects.get(document=document).symbol == document.reference
    ledger_probe.assert_recorded("initiatives.dossier.issued", case)
    copies = [c.stored_file for c in document.copies.all() if c.stored_file]
    files = {stored.original_name: store.read(stored) for stored in copies}
    stem = f"ho-so-bao-ve-{document.reference.replace('/', '-')}"
    assert set(files) == {f"{stem}.docx", f"{stem}.pdf"}
    word = open_docx(io.BytesIO(files[f"{stem}.docx"]))
    assert word.sections[0].page_width.mm == pytest.approx(210, abs=0.5)
    with pdfplumber.open(io.BytesIO(files[f"{stem}.pdf"])) as pdf:
        first = unicodedata.normalize("NFC", pdf.pages[0].extract_text() or "")
        every = "".join(p.extract_text() or "" for p in pdf.pages)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in first and f"Số {document.reference}" in first
    flat = "".join(unicodedata.normalize("NFC", every).split())
    assert "T/MBANTHƯỜNGVỤ" in flat and all(e.hash in flat for e in case_events(case)[:-1])
    assert _issue(clerk, case).status_code == 302  # issued again: the next number
    assert Document.objects.filter(outgoing_entries__unit=case.decider or case.unit).count() == 2


@pytest.mark.django_db
def test_who_may_not_number_sees_no_button_and_cannot_issue(d: Any, persona: Any) -> None:
    case = flow.BUILDERS[CaseState.PROTECTED](d)
    proposer = _client(persona, flow.PROPOSER)
    page = proposer.get(reverse("initiatives:case_detail", args=[case.pk])).content.decode()
    assert "Lấy số và ban hành hồ sơ" not in page
    assert _issue(proposer, case).status_code == 403
    assert _issue(_client(persona, flow.OUTSIDER), case).status_code == 404
    assert not OutgoingEntry.objects.exists()


@pytest.mark.django_db
def test_a_draft_has_no_dossier_to_issue(d: Any, persona: Any) -> None:
    case = flow.draft(d)
    response = _issue(_client(persona, flow.PROPOSER), case)
    assert response.status_code == 302 and not OutgoingEntry.objects.exists()
