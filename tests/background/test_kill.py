"""kill -9 during background work (acceptance 1), on SQLite and on PostgreSQL: during an ingest
batch and during report generation (issuing composed documents: number, Word, PDF through
LibreOffice), the worker dies, then the web server, then the whole `doimoi serve`; after it
starts again the work completes, nothing is duplicated or half-stored, no orphan file is left
after the clean-up, and the ledger verifies.

The worker is frozen (SIGSTOP) while the web server restarts and before the last kill: a batch
read at ten files a second would otherwise end before the test saw it go on (the flaky
"timed out waiting for the batch to go on" of the first version)."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.background.processes import Serve, instance_env, run, wait_gone

Query = Callable[[str], list[tuple[Any, ...]]]
SEED = (
    Path(__file__).resolve().parents[2]
    / "src/doimoi/documents/demo_corpus/000_bb21b65b2818ef4b.txt"
)
FILES = 150
REPORTS = 8
WARD = "Đảng ủy phường 1 Bảo Lộc"

INGEST = f"""
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

ISSUE = f"""
from django.contrib.auth import get_user_model
from django.utils import timezone
from doimoi.organizations.models import Unit
from doimoi.reporting import jobs
clerk = get_user_model().objects.get(username="vanthu.baoloc")
unit = Unit.objects.get(name={WARD!r})
body = "I. KẾT QUẢ\\n1. Các chi bộ đã tổ chức học tập đầy đủ.\\nII. NHIỆM VỤ\\n1. Tiếp tục thực hiện."
first = None
for i in range({REPORTS}):
    fields = dict(kind="party", title=f"kết quả thực hiện nhiệm vụ đợt {{i + 1}}", body=body,
                  place="Bảo Lộc", signer_title="Bí thư", signer_name="Nguyễn Văn An",
                  recipients="Thành ủy Bảo Lộc (b/c)")
    job = jobs.document_issue_request(actor=clerk, unit=unit, template_key="report",
                                      fields=fields, day=timezone.localdate())
    first = first or job.pk
print("JOB", first)
"""


def _query(env: dict[str, str]) -> Query:
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


@dataclass
class Work:
    """Background work the test starts and watches: how much of it is done, and its checks."""

    name: str
    script: str
    total: int
    done: Callable[[Query, int], int]
    check: Callable[[dict[str, str], Query, int], None]


def _wait(predicate: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.3)


def _signal(pid: int, sig: signal.Signals) -> None:
    os.kill(pid, sig)


def _kill_worker(serve: Serve, q: Query, work: Work, first: int) -> None:
    """1. The worker, mid-work: a new one is started and carries on."""
    worker = serve.child_pid("worker")
    _signal(worker, signal.SIGKILL)
    wait_gone(worker)
    seen = work.done(q, first)
    assert seen < work.total, "the work ended before the worker was killed"
    _wait(lambda: serve.child_pid("worker") != worker, 60, "a new worker")
    _wait(lambda: work.done(q, first) > seen, 300, "the work to go on after the worker died")


def _kill_web(serve: Serve, q: Query, work: Work, first: int) -> None:
    """2. The web server, while the work is under way (frozen meanwhile, so it cannot end)."""
    worker = serve.child_pid("worker")
    _signal(worker, signal.SIGSTOP)
    try:
        web = serve.child_pid("web")
        _signal(web, signal.SIGKILL)
        _wait(lambda: serve.child_pid("web") != web, 60, "a new web server")
        serve.ready(timeout=300)
        seen = work.done(q, first)
        assert seen < work.total, "the work ended before the web server was killed"
    finally:
        _signal(worker, signal.SIGCONT)
    _wait(lambda: work.done(q, first) > seen, 300, "the work to go on after the web server died")


def _kill_all(serve: Serve, q: Query, work: Work, first: int) -> None:
    """3. Everything at once: the supervisor, the web server and the worker, mid-work."""
    worker, web = serve.child_pid("worker"), serve.child_pid("web")
    _signal(worker, signal.SIGSTOP)
    assert work.done(q, first) < work.total, "the work ended before the last kill"
    serve.kill9()
    _signal(worker, signal.SIGKILL)
    _signal(web, signal.SIGKILL)
    wait_gone(worker)


