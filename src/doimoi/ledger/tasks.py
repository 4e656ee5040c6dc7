"""The ledger's periodic task: write the head down outside the database once a day."""

from __future__ import annotations

import datetime

from django_tasks import task

from doimoi.background import schedule


@task()
def checkpoint_daily() -> int:
    """Append today's head to the checkpoint file; its sequence (0 for an empty ledger)."""
    from doimoi.ledger.checkpoints import record

    point = record("daily")
    return point.seq if point else 0


schedule.daily("ledger.checkpoint", checkpoint_daily, at=datetime.time(0, 5))
