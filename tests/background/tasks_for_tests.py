"""Tasks that only the tests queue (a real module-level task, as the framework requires)."""

from __future__ import annotations

from django_tasks import task

from doimoi.ledger.models import LedgerEvent


@task()
def count_events() -> int:
    return LedgerEvent.objects.count()
