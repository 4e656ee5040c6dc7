"""``doimoi restore``: an archive into an empty instance, then proof that all came back."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connections
from django.utils.translation import gettext as _

from doimoi.core.errors import ApplicationError
from doimoi.ledger.checkpoints import Checkpoint
from doimoi.ledger.verify import Report, verify
from doimoi.ops.archive import FILES, MANIFEST, PGDUMP_NAME, SQLITE_NAME, Manifest, walk
from doimoi.ops.backup import pg_env

KEPT_TABLES = ("ledger_ledgerevent", "auth_user", "organizations_unit", "documents_storedfile")


@dataclass(frozen=True)
class Restored:
    manifest: Manifest
    report: Report
    files: int


def _rows_in_database() -> list[str]:
    """Tables among the essential ones that hold rows (an empty or new database has none)."""
    connection = connections["default"]
    existing = set(connection.introspection.table_names())
    busy = []
    with connection.cursor() as cursor:
        for table in KEPT_TABLES:
            if table in existing:
                cursor.execute(f"SELECT 1 FROM {connection.ops.quote_name(table)} LIMIT 1")
                if cursor.fetchone():
                    busy.append(table)
    return busy


def refuse_unless_empty() -> None:
    busy = _rows_in_database()
    stored = next(iter(walk(default_storage)), None)
    if busy or stored:
        what = ", ".join(busy + ([_("kho tệp")] if stored else []))
        raise ApplicationError(
            {
                "archive": _(
                    "Hệ thống này đã có dữ liệu (%(what)s); chỉ khôi phục vào một hệ thống trống "
                    "(cơ sở dữ liệu mới và thư mục dữ liệu trống). Không có gì bị thay đổi."
                )
                % {"what": what}
            }
        )


def _restore_sqlite(source: Path) -> None:
    connections.close_all()
    target = Path(str(settings.DATABASES["default"]["NAME"]))
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(source, target)


def _restore_postgres(source: Path) -> None:
    connections.close_all()
    subprocess.run(
        [
            "pg_restore",
            "--no-owner",
            "--clean",
            "--if-exists",
            "--exit-on-error",
            "-d",
            pg_env()["PGDATABASE"],
            str(source),
        ],
        env=pg_env(),
        check=True,
        capture_output=True,
    )


def _restore_files(tar: tarfile.TarFile, manifest: Manifest) -> int:
    for entry in manifest.files:
        member = tar.extractfile(FILES + entry["path"])
        if member is None:
            raise ValueError(f"{entry['path']} missing from the archive")
        data = member.read()
        if hashlib.sha256(data).hexdigest() != entry["sha256"]:
            raise ValueError(f"{entry['path']}: SHA-256 differs from the manifest")
        saved = default_storage.save(entry["path"], ContentFile(data))
        if saved != entry["path"]:
            raise ValueError(f"{entry['path']} was stored as {saved}")
    return len(manifest.files)


def check_files(manifest: Manifest) -> list[str]:
    """Files of the manifest that are missing or differ in the storage now."""
    wrong = []
    for entry in manifest.files:
        try:
            with default_storage.open(entry["path"], "rb") as handle:
                digest = hashlib.sha256(handle.read()).hexdigest()
        except FileNotFoundError:
            digest = ""
        if digest != entry["sha256"]:
            wrong.append(entry["path"])
    return wrong


def restore(archive: Path) -> Restored:
    """Restore into an empty instance; verify the ledger against the archive's head and files."""
    refuse_unless_empty()
    with tarfile.open(archive, "r:*") as tar, tempfile.TemporaryDirectory() as tmp:
        member = tar.extractfile(MANIFEST)
        if member is None:
            raise ValueError("no manifest in the archive")
        manifest = Manifest.loads(member.read())
        if manifest.engine != connections["default"].vendor:
            raise ApplicationError(
                {
                    "archive": _("Bản sao lưu của %(a)s không khôi phục được vào %(b)s.")
                    % {"a": manifest.engine, "b": connections["default"].vendor}
                }
            )
        tar.extract(manifest.database, tmp, filter="data")
        database = Path(tmp) / manifest.database
        if manifest.database == SQLITE_NAME:
            _restore_sqlite(database)
        elif manifest.database == PGDUMP_NAME:
            _restore_postgres(database)
        files = _restore_files(tar, manifest)
    call_command("migrate", interactive=False, verbosity=0)
    head = manifest.ledger
    points = (
        [Checkpoint(head["seq"], head["hash"], manifest.created_at, "backup")]
        if head["seq"]
        else []
    )
    return Restored(manifest, verify(points), files)
