"""Tasks that only the tests queue (a real module-level task, as the framework requires)."""

from __future__ import annotations

from django_tasks import task

from doimoi.ledger.models import LedgerEvent


@task()
def count_events() -> int:
    return LedgerEvent.objects.count()


@task()
def slow(seconds: float) -> str:
    """Hold a worker for a while, so that several workers are seen taking tasks side by side."""
    import os
    import time

    time.sleep(seconds)
    return str(os.getpid())
