"""``doimoi ingest PATH...``: ingest files and folders (recursively), with a progress bar and a
summary table at the end."""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from doimoi.documents.services.batch import ingest_paths
from doimoi.documents.services.ingest import FileResult
from doimoi.organizations.models import Unit

STATUS_LABELS = {
    "stored": "đã lưu / stored",
    "copy": "bản khác / copy",
    "duplicate": "trùng tệp / duplicate",
    "failed": "lỗi / failed",
}
BAR = 30


def collect(paths: list[str]) -> list[Path]:
    """Every file under the given files and folders, in a stable order (hidden files skipped)."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise CommandError(f"Không tìm thấy / not found: {raw}")
        if path.is_dir():
            found += sorted(
                p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")
            )
        else:
            found.append(path)
    return found


def find_unit(value: str) -> Unit:
    """A unit by id or exact name."""
    unit = (
        Unit.objects.filter(pk=int(value)).first()
        if value.isdigit()
        else Unit.objects.filter(name=value).first()
    )
    if unit is None:
        raise CommandError(f"Không có đơn vị / no such unit: {value}")
    return unit


class Command(BaseCommand):
    help = "Nhập văn bản từ tệp và thư mục / ingest documents from files and folders"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", help="tệp hoặc thư mục / files or folders")
        parser.add_argument(
            "--unit", required=True, help="đơn vị lưu giữ (mã số hoặc tên) / holding unit"
        )
        parser.add_argument("--user", default="", help="người nhập / acting user (username)")
        parser.add_argument("--json", action="store_true", help="kết quả dạng JSON / JSON output")
        parser.add_argument(
            "--register-old",
            action="store_true",
            help="vào sổ văn bản đến năm nay cả văn bản ban hành trước năm nay / enter documents "
            "dated before this year in this year's incoming register (off: an archive upload)",
        )
        parser.add_argument(
            "--jobs",
            type=int,
            default=None,
            help="số tiến trình đọc tệp song song / worker processes reading files "
            "(mặc định / default: CPUs - 1)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        unit = find_unit(options["unit"])
        actor = None
        if options["user"]:
            actor = get_user_model().objects.filter(username=options["user"]).first()
            if actor is None:
                raise CommandError(f"Không có người dùng / no such user: {options['user']}")
        paths = collect(options["paths"])
        started = time.perf_counter()
        results = ingest_paths(
            paths,
            actor=actor,
            unit=unit,
            source="command",
            register_old=options["register_old"],
            workers=options["jobs"],
            progress=lambda done, name: self._progress(done, len(paths), name),
        )
        self._progress(len(paths), len(paths), "")
        elapsed = time.perf_counter() - started
        if options["json"]:
            self.stdout.write(json.dumps([r.as_dict() for r in results], ensure_ascii=False))
        else:
            self._table(results, elapsed)

    def _progress(self, done: int, total: int, name: str) -> None:
        filled = BAR * done // max(total, 1)
        line = f"[{'#' * filled}{'.' * (BAR - filled)}] {done}/{total} {name[:40]}"
        stream = self.stderr
        if stream.isatty():
            stream.write("\r" + line.ljust(BAR + 60), ending="\n" if done == total else "")
        elif name or done == total:
            stream.write(line)
        stream.flush()

    def _table(self, results: list[FileResult], elapsed: float) -> None:
        width = min(max((len(r.name) for r in results), default=8), 40)
        self.stdout.write(f"{'Tệp / file':<{width}}  {'Kết quả / result':<22}  Văn bản / documents")
        self.stdout.write("-" * (width + 50))
        for r in results:
            refs = ", ".join(d["reference"] or f"#{d['id']}" for d in r.documents)
            detail = refs if r.ok else r.message
            self.stdout.write(f"{r.name[:width]:<{width}}  {STATUS_LABELS[r.status]:<22}  {detail}")
        counts = Counter(r.status for r in results)
        documents = sum(1 for r in results for d in r.documents if d["created"])
        self.stdout.write("-" * (width + 50))
        summary = ", ".join(f"{STATUS_LABELS[k]}: {v}" for k, v in sorted(counts.items()))
        self.stdout.write(
            f"{len(results)} tệp / files; {documents} văn bản mới / new documents; {summary}; "
            f"{elapsed:.1f} s"
        )
