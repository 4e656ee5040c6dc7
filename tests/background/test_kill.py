"""kill -9 during an ingest batch (acceptance 1), on SQLite and on PostgreSQL: the web server
and the worker die mid-batch, then the whole `doimoi serve` dies; after it starts again the batch
completes, nothing is duplicated or half-stored, no orphan file is left after the clean-up, and
the ledger verifies."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.background.processes import Serve, instance_env, run, wait_gone

SEED = (
    Path(__file__).resolve().parents[2]
    / "src/doimoi/documents/demo_corpus/000_bb21b65b2818ef4b.txt"
)
FILES = 150

CREATE = f"""
import pathlib
from django.contrib.auth import get_user_model
from doimoi.documents.services import jobs
from doimoi.organizations.models import Unit
admin = get_user_model().objects.get(username="quantri.lamdong")
unit = Unit.objects.get(name="Tỉnh ủy Lâm Đồng")
text = pathlib.Path({str(SEED)!r}).read_text(encoding="utf-8")
job = jobs.ingest_job_create(actor=admin, unit=unit)
for i in range({FILES}):
    data = text.replace("Số 64-KH/ThU", f"Số {{1000 + i}}-KH/ThU").encode()
    jobs.ingest_job_add(actor=admin, job=job, name=f"kh{{i}}.txt", size=len(data), chunks=[data])
jobs.ingest_job_start(actor=admin, job=job)
print("JOB", job.pk)
"""


def _query(env: dict[str, str]) -> Callable[[str], list[tuple[Any, ...]]]:
    """Read the instance's database directly (no Django start-up per poll)."""
    if url := env.get("DATABASE_URL"):
        import psycopg

        def pg(sql: str) -> list[tuple[Any, ...]]:
            with psycopg.connect(url, autocommit=True) as conn:
                return list(conn.execute(sql).fetchall())

        return pg

    def lite(sql: str) -> list[tuple[Any, ...]]:
        with sqlite3.connect(Path(env["DOIMOI_VAR_DIR"]) / "doimoi.sqlite3", timeout=30) as db:
            return list(db.execute(sql).fetchall())

    return lite


def _done_items(q: Callable[[str], list[tuple[Any, ...]]], job: int) -> int:
    rows = q(
        f"SELECT count(*) FROM documents_ingestitem WHERE job_id = {job} AND status <> 'pending' AND status <> 'running'"
    )
    return int(rows[0][0])


def _wait(predicate: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.3)


def _kill9(pid: int) -> None:
    os.kill(pid, signal.SIGKILL)


@pytest.mark.processes
def test_kill_9_during_an_ingest_batch_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    with instance_env(tmp_path) as env:
        q = _query(env)
        serve = Serve(env).ready(timeout=900)  # migrates and seeds the demo
        try:
            out = run(env, "shell", "-c", CREATE)
            job = int(out.strip().splitlines()[-1].split()[-1])
            _wait(lambda: _done_items(q, job) >= 3, 300, "the batch to start")
            worker = serve.child_pid("worker")
            _kill9(worker)  # 1. the worker, mid-batch
            wait_gone(worker)
            _wait(lambda: serve.child_pid("worker") != worker, 60, "a new worker")
            seen = _done_items(q, job)
            _wait(lambda: _done_items(q, job) > seen, 300, "the batch to go on")
            web = serve.child_pid("web")
            _kill9(web)  # 2. the web server
            _wait(lambda: serve.child_pid("web") != web, 60, "a new web server")
            serve.ready(timeout=120)
            seen = _done_items(q, job)
            _wait(lambda: _done_items(q, job) > seen, 300, "the batch to go on")
            assert _done_items(q, job) < FILES, "the batch ended before the last kill"
            worker, web = serve.child_pid("worker"), serve.child_pid("web")
            serve.kill9()  # 3. everything at once: supervisor, web server, worker
            _kill9(worker)
            _kill9(web)
            wait_gone(worker)
        finally:
            serve.stop()
        serve = Serve(env).ready(timeout=900)
        try:
            _wait(
                lambda: (
                    q(f"SELECT status FROM documents_ingestjob WHERE id = {job}")[0][0] == "done"
                ),
                600,
                "the batch to complete",
            )
        finally:
            serve.stop()
        _check(env, q, job)


def _check(env: dict[str, str], q: Callable[[str], list[tuple[Any, ...]]], job: int) -> None:
    statuses = q(
        f"SELECT status, count(*) FROM documents_ingestitem WHERE job_id = {job} GROUP BY status"
    )
    assert statuses == [("stored", FILES)], statuses
    numbers = q(
        "SELECT number, count(*) FROM documents_document WHERE symbol = 'KH/ThU' "
        "AND number LIKE '1___' GROUP BY number ORDER BY number"
    )
    assert [n for n, _c in numbers] == sorted(str(1000 + i) for i in range(FILES))
    assert {c for _n, c in numbers} == {1}  # no document twice
    media = Path(env["DOIMOI_VAR_DIR"]) / "media"
    stored = q("SELECT sha256, path FROM documents_storedfile")
    for sha, path in stored:  # nothing half-stored: every original whole
        assert hashlib.sha256((media / path).read_bytes()).hexdigest() == sha, path
    run(env, "cleanup_files", "--grace", "0")
    on_disk = {
        p.relative_to(media).as_posix() for p in (media / "documents").rglob("*") if p.is_file()
    }
    assert on_disk == {path for _sha, path in stored}  # no orphan
    assert not [p for p in (media / "ingest-staging").rglob("*") if p.is_file()]
    assert "Sổ cái toàn vẹn" in run(env, "ledger", "verify")
