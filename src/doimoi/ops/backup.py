"""``doimoi backup``: one archive with the database, the file store and a manifest."""

from __future__ import annotations

import io
import os
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import connections
from django.utils import timezone

from doimoi.ledger import checkpoints
from doimoi.ops.archive import FILES, MANIFEST, PGDUMP_NAME, SQLITE_NAME, Manifest, walk

HEAD_SQL = "SELECT seq, hash FROM ledger_ledgerevent ORDER BY seq DESC LIMIT 1"


def _head(row: Any) -> dict[str, Any]:
    return {"seq": int(row[0]), "hash": str(row[1])} if row else {"seq": 0, "hash": ""}


def _sqlite_copy(folder: Path) -> tuple[Path, dict[str, Any]]:
    """SQLite's online backup: a consistent copy, write-ahead log included, while others write."""
    target = folder / SQLITE_NAME
    source = sqlite3.connect(str(settings.DATABASES["default"]["NAME"]), timeout=60)
    copy = sqlite3.connect(str(target))
    try:
        source.backup(copy)
        head = _head(copy.execute(HEAD_SQL).fetchone())
    finally:
        copy.close()
        source.close()
    return target, head


def pg_env() -> dict[str, str]:
    """libpq's environment for the default database (pg_dump, pg_restore, psql)."""
    db = settings.DATABASES["default"]
    env = dict(os.environ)
    for key, name in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER")):
        if db.get(key):
            env[name] = str(db[key])
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    env["PGDATABASE"] = str(db["NAME"])
    return env


def _pg_dump_snapshot(folder: Path) -> tuple[Path, dict[str, Any]]:
    import psycopg

    target = folder / PGDUMP_NAME
    env = pg_env()
    conninfo = " ".join(
        f"{k}={env[v]}"
        for k, v in (
            ("host", "PGHOST"),
            ("port", "PGPORT"),
            ("user", "PGUSER"),
            ("dbname", "PGDATABASE"),
        )
        if v in env
    )
    with psycopg.connect(conninfo, password=env.get("PGPASSWORD")) as conn:
        conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        snapshot = conn.execute("SELECT pg_export_snapshot()").fetchone()
        head = _head(conn.execute(HEAD_SQL).fetchone())
        subprocess.run(
            [
                "pg_dump",
                "-Fc",
                "--no-owner",
                f"--snapshot={snapshot[0] if snapshot else ''}",
                "-f",
                str(target),
            ],
            env=env,
            check=True,
            capture_output=True,
        )
        conn.rollback()
    return target, head


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = len(data), int(timezone.now().timestamp()), 0o640
    tar.addfile(info, io.BytesIO(data))


def _add_files(tar: tarfile.TarFile, manifest: Manifest) -> None:
    import hashlib

    for name in walk(default_storage):
        with default_storage.open(name, "rb") as handle:
            data = handle.read()
        manifest.files.append(
            {"path": name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
        )
        _add_bytes(tar, FILES + name, data)


def default_archive_path() -> Path:
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    return Path(settings.VAR_DIR) / "backups" / f"doimoi-{stamp}.tar.gz"


def backup(path: Path | None = None) -> tuple[Path, Manifest]:
    """Write the archive; record its ledger head as a checkpoint too."""
    path = path or default_archive_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    vendor = connections["default"].vendor
    with tempfile.TemporaryDirectory() as tmp:
        if vendor == "sqlite":
            database, head = _sqlite_copy(Path(tmp))
        else:
            database, head = _pg_dump_snapshot(Path(tmp))
        manifest = Manifest(vendor, timezone.now().isoformat(), head, database=database.name)
        partial = path.with_name(path.name + ".part")
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(database, arcname=database.name)
            _add_files(tar, manifest)
            _add_bytes(tar, MANIFEST, manifest.dumps())
        partial.replace(path)
    if head["seq"]:
        checkpoints.record_head(head["seq"], head["hash"], f"backup {path.name}")
    return path, manifest