def _kill_and_restart(tmp_path: Path, work: Work) -> None:
    with instance_env(tmp_path) as env:
        q = _query(env)
        serve = Serve(env).ready(timeout=900)  # migrates and seeds the demo
        try:
            out = run(env, "shell", "-c", work.script)
            first = int(out.strip().splitlines()[-1].split()[-1])
            _wait(lambda: work.done(q, first) >= 1, 300, "the work to start")
            _kill_worker(serve, q, work, first)
            _kill_web(serve, q, work, first)
            _kill_all(serve, q, work, first)
        finally:
            serve.stop()
        serve = Serve(env).ready(timeout=900)
        try:
            _wait(lambda: work.done(q, first) == work.total, 600, "the work to complete")
        finally:
            serve.stop()
        work.check(env, q, first)
        _no_orphans(env, q)
        assert "Sổ cái toàn vẹn" in run(env, "ledger", "verify")


def _no_orphans(env: dict[str, str], q: Query) -> None:
    """Every stored original whole; after the clean-up, no file that no row names."""
    media = Path(env["DOIMOI_VAR_DIR"]) / "media"
    stored = q("SELECT sha256, path FROM documents_storedfile")
    for sha, path in stored:
        assert hashlib.sha256((media / path).read_bytes()).hexdigest() == sha, path
    run(env, "cleanup_files", "--grace", "0")
    on_disk = {
        p.relative_to(media).as_posix() for p in (media / "documents").rglob("*") if p.is_file()
    }
    assert on_disk == {path for _sha, path in stored}
    assert not [p for p in (media / "ingest-staging").rglob("*") if p.is_file()]
    work = Path(env["DOIMOI_VAR_DIR"]) / "tmp"  # LibreOffice's folders of killed conversions
    assert not list(work.glob("doimoi-lo-*"))


def _items_done(q: Query, job: int) -> int:
    rows = q(
        f"SELECT count(*) FROM documents_ingestitem WHERE job_id = {job} "
        "AND status NOT IN ('pending', 'running')"
    )
    done = int(rows[0][0])
    status = q(f"SELECT status FROM documents_ingestjob WHERE id = {job}")[0][0]
    return done if status == "done" or done < FILES else FILES - 1


def _check_batch(env: dict[str, str], q: Query, job: int) -> None:
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


def _reports_done(q: Query, first: int) -> int:
    rows = q(f"SELECT count(*) FROM reporting_issuejob WHERE id >= {first} AND status = 'done'")
    return int(rows[0][0])


def _check_reports(env: dict[str, str], q: Query, first: int) -> None:
    jobs = q(
        f"SELECT status, document_id, message FROM reporting_issuejob WHERE id >= {first} "
        "ORDER BY id"
    )
    assert [s for s, _d, _m in jobs] == ["done"] * REPORTS, jobs
    documents = [d for _s, d, _m in jobs]
    assert len(set(documents)) == REPORTS
    taken = q(
        "SELECT e.seq, e.document_id FROM documents_outgoingentry e JOIN organizations_unit u "
        f"ON u.id = e.unit_id WHERE u.name = '{WARD}' AND e.type_code = 'BC' ORDER BY e.seq"
    )
    # one number per report, none lost to a killed attempt, none taken twice
    assert [s for s, _d in taken] == list(range(1, len(taken) + 1)), taken
    assert None not in {d for _s, d in taken}  # no number without its document
    assert set(documents) <= {d for _s, d in taken}
    ids = ",".join(str(d) for d in documents)
    files = q(
        "SELECT f.original_name FROM documents_documentcopy c JOIN documents_storedfile f "
        f"ON f.id = c.stored_file_id WHERE c.document_id IN ({ids})"
    )
    names = sorted(n for (n,) in files)
    assert len(names) == 2 * REPORTS and len(set(names)) == 2 * REPORTS, names  # DOCX + PDF
    issued = q(
        "SELECT count(*), count(DISTINCT subject_id) FROM ledger_ledgerevent "
        "WHERE action = 'reporting.document.issued'"
    )
    assert issued == [(REPORTS, REPORTS)], issued


BATCH = Work("ingest batch", INGEST, FILES, _items_done, _check_batch)
REPORT = Work("report generation", ISSUE, REPORTS, _reports_done, _check_reports)


@pytest.mark.processes
def test_kill_9_during_an_ingest_batch_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    _kill_and_restart(tmp_path, BATCH)


@pytest.mark.processes
def test_kill_9_during_report_generation_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    _kill_and_restart(tmp_path, REPORT)
