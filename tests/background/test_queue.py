"""The task queue: a dead worker's task is retried, the schedule queues each slot once."""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
from typing import Any

import pytest
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from doimoi.background import schedule
from doimoi.background.models import ScheduleSlot, WorkerBeat
from doimoi.background.queue import defer
from doimoi.background.worker import HOST, MAX_ATTEMPTS, drain, reap
from tests.background.tasks_for_tests import count_events

pytestmark = pytest.mark.django_db


def _dead_pid() -> int:
    """The pid of a process that has exited (and been waited for)."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def _held_by(worker_id: str, attempts: int = 1) -> DBTaskResult:
    defer(count_events)
    result = DBTaskResult.objects.get(status=TaskResultStatus.READY)
    for i in range(attempts - 1):
        result.claim(f"earlier-{i}")
    result.claim(worker_id)
    return result


def _beat(worker_id: str, pid: int, host: str = HOST, ago: float = 0) -> None:
    seen = timezone.now() - datetime.timedelta(seconds=ago)
    WorkerBeat.objects.create(
        worker_id=worker_id, host=host, pid=pid, started_at=seen, seen_at=seen
    )


def test_a_task_held_by_a_killed_worker_goes_back_to_the_queue_and_runs() -> None:
    _beat("killed", _dead_pid())
    result = _held_by("killed")
    assert reap() == [str(result.pk)]
    result.refresh_from_db()
    assert result.status == TaskResultStatus.READY
    assert drain() == 1
    result.refresh_from_db()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.worker_ids == ["killed", "inproc-drain"]


def test_a_live_worker_keeps_its_task_a_silent_one_on_another_machine_loses_it() -> None:
    _beat("alive", os.getpid())
    _beat("far-away", 1, host="other-host", ago=3600)
    mine, theirs = _held_by("alive"), None
    theirs = _held_by("far-away")
    assert reap() == [str(theirs.pk)]
    mine.refresh_from_db()
    assert mine.status == TaskResultStatus.RUNNING


def test_a_task_that_kills_its_worker_every_time_fails_with_the_reason() -> None:
    result = _held_by("gone", attempts=MAX_ATTEMPTS)
    reap()
    result.refresh_from_db()
    assert result.status == TaskResultStatus.FAILED
    assert "stopped 3 times" in result.traceback


def test_the_schedule_queues_each_slot_once_however_often_it_ticks() -> None:
    schedule.daily("tests.daily", count_events, at=datetime.time(7, 0))
    schedule.every("tests.minute", count_events, seconds=60)

    def ours(names: list[str]) -> list[str]:
        return [n for n in names if n.startswith("tests.")]

    try:
        day = timezone.localdate()
        morning = timezone.make_aware(datetime.datetime.combine(day, datetime.time(6)))
        assert ours(schedule.tick(morning)) == ["tests.minute"]  # 06:00: not yet the daily's time
        later = morning + datetime.timedelta(hours=2)
        assert ours(schedule.tick(later)) == ["tests.daily", "tests.minute"]
        assert ours(schedule.tick(later + datetime.timedelta(seconds=1))) == []  # same slots
        assert ours(schedule.tick(later + datetime.timedelta(seconds=60))) == ["tests.minute"]
        assert ScheduleSlot.objects.filter(name="tests.daily").count() == 1
        queued = ScheduleSlot.objects.count()  # ours and the apps' periodic tasks, once per slot
        assert DBTaskResult.objects.count() == queued
        assert drain() == queued
    finally:
        schedule._entries.pop("tests.daily")
        schedule._entries.pop("tests.minute")


def test_the_daily_reminders_are_registered() -> None:
    names = {e.name: e for e in schedule.entries()}
    assert {"directives.remind", "documents.cleanup_files", "ledger.checkpoint"} <= set(names)
    assert names["directives.remind"].at == datetime.time(7, 0)
    assert names["directives.remind"].task.module_path == "doimoi.directives.tasks.remind_today"


def test_a_task_queued_in_a_transaction_that_fails_is_never_queued(transactional_db: Any) -> None:
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        defer(count_events)
        raise RuntimeError("the change is refused")
    assert not DBTaskResult.objects.exists()
