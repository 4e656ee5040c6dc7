"""Ingesting many files at once (the command, the benchmark): files are read and parsed in worker
processes while this process stores them one transaction each, in the order given."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from django.db import connection, connections

from doimoi.documents.services import cache
from doimoi.documents.services.ingest import FileResult, Prepared, ingest_prepared, prepare
from doimoi.organizations.models import Unit

Progress = Callable[[int, str], None]


def default_workers() -> int:
    """One process per spare CPU (none on a single CPU)."""
    return max((os.cpu_count() or 1) - 1, 0)


def _prepare_path(path: Path) -> Prepared:
    return prepare(path.name, path.read_bytes())


def _prepared(paths: list[Path], workers: int) -> Iterator[Prepared]:
    if workers < 1 or len(paths) < 2 or connection.in_atomic_block:
        yield from (_prepare_path(p) for p in paths)  # (inside a transaction: cannot fork safely)
        return
    connections.close_all()  # forked workers must not share the database connections
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        yield from pool.map(_prepare_path, paths, chunksize=16)


def ingest_paths(
    paths: list[Path],
    *,
    actor: Any,
    unit: Unit,
    source: str,
    register_old: bool = False,
    workers: int | None = None,
    progress: Progress | None = None,
) -> list[FileResult]:
    """Ingest ``paths`` for ``unit``: one result per file, in order; a bad file never stops the rest."""
    results: list[FileResult] = []
    count = default_workers() if workers is None else workers
    with cache.batch():
        for index, prepared in enumerate(_prepared(paths, count)):
            if progress is not None:
                progress(index, prepared.name)
            results.append(
                ingest_prepared(
                    actor=actor,
                    unit=unit,
                    prepared=prepared,
                    source=source,
                    register_old=register_old,
                )
            )
    return results
