"""The file store: each original kept once, byte for byte, under its SHA-256."""

from __future__ import annotations

import hashlib
import mimetypes

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from doimoi.documents.models import StoredFile


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def storage_name(sha256: str) -> str:
    return f"documents/{sha256[:2]}/{sha256[2:4]}/{sha256}"


def put(data: bytes, name: str, sha256: str) -> tuple[StoredFile, str | None]:
    """Store new bytes (the caller has checked they are new; the unique SHA-256 catches a race)
    inside the caller's transaction, and return the storage name written, so the caller can
    remove the bytes again if the transaction fails."""
    path = storage_name(sha256)
    written = None
    present = default_storage.exists(path)
    if present and not _holds(path, sha256):
        default_storage.delete(path)  # bytes half-written by a process killed mid-write
        present = False
    if not present:
        written = default_storage.save(path, ContentFile(data))
        path = written
    stored = StoredFile.objects.create(
        sha256=sha256,
        size=len(data),
        original_name=name[:255],
        content_type=mimetypes.guess_type(name)[0] or "",
        path=path,
    )
    return stored, written


def _holds(path: str, sha256: str) -> bool:
    """Whether the stored bytes at ``path`` are whole (their SHA-256 is the name's)."""
    digest = hashlib.sha256()
    with default_storage.open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest() == sha256


def discard(written: str | None) -> None:
    """Remove bytes written by a transaction that did not commit."""
    if written:
        default_storage.delete(written)


def read(stored: StoredFile) -> bytes:
    with default_storage.open(stored.path, "rb") as handle:
        return bytes(handle.read())
