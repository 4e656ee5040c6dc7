"""Ingest jobs: files staged as they arrive, then read one by one in the background.

Job rows are operational progress; the ledger records what ingest did to documents.
"""

from __future__ import annotations

from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doimoi.core.errors import ApplicationError
from doimoi.documents.models import IngestItem, IngestJob, ItemStatus, JobStatus, StoredFile
from doimoi.documents.services import cache, store
from doimoi.documents.services.common import require
from doimoi.documents.services.ingest import (
    FileResult,
    ingest_file,
    ingest_prepared,
    prepare,
    too_large,
)
from doimoi.organizations.models import Unit


def ingest_job_create(
    *, actor: Any, unit: Unit, source: str = "web", register_old: bool = False
) -> IngestJob:
    """Open a batch for ``unit``; files are added to it, then it is started. ``register_old``:
    the clerk asks that documents dated before this year enter this year's incoming register."""
    require(actor, "documents.ingest_document", unit)
    user = actor if actor is not None and actor.is_authenticated else None
    return IngestJob.objects.create(
        unit=unit, source=source, created_by=user, register_old=register_old
    )


def _check_open(actor: Any, job: IngestJob) -> None:
    require(actor, "documents.ingest_document", job.unit)
    if job.status != JobStatus.OPEN:
        raise ApplicationError({"job": _("Lượt nhập này đã bắt đầu xử lý, không thêm tệp được.")})


def ingest_job_add(*, actor: Any, job: IngestJob, name: str, size: int, chunks: Any) -> IngestItem:
    """Stage one file of the batch (a file over the limit is refused here, without storing it)."""
    _check_open(actor, job)
    position = job.items.count()
    item = IngestItem(job=job, position=position, name=name[:255], size=size)
    if message := too_large(size):
        item.status, item.message = ItemStatus.FAILED, message
    else:
        data = b"".join(chunks)
        item.staged = default_storage.save(f"ingest-staging/{job.pk}/{position}", ContentFile(data))
        item.size = len(data)
    item.save()
    return item


@transaction.atomic
def ingest_job_start(*, actor: Any, job: IngestJob) -> IngestJob:
    """Queue the batch; the runner reads its files after the transaction commits."""
    _check_open(actor, job)
    if not job.items.exists():
        raise ApplicationError({"files": _("Chưa chọn tệp nào để nhập.")})
    job.status = JobStatus.QUEUED
    job.save(update_fields=["status"])
    from doimoi.documents.tasks import submit

    submit(job.pk)  # the queue row commits (or not) with the job's status
    return job


def _read_staged(item: IngestItem) -> bytes:
    with default_storage.open(item.staged, "rb") as handle:
        return bytes(handle.read())


def _ingest(job: IngestJob, item: IngestItem, data: bytes) -> FileResult:
    """Store the file's documents and the item's outcome in ONE transaction: a worker killed
    half-way leaves the item pending (done again from the start), never stored-but-pending.
    Reading the text (OCR of scans: seconds a page) happens before, outside the transaction."""
    seen = StoredFile.objects.filter(sha256=store.digest(data)).exists()
    prepared = None if seen else prepare(item.name, data)
    with transaction.atomic():
        if prepared is None:
            result = ingest_file(
                actor=job.created_by,
                unit=job.unit,
                name=item.name,
                data=data,
                source=job.source,
                register_old=job.register_old,
            )
        else:
            result = ingest_prepared(
                actor=job.created_by,
                unit=job.unit,
                prepared=prepared,
                source=job.source,
                register_old=job.register_old,
            )
        _record(item, result)
    return result


def _record(item: IngestItem, result: FileResult) -> None:
    IngestItem.objects.filter(pk=item.pk).update(
        status=result.status, message=result.message, documents=result.documents
    )


def run_item(job: IngestJob, item: IngestItem) -> FileResult:
    """Read one staged file of ``job`` and record what became of it."""
    IngestItem.objects.filter(pk=item.pk).update(status=ItemStatus.RUNNING)
    IngestJob.objects.filter(pk=job.pk).update(heartbeat=timezone.now())
    try:
        result = _ingest(job, item, _read_staged(item))
    except Exception as error:  # a lost staged file or a revoked permission: say so, go on
        result = FileResult(item.name, ItemStatus.FAILED, str(error) or error.__class__.__name__)
        _record(item, result)
    if item.staged:
        default_storage.delete(item.staged)
    return result


def claim(job_id: int) -> IngestJob | None:
    """Take the job for the task that runs it: queued, or running when a worker died in it (the
    queue gives a job's task to one worker at a time); None if the job is done or unknown."""
    now = timezone.now()
    qs = IngestJob.objects.filter(pk=job_id)
    qs.filter(status=JobStatus.QUEUED).update(
        status=JobStatus.RUNNING, started_at=now, heartbeat=now
    )
    updated = qs.filter(status=JobStatus.RUNNING).update(heartbeat=now)
    return (
        IngestJob.objects.select_related("unit", "created_by").get(pk=job_id) if updated else None
    )


def ingest_job_run(job_id: int) -> str:
    """Read every pending file of the job, one transaction per file, then mark it done.

    When the worker is asked to stop, the current file is finished and the rest of the batch
    is queued again as a new task: 'requeued'."""
    from doimoi.background.worker import stopping

    job = claim(job_id)
    if job is None:
        return "skipped"
    pending = job.items.filter(status__in=[ItemStatus.PENDING, ItemStatus.RUNNING])
    with cache.batch():
        for item in pending.order_by("position"):
            if stopping():
                from doimoi.documents.tasks import submit

                submit(job.pk)
                return "requeued"
            run_item(job, item)
    IngestJob.objects.filter(pk=job.pk).update(status=JobStatus.DONE, finished_at=timezone.now())
    return "done"
