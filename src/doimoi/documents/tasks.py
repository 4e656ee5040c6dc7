"""The background runner of ingest jobs: one worker thread per process, fed by a queue.

A web request queues a job after its transaction commits; the thread reads the files one
transaction at a time and writes progress that the job page polls. ``doimoi ingest_worker``
runs the same loop as its own process and picks up jobs a stopped process left behind.
``DOIMOI_INGEST_RUNNER=inline`` runs jobs at once in the request (for a one-off script).
"""

from __future__ import annotations

import logging
import os
import queue
import threading

from django.conf import settings
from django.db import close_old_connections, connection

log = logging.getLogger(__name__)

_queue: queue.Queue[int] = queue.Queue()
_lock = threading.Lock()
_thread: threading.Thread | None = None
_idle = threading.Event()
_idle.set()


def _mode() -> str:
    return str(
        getattr(settings, "DOIMOI_INGEST_RUNNER", os.environ.get("DOIMOI_INGEST_RUNNER", "thread"))
    )


def run_one(job_id: int) -> None:
    """Run one job, logging (not raising) what goes wrong."""
    from doimoi.documents.services.jobs import ingest_job_run

    try:
        ingest_job_run(job_id)
    except Exception:
        log.exception("ingest job %s failed", job_id)


def _loop() -> None:
    while True:
        job_id = _queue.get()
        _idle.clear()
        try:
            close_old_connections()
            run_one(job_id)
        finally:
            connection.close()
            _queue.task_done()
            if _queue.empty():
                _idle.set()


def submit(job_id: int) -> None:
    """Hand a committed job to the runner."""
    if _mode() == "inline":
        run_one(job_id)
        return
    global _thread
    with _lock:
        if _thread is None or not _thread.is_alive():
            _thread = threading.Thread(target=_loop, name="doimoi-ingest", daemon=True)
            _thread.start()
    _idle.clear()
    _queue.put(job_id)


def wait_idle(timeout: float = 60) -> bool:
    """Wait until the runner has nothing left to do (tests, the command's --wait)."""
    return _idle.wait(timeout)
