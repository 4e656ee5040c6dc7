"""Stored bytes that no row names: originals written by a transaction that then failed (or by
a process killed half-way), and staged batch files whose item is finished or gone."""

from __future__ import annotations

import datetime

from django.core.files.storage import default_storage
from django.utils import timezone

from doimoi.compose import convert
from doimoi.documents.models import IngestItem, ItemStatus, StoredFile

GRACE = datetime.timedelta(hours=1)
OPEN = (ItemStatus.PENDING, ItemStatus.RUNNING)


def _walk(prefix: str) -> list[str]:
    try:
        folders, files = default_storage.listdir(prefix)
    except FileNotFoundError:
        return []
    found = [f"{prefix}{name}" for name in files]
    for folder in folders:
        found += _walk(f"{prefix}{folder}/")
    return found


def _old(name: str, before: datetime.datetime) -> bool:
    try:
        return default_storage.get_modified_time(name) < before
    except (FileNotFoundError, NotImplementedError):
        return False


def _orphans(before: datetime.datetime) -> list[str]:
    stored = _walk("documents/")
    known = set(StoredFile.objects.filter(path__in=stored).values_list("path", flat=True))
    staged = _walk("ingest-staging/")
    waiting = set(
        IngestItem.objects.filter(staged__in=staged, status__in=OPEN).values_list(
            "staged", flat=True
        )
    )
    candidates = [n for n in stored if n not in known] + [n for n in staged if n not in waiting]
    return [n for n in candidates if _old(n, before)]


def orphan_files_remove(*, grace: datetime.timedelta = GRACE) -> list[str]:
    """Remove files no row names that are older than ``grace`` (a younger one may belong to a
    transaction still running), and the work folders of conversions a killed process left;
    the names removed."""
    removed = []
    for name in _orphans(timezone.now() - grace):
        default_storage.delete(name)
        removed.append(name)
    folders = convert.stale_remove(grace.total_seconds())
    return removed + [f"{f.name}/" for f in folders]
