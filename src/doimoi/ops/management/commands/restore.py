"""``doimoi restore ARCHIVE``: into an empty instance only, then verify ledger and files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from doimoi.core.errors import ApplicationError
from doimoi.ops.restore import check_files, restore


class Command(BaseCommand):
    help = "Khôi phục từ bản sao lưu vào hệ thống trống / restore a backup into an empty instance"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive")

    def handle(self, *args: Any, **options: Any) -> None:
        archive = Path(options["archive"])
        if not archive.is_file():
            raise CommandError(_("Không tìm thấy tệp sao lưu %(path)s.") % {"path": archive})
        try:
            done = restore(archive)
        except ApplicationError as error:
            raise CommandError(" ".join(str(m) for m in error.messages)) from error
        report, manifest = done.report, done.manifest
        if not report.ok:
            brk = report.first_break
            reason = brk.reason if brk else report.checkpoint_reason
            raise CommandError(_("Sổ cái sau khôi phục không toàn vẹn: %(r)s.") % {"r": reason})
        wrong = check_files(manifest)
        if wrong:
            raise CommandError(_("Tệp không khớp mã SHA-256: %(f)s") % {"f": ", ".join(wrong[:5])})
        self.stdout.write(
            _(
                "Đã khôi phục: sổ cái toàn vẹn, %(n)d sự kiện, khớp mốc của bản sao lưu "
                "(số %(seq)d); %(files)d tệp khớp SHA-256."
            )
            % {"n": report.checked, "seq": manifest.ledger["seq"], "files": done.files}
        )
