"""``doimoi backup [PATH]``: the database, the file store and a manifest in one archive."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from doimoi.ops.backup import backup


class Command(BaseCommand):
    help = "Sao lưu cơ sở dữ liệu và kho tệp vào một tệp / back up the database and the files"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", nargs="?", help="tệp .tar.gz (mặc định var/backups/…)")

    def handle(self, *args: Any, **options: Any) -> None:
        path, manifest = backup(Path(options["path"]) if options["path"] else None)
        self.stdout.write(
            _("Đã sao lưu vào %(path)s: %(files)d tệp, sổ cái đến sự kiện số %(seq)d (%(hash)s).")
            % {
                "path": path,
                "files": len(manifest.files),
                "seq": manifest.ledger["seq"],
                "hash": manifest.ledger["hash"][:16],
            }
        )
