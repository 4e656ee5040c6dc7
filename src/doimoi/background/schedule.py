"""Periodic tasks: any app registers them in its ``tasks.py``; the workers' heartbeat ticks them.

    from doimoi.background import schedule
    schedule.daily("directives.remind", remind_today, at=datetime.time(7, 0))
    schedule.every("exchange.inbox", poll_inbox, seconds=60)

Each due slot (a day, or a period of N seconds) is queued once: a ``ScheduleSlot`` row with a
unique (name, slot) is written in the same transaction as the task, so several schedulers (one
per worker, on several machines) never queue the same run twice. A day missed while nothing
ran is not made up; the next tick queues today's run if its time has passed.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks.base import Task

from doimoi.background.models import ScheduleSlot
from doimoi.background.queue import defer


@dataclass(frozen=True)
class Entry:
    """A registered periodic task: daily at a local time, or every N seconds."""

    name: str
    task: Task[Any, Any]
    at: datetime.time | None = None
    seconds: int | None = None

    def slot(self, now: datetime.datetime) -> str | None:
        """The slot due at ``now`` (None when today's time has not come yet)."""
        if self.seconds:
            return str(int(now.timestamp()) // self.seconds)
        local = timezone.localtime(now)
        if self.at is not None and local.time() < self.at:
            return None
        return local.date().isoformat()


_entries: dict[str, Entry] = {}


def daily(name: str, task: Task[Any, Any], *, at: datetime.time) -> None:
    """Run ``task`` (no arguments) once a day, at ``at`` local time or as soon after as a worker runs."""
    _entries[name] = Entry(name, task, at=at)


def every(name: str, task: Task[Any, Any], *, seconds: int) -> None:
    """Run ``task`` (no arguments) once in every period of ``seconds``."""
    if seconds < 1:
        raise ValueError("seconds must be at least 1")
    _entries[name] = Entry(name, task, seconds=seconds)


def entries() -> list[Entry]:
    return sorted(_entries.values(), key=lambda e: e.name)


def _queue_once(entry: Entry, slot: str) -> bool:
    try:
        with transaction.atomic():
            ScheduleSlot.objects.create(name=entry.name, slot=slot)
            defer(entry.task)
    except IntegrityError:
        return False
    return True


def tick(now: datetime.datetime | None = None) -> list[str]:
    """Queue every registered task whose slot is due and not yet queued; the names queued."""
    now = now or timezone.now()
    done = set(ScheduleSlot.objects.filter(name__in=list(_entries)).values_list("name", "slot"))
    queued = []
    for entry in entries():
        slot = entry.slot(now)
        if slot is not None and (entry.name, slot) not in done and _queue_once(entry, slot):
            queued.append(entry.name)
    ScheduleSlot.objects.filter(enqueued_at__lt=now - datetime.timedelta(days=3)).delete()
    return queued
