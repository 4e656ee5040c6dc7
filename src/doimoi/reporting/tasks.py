"""The reporting app's background task: issuing a composed document (number, Word, PDF, store)."""

from __future__ import annotations

from django_tasks import task


@task()
def issue_document(job_id: int) -> str:
    """Issue the job's document; 'done', 'failed' or 'skipped' (already finished)."""
    from doimoi.reporting.jobs import issue_job_run

    return issue_job_run(job_id)
