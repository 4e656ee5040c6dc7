"""Backup and restore as an operator runs them (acceptance 3): into an empty instance only,
verified by the ledger and SHA-256; a SQLite backup taken while writes run loses nothing."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from tests.background.processes import DOIMOI, ROOT, instance_env, run

WRITER = """
from django.db import connection, transaction
from doimoi.ledger.services import append
from doimoi.organizations.models import Unit
unit = Unit.objects.order_by("pk").first()
if connection.vendor == "sqlite":
    connection.cursor().execute("PRAGMA wal_autocheckpoint=0")  # keep the writes in the WAL
for i in range(1500):
    with transaction.atomic():
        append(action="organizations.unit.updated", subject=unit, actor=None, payload={"i": i})
    if i == 20:
        print("started", flush=True)
"""


def _seeded(env: dict[str, str]) -> None:
    run(env, "migrate", "-v0")
    run(env, "seed-demo")


def _manifest(archive: Path) -> dict[str, object]:
    with tarfile.open(archive) as tar:
        member = tar.extractfile("manifest.json")
        assert member is not None
        return dict(json.loads(member.read()))


def _events(env: dict[str, str]) -> list[tuple[int, str]]:
    out = run(
        env,
        "shell",
        "-c",
        "from doimoi.ledger.models import LedgerEvent as E;"
        "import json;print(json.dumps(list(E.objects.order_by('seq').values_list('seq','hash'))))",
    )
    return [(int(seq), str(h)) for seq, h in json.loads(out.strip().splitlines()[-1])]


def test_backup_then_restore_into_an_empty_instance_only(tmp_path: Path) -> None:
    archive = tmp_path / "doimoi.tar.gz"
    with instance_env(tmp_path / "a") as a, instance_env(tmp_path / "b") as b:
        _seeded(a)
        out = run(a, "backup", str(archive))
        assert "Đã sao lưu" in out
        manifest = _manifest(archive)
        files = manifest["files"]
        assert isinstance(files, list) and any(f["path"].startswith("documents/") for f in files)
        ledger = manifest["ledger"]
        assert isinstance(ledger, dict) and ledger["seq"] == len(_events(a))
        # The backup's head became a checkpoint outside the database.
        checkpoints = (tmp_path / "a" / "ledger-checkpoints.jsonl").read_text()
        assert ledger["hash"] in checkpoints

        out = run(b, "restore", str(archive))
        assert "Đã khôi phục: sổ cái toàn vẹn" in out and f"{len(files)} tệp khớp SHA-256" in out
        assert _events(b) == _events(a)
        restored = sorted(
            p.relative_to(tmp_path / "b" / "media").as_posix()
            for p in (tmp_path / "b" / "media").rglob("*")
            if p.is_file()
        )
        assert restored == sorted(f["path"] for f in files)

        again = subprocess.run(
            [*DOIMOI, "restore", str(archive)], env=b, cwd=ROOT, capture_output=True, text=True
        )
        assert again.returncode != 0
        assert "đã có dữ liệu" in again.stderr and "Không có gì bị thay đổi" in again.stderr
        assert _events(b) == _events(a)


def test_a_sqlite_backup_taken_while_writes_run_loses_nothing(tmp_path: Path) -> None:
    archive = tmp_path / "live.tar.gz"
    with instance_env(tmp_path / "a") as a, instance_env(tmp_path / "b") as b:
        if "DATABASE_URL" in a:
            a.pop("DATABASE_URL")
            b.pop("DATABASE_URL")
        _seeded(a)
        writer = subprocess.Popen(
            [*DOIMOI, "shell", "-c", WRITER],
            env=a,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert writer.stdout is not None
        while (line := writer.stdout.readline()) and line.strip() != "started":
            pass  # the shell's banner
        database = tmp_path / "a" / "doimoi.sqlite3"
        with sqlite3.connect(database) as db:
            before = db.execute("SELECT max(seq) FROM ledger_ledgerevent").fetchone()[0]
        assert Path(f"{database}-wal").stat().st_size > 0  # committed events still in the WAL
        run(a, "backup", str(archive))
        assert writer.wait(timeout=300) == 0
        head = _manifest(archive)["ledger"]
        assert isinstance(head, dict) and head["seq"] >= before
        run(b, "restore", str(archive))
        restored, source = _events(b), _events(a)
        assert restored == source[: head["seq"]]  # every event up to the backup's head, intact
