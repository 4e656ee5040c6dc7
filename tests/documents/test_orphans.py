"""The clean-up of stored bytes that no row names (a failed transaction's, a killed process's)."""

from __future__ import annotations

import datetime
import os
import time
from pathlib import Path
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from doimoi.documents.models import IngestItem
from doimoi.documents.services import jobs, store
from doimoi.documents.services.ingest import ingest_file
from doimoi.documents.services.orphans import orphan_files_remove
from tests.documents import files


@pytest.fixture
def admin(persona: Any) -> Any:
    return persona("admin")


def _age(root: Path, name: str, hours: float) -> None:
    then = time.time() - hours * 3600
    os.utime(root / name, (then, then))


@pytest.fixture(autouse=True)
def _private_var(settings: Any, tmp_path: Path) -> Path:
    settings.VAR_DIR = tmp_path / "var"
    return Path(settings.VAR_DIR)


def test_only_old_files_that_no_row_names_are_removed(
    demo: dict[str, Any], admin: Any, _private_file_store: Path
) -> None:
    unit = demo["Tỉnh ủy Lâm Đồng"]
    kept = ingest_file(
        actor=admin, unit=unit, name="64.txt", data=files.PLAN_64.read_bytes(), source="t"
    )
    assert kept.ok
    kept_path = store.storage_name(store.digest(files.PLAN_64.read_bytes()))
    orphan = default_storage.save(store.storage_name("ab" * 32), ContentFile(b"half a file"))
    young = default_storage.save(store.storage_name("cd" * 32), ContentFile(b"being written"))
    job = jobs.ingest_job_create(actor=admin, unit=unit)
    waiting = jobs.ingest_job_add(actor=admin, job=job, name="a.txt", size=3, chunks=[b"abc"])
    done = jobs.ingest_job_add(actor=admin, job=job, name="b.txt", size=3, chunks=[b"def"])
    IngestItem.objects.filter(pk=done.pk).update(status="stored")  # its staged copy was left
    for name in (kept_path, orphan, waiting.staged, done.staged):
        _age(_private_file_store, name, 2)
    removed = orphan_files_remove(grace=datetime.timedelta(hours=1))
    assert sorted(removed) == sorted([orphan, done.staged])
    for name in (kept_path, young, waiting.staged):
        assert default_storage.exists(name)


def test_the_folders_of_conversions_a_killed_worker_left_are_removed(_private_var: Path) -> None:
    from doimoi.compose.convert import work_root

    left = work_root() / "doimoi-lo-killed"
    (left / "profile").mkdir(parents=True)
    (left / "input.docx").write_bytes(b"PK")
    running = work_root() / "doimoi-lo-running"
    running.mkdir()
    _age(work_root(), left.name, 2)
    removed = orphan_files_remove(grace=datetime.timedelta(hours=1))
    assert removed == ["doimoi-lo-killed/"]
    assert not left.exists() and running.exists()
