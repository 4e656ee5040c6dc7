"""The exchange app's background task: take in what the e-office inbox holds, every minute."""

from __future__ import annotations

from django_tasks import task

from doimoi.background import schedule


@task()
def poll_inbox() -> int:
    """Import every packet waiting in the configured inbox (none configured: nothing to do)."""
    from doimoi.exchange.services.poll import inbox_poll

    return len(inbox_poll())


schedule.every("exchange.inbox", poll_inbox, seconds=60)
