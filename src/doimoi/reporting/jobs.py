"""Issuing in the background: the author's request is checked and queued at once; a task
takes the number, prints Word and PDF (LibreOffice: seconds) and stores the document.

The task may run twice (a worker killed mid-way is replaced and the task retried): the job row
is marked done in the same transaction that takes the number and stores the document, so a
retry either finds the job done, or finds no number taken and no document stored; bytes an
attempt wrote before it died are removed by the files' clean-up (documents/services/orphans.py).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doimoi.background.queue import defer
from doimoi.core.errors import ApplicationError
from doimoi.ledger import checkpoints
from doimoi.organizations.models import Unit
from doimoi.reporting import drafting, services
from doimoi.reporting.kinds import TEMPLATES, Context
from doimoi.reporting.models import IssueJob, IssueStatus
from doimoi.reporting.tasks import issue_document

FIELDS = (
    "kind",
    "source",
    "option",
    "title",
    "body",
    "kinh_gui",
    "recipients",
    "place",
    "authority",
    "signer_title",
    "signer_name",
)


def _context(actor: Any, unit: Unit, fields: dict[str, str], day: datetime.date) -> Context:
    source = drafting.source_find(actor, fields.get("source", ""))
    return drafting.context(unit, fields, source, day)


@transaction.atomic
def document_issue_request(
    *, actor: Any, unit: Unit, template_key: str, fields: dict[str, Any], day: datetime.date
) -> IssueJob:
    """Queue the issue of what the author composed; what can be refused without a number
    (another unit's register, an empty field, a placeholder left) is refused here."""
    if template_key not in TEMPLATES:
        raise ApplicationError({"template": _("Chọn mẫu văn bản.")})
    if not drafting.units_for(actor, day).filter(pk=unit.pk).exists():
        raise ApplicationError({"unit": _("Bạn không lấy số từ sổ văn bản đi của đơn vị này.")})
    kept = {name: str(fields.get(name) or "") for name in FIELDS}
    services.check(_context(actor, unit, kept, day))
    job = IssueJob.objects.create(
        unit=unit, template=template_key, fields=kept, day=day, created_by=actor
    )
    defer(issue_document, job.pk)  # the queue row commits (or not) with the job
    return job


def _claim(job_id: int) -> IssueJob | None:
    """The job for the task that runs it: queued, or running when a worker died in it."""
    open_ = IssueJob.objects.filter(pk=job_id, status__in=[IssueStatus.QUEUED, IssueStatus.RUNNING])
    if not open_.update(status=IssueStatus.RUNNING, started_at=timezone.now()):
        return None
    return IssueJob.objects.select_related("unit", "created_by").get(pk=job_id)


def _finish(job: IssueJob, **values: Any) -> None:
    IssueJob.objects.filter(pk=job.pk).update(finished_at=timezone.now(), **values)


def _refusal(error: Exception) -> str:
    if isinstance(error, ApplicationError):
        return " ".join(error.messages)
    return _("Bạn không còn quyền lấy số từ sổ văn bản đi của đơn vị này.")


def issue_job_run(job_id: int) -> str:
    """Issue the job's document: 'done', 'failed' (the reason kept on the job) or 'skipped'."""
    job = _claim(job_id)
    if job is None:
        return "skipped"
    actor = job.created_by
    try:
        ctx = _context(actor, job.unit, job.fields, job.day)
        document = services.document_issue(
            actor=actor,
            unit=job.unit,
            template_key=job.template,
            ctx=ctx,
            day=job.day,
            then=lambda d: _finish(job, status=IssueStatus.DONE, document=d, message=""),
        )
    except (ApplicationError, PermissionDenied) as error:
        _finish(job, status=IssueStatus.FAILED, message=_refusal(error))
        return "failed"
    checkpoints.record(f"issued {document.reference}")  # the head, outside the database
    return "done"
