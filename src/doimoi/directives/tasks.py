"""The directives app's background tasks: the daily reminders before and after deadlines."""

from __future__ import annotations

import datetime

from django_tasks import task

from doimoi.background import schedule


@task()
def remind_today() -> int:
    """Send today's reminders (idempotent: a reminder already sent is not sent again)."""
    from doimoi.directives.services import reminders_send

    return reminders_send()


schedule.daily("directives.remind", remind_today, at=datetime.time(7, 0))
