"""``doimoi cleanup_files``: remove stored bytes no row names (the nightly task does it too)."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from doimoi.documents.services.orphans import orphan_files_remove


class Command(BaseCommand):
    help = "Xóa tệp không thuộc văn bản nào / remove stored files that no row names"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--grace", type=float, default=3600, help="chỉ tệp cũ hơn (giây) / older than (s)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        removed = orphan_files_remove(grace=datetime.timedelta(seconds=options["grace"]))
        for name in removed:
            self.stdout.write(name)
        self.stdout.write(f"Đã xóa {len(removed)} tệp / {len(removed)} files removed.")
