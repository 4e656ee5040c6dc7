"""The documents app's background tasks: ingest batches (OCR of scans included) and the
nightly clean-up of stored bytes that no row refers to.

A batch's task is queued in the transaction that starts it (``ingest_job_start``); a worker
reads the files one transaction each and writes progress that the job page polls. A task whose
worker died is queued again by the next worker's heartbeat and carries on from the first file
not yet done; a worker asked to stop finishes its current file and queues the rest.
"""

from __future__ import annotations

import datetime

from django_tasks import task

from doimoi.background import schedule


@task()
def ingest_batch(job_id: int) -> str:
    """Read the job's pending files; 'done', or 'requeued' when the worker is stopping."""
    from doimoi.documents.services.jobs import ingest_job_run

    return ingest_job_run(job_id)


def submit(job_id: int) -> None:
    """Queue ``job_id``'s batch in the current transaction."""
    from doimoi.background.queue import defer

    defer(ingest_batch, job_id)


@task()
def print_pdf(copy_id: int) -> str:
    """Print a composed document's Word copy as PDF beside it."""
    from doimoi.documents.services.printing import printed_pdf_add

    return printed_pdf_add(copy_id)


@task()
def cleanup_files() -> int:
    """Remove stored bytes that no row names and are over an hour old; how many."""
    from doimoi.documents.services.orphans import orphan_files_remove

    return len(orphan_files_remove())


schedule.daily("documents.cleanup_files", cleanup_files, at=datetime.time(2, 0))
