"""Issuing runs on the task queue (issue 11): the author's request is checked and queued at once,
a worker takes the number, prints Word and PDF and stores the document; the author follows a
job row. A retried task takes no second number; a PDF that cannot be made takes none at all."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from doimoi.background.worker import drain
from doimoi.core.errors import ApplicationError
from doimoi.documents import services as documents
from doimoi.documents.models import OutgoingEntry
from doimoi.reporting import drafting, jobs, services
from doimoi.reporting.models import IssueJob, IssueStatus
from tests.conftest import require


def _fields(ward: dict[str, Any], key: str = "plan") -> dict[str, Any]:
    source = drafting.source_find(ward["clerk"], "1335-CV/TU")
    values = drafting.initial(ward["unit"], key, source, datetime.date.today())
    values["body"] = values["body"].replace("«trước ngày …»", "trước ngày 15/12")
    return values | {"source": "1335-CV/TU", "kind": "party"}


def _request(ward: dict[str, Any], fields: dict[str, Any]) -> IssueJob:
    return jobs.document_issue_request(
        actor=ward["clerk"],
        unit=ward["unit"],
        template_key="plan",
        fields=fields,
        day=datetime.date.today(),
    )


def _office() -> None:
    from doimoi.compose.convert import available

    require(available(), "LibreOffice (soffice) is not installed")


@pytest.mark.django_db
def test_an_issue_is_queued_then_a_worker_numbers_prints_and_stores_it(
    ward: dict[str, Any], settings: Any, tmp_path: Path, ledger_probe: Any
) -> None:
    _office()
    settings.DOIMOI_LEDGER_CHECKPOINTS = str(tmp_path / "checkpoints.jsonl")
    job = _request(ward, _fields(ward))
    assert job.status == IssueStatus.QUEUED
    assert not OutgoingEntry.objects.filter(unit=ward["unit"]).exists()  # no number yet
    assert DBTaskResult.objects.filter(task_path__endswith="issue_document").count() == 1
    assert drain() == 1
    job.refresh_from_db()
    assert job.status == IssueStatus.DONE and job.document is not None
    assert job.document.reference == "01-KH/ĐU"
    names = {c.stored_file.original_name for c in job.document.copies.all() if c.stored_file}
    assert names == {"plan-01-KH-ĐU.docx", "plan-01-KH-ĐU.pdf"}
    ledger_probe.assert_recorded("reporting.document.issued", job.document)
    lines = (tmp_path / "checkpoints.jsonl").read_text().splitlines()
    assert json.loads(lines[-1])["reason"] == "issued 01-KH/ĐU"  # the head, outside the database
    assert jobs.issue_job_run(job.pk) == "skipped"  # a retry of a finished job does nothing
    assert OutgoingEntry.objects.filter(unit=ward["unit"]).count() == 1


@pytest.mark.django_db
def test_a_refusal_that_needs_no_number_comes_before_anything_is_queued(
    ward: dict[str, Any],
) -> None:
    fields = _fields(ward) | {"body": "Nội dung «…» chưa điền"}
    with pytest.raises(ApplicationError) as error:
        _request(ward, fields)
    assert "«…»" in str(error.value.message_dict["body"])
    assert not IssueJob.objects.exists() and not DBTaskResult.objects.exists()


@pytest.mark.django_db
def test_a_pdf_that_cannot_be_made_fails_the_job_and_takes_no_number(
    ward: dict[str, Any], settings: Any, tmp_path: Path
) -> None:
    settings.DOIMOI_SOFFICE = str(tmp_path / "no-libreoffice-here")
    job = _request(ward, _fields(ward))
    drain()
    job.refresh_from_db()
    assert job.status == IssueStatus.FAILED and "LibreOffice" in job.message
    assert job.document is None
    assert not OutgoingEntry.objects.filter(unit=ward["unit"]).exists()


@pytest.mark.django_db
def test_the_author_follows_the_issue_and_lands_on_the_document(
    ward: dict[str, Any], persona: Any
) -> None:
    _office()
    client = Client()
    client.force_login(ward["clerk"])
    data = {k: v for k, v in _fields(ward).items() if v is not None}
    data |= {"unit": str(ward["unit"].pk), "template": "plan", "action": "issue"}
    sent = client.post(reverse("reporting:compose"), data)
    job = IssueJob.objects.get()
    page_url = reverse("reporting:issue_job", args=[job.pk])
    assert sent.status_code == 302 and sent["Location"] == page_url
    waiting = client.get(page_url)
    assert waiting.status_code == 200 and "Chờ xử lý" in waiting.content.decode()
    assert 'hx-trigger="every 1s"' in waiting.content.decode()  # the page polls while it waits
    other = Client()
    other.force_login(persona("vanthu.dukdn"))
    assert other.get(page_url).status_code == 404  # someone else's issue is not shown
    drain()
    polled = client.get(page_url, HTTP_HX_REQUEST="true")
    document = IssueJob.objects.get().document
    assert document is not None
    target = reverse("documents:document_detail", args=[document.pk])
    assert polled["HX-Redirect"] == target
    landed = client.get(page_url, follow=True)
    assert "Đã ban hành văn bản số 01-KH/ĐU." in landed.content.decode()


@pytest.mark.django_db
def test_a_number_taken_while_printing_is_not_stolen_the_issue_is_printed_again(
    ward: dict[str, Any],
) -> None:
    _office()
    clerk, unit, today = ward["clerk"], ward["unit"], datetime.date.today()
    fields = _fields(ward)
    ctx = drafting.context(unit, fields, drafting.source_find(clerk, "1335-CV/TU"), today)
    args = {"actor": clerk, "unit": unit, "template_key": "plan", "day": today}
    printed = services.issue_print(ctx=ctx, **args)
    assert ctx.reference == "01-KH/ĐU"
    other = documents.outgoing_register_take(
        actor=clerk, unit=unit, type_code="KH", kind="party", date=today, title="another plan"
    )  # another issue took 01 while LibreOffice ran
    with pytest.raises(services.NumberTaken):
        services.issue_store(ctx=ctx, printed=printed, **args)
    assert list(OutgoingEntry.objects.filter(unit=unit).values_list("pk", flat=True)) == [other.pk]
    document = services.document_issue(ctx=ctx, **args)
    assert document.reference == "02-KH/ĐU" and ctx.reference == "02-KH/ĐU"
