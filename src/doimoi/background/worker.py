"""Task workers: django-tasks-db's worker, plus a heartbeat that retries what dead workers held.

A worker writes a ``WorkerBeat`` row every few seconds from a side thread, which also ticks the
periodic schedule and looks for tasks left ``RUNNING`` by a worker that no longer beats (or, on
the same machine, whose process is gone): those go back to the queue, up to ``MAX_ATTEMPTS``
tries in all, after which the task is marked failed with the reason.
"""

from __future__ import annotations

import datetime
import logging
import os
import socket
import threading
from typing import Any

from django.conf import settings
from django.db import DatabaseError, close_old_connections, connection, transaction
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction

from doimoi.background import schedule
from doimoi.background.models import WorkerBeat

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
HOST = socket.gethostname()[:200]


def beat_every() -> float:
    return float(getattr(settings, "DOIMOI_WORKER_BEAT", 5.0))


def dead_after() -> float:
    return float(getattr(settings, "DOIMOI_WORKER_DEAD_AFTER", 30.0))


def new_worker_id() -> str:
    return f"{HOST[:40]}-{os.getpid()}-{get_random_string(8)}"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie (killed, not yet reaped by its parent) is not alive either.
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return True


def live_workers(now: datetime.datetime | None = None) -> set[str]:
    """Workers that beat recently and, on this machine, whose process still runs."""
    now = now or timezone.now()
    fresh = WorkerBeat.objects.filter(seen_at__gte=now - datetime.timedelta(seconds=dead_after()))
    return {b.worker_id for b in fresh if b.host != HOST[:255] or _pid_alive(b.pid)}


def reap(now: datetime.datetime | None = None) -> list[str]:
    """Put back on the queue the tasks held by dead workers; the ids of those put back."""
    alive = live_workers(now)
    retried = []
    for result in DBTaskResult.objects.running().only("id", "worker_ids"):
        holder = result.worker_ids[-1] if result.worker_ids else ""
        if holder in alive or holder.startswith("inproc-"):
            continue
        retried.append(str(result.id))
        if len(result.worker_ids) >= MAX_ATTEMPTS:
            failed = RuntimeError(f"worker {holder} stopped {MAX_ATTEMPTS} times during this task")
            result.set_failed(failed)
            continue
        DBTaskResult.objects.filter(pk=result.pk, status=TaskResultStatus.RUNNING).update(
            status=TaskResultStatus.READY, started_at=None
        )
        log.warning("task %s held by stopped worker %s: queued again", result.pk, holder)
    return retried


def _beat(worker_id: str, started: datetime.datetime) -> None:
    now = timezone.now()
    WorkerBeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={"host": HOST, "pid": os.getpid(), "started_at": started, "seen_at": now},
    )
    reap(now)
    schedule.tick(now)
    WorkerBeat.objects.filter(seen_at__lt=now - datetime.timedelta(days=1)).delete()


class Heart(threading.Thread):
    """The side thread: beat, reap, tick the schedule, until told to stop."""

    def __init__(self, worker_id: str) -> None:
        super().__init__(name="doimoi-worker-beat", daemon=True)
        self.worker_id = worker_id
        self.stopping = threading.Event()
        self.started_at = timezone.now()

    def run(self) -> None:
        while not self.stopping.is_set():
            try:
                close_old_connections()
                _beat(self.worker_id, self.started_at)
            except DatabaseError:
                log.exception("worker heartbeat failed; trying again")
            self.stopping.wait(beat_every())
        WorkerBeat.objects.filter(worker_id=self.worker_id).delete()
        connection.close()


_stopping = threading.Event()


def stopping() -> bool:
    """True once this worker was asked to stop: a long task may save its place and re-queue."""
    return _stopping.is_set()


class _Worker(Worker):
    def shutdown(self, signum: int, frame: Any) -> None:
        _stopping.set()
        super().shutdown(signum, frame)


def make_worker(
    worker_id: str, *, queues: list[str] | None = None, interval: float = 1.0, batch: bool = False
) -> Worker:
    return _Worker(
        queue_names=queues or ["*"],
        interval=interval,
        batch=batch,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
        excluded_queue_names=[],
    )


def run_worker(*, queues: list[str] | None = None, interval: float = 1.0) -> None:
    """Run one worker in this process until SIGTERM/SIGINT (the current task finishes first)."""
    worker_id = new_worker_id()
    heart = Heart(worker_id)
    _beat(worker_id, heart.started_at)
    heart.start()
    worker = make_worker(worker_id, queues=queues, interval=interval)
    worker.configure_signals()
    try:
        worker.run()
    finally:
        heart.stopping.set()
        heart.join(timeout=10)


def _next(worker_id: str) -> DBTaskResult | None:
    with exclusive_transaction():
        result = DBTaskResult.objects.ready().get_locked()
        if result is not None:
            result.claim(worker_id)
    return result


def drain(limit: int = 1000) -> int:
    """Run the ready tasks here and now, in this thread and its transaction (tests, commands)."""
    worker = make_worker("inproc-drain", batch=True)
    ran = 0
    while ran < limit and (result := _next("inproc-drain")) is not None:
        worker.run_task(result)
        ran += 1
    return ran


class ThreadWorker(threading.Thread):
    """A worker in a thread of this process (the browser tests' live server)."""

    def __init__(self, interval: float = 0.2) -> None:
        super().__init__(name="doimoi-worker", daemon=True)
        self.worker_id = "inproc-" + get_random_string(8)
        self.interval = interval
        self.stopping = threading.Event()

    def run(self) -> None:
        worker = make_worker(self.worker_id)
        while not self.stopping.is_set():
            try:
                result = _next(self.worker_id)
            except DatabaseError:
                result = None
            if result is not None:
                worker.run_task(result)
            else:
                self.stopping.wait(self.interval)
        connection.close()


def status() -> dict[str, Any]:
    """How the queue stands (for `doimoi worker --status` and the inspectors' page)."""
    with transaction.atomic():
        counts = {
            s: DBTaskResult.objects.filter(status=s).count()
            for s in (TaskResultStatus.READY, TaskResultStatus.RUNNING, TaskResultStatus.FAILED)
        }
    return {"workers": sorted(live_workers()), **{str(k): v for k, v in counts.items()}}
