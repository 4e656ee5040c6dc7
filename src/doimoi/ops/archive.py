"""What a backup holds: the database, the file store, and a manifest that proves both.

An archive is a tar file (gzip'd) with:

- ``manifest.json``: when, which database engine, the ledger's head (sequence, hash) *in the
  database copy*, and every stored file's path, size and SHA-256;
- ``database.sqlite3`` (SQLite's online backup API: a consistent copy that includes what is
  still in the write-ahead log) or ``database.pgdump`` (``pg_dump -Fc`` on an exported snapshot,
  the same snapshot the manifest's ledger head is read from);
- ``files/…``: every file of the default storage (a folder, or S3-compatible storage).

The database is copied first and the files after: a file is always written before the row that
names it commits, so every row in the copy finds its file in the archive.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.core.files.storage import Storage, default_storage

FORMAT = 1
MANIFEST = "manifest.json"
SQLITE_NAME = "database.sqlite3"
PGDUMP_NAME = "database.pgdump"
FILES = "files/"


def walk(storage: Storage = default_storage, prefix: str = "") -> Iterator[str]:
    """Every file name in ``storage`` under ``prefix`` (works on folders and on S3)."""
    try:
        folders, files = storage.listdir(prefix)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{prefix}{name}"
    for folder in sorted(folders):
        yield from walk(storage, f"{prefix}{folder}/")


def sha256_of(storage: Storage, name: str) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with storage.open(name, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


@dataclass
class Manifest:
    engine: str
    created_at: str
    ledger: dict[str, Any]
    files: list[dict[str, Any]] = field(default_factory=list)
    database: str = ""
    format: int = FORMAT

    def dumps(self) -> bytes:
        return json.dumps(self.__dict__, ensure_ascii=False, indent=1).encode()

    @classmethod
    def loads(cls, data: bytes) -> Manifest:
        raw = json.loads(data)
        if raw.get("format") != FORMAT:
            raise ValueError(f"unknown backup format {raw.get('format')!r}")
        return cls(**raw)
