"""``doimoi ledger verify|checkpoint|keygen``: verify the hash chain against the checkpoints
written down outside it; write a checkpoint; make a signing key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from doimoi.ledger import checkpoints
from doimoi.ledger.verify import Report, verify


class Command(BaseCommand):
    help = "Sổ cái sự kiện: kiểm tra chuỗi băm / Ledger: verify the hash chain"

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        check = sub.add_parser("verify", help="kiểm tra toàn bộ chuỗi / verify the whole chain")
        check.add_argument(
            "--checkpoints",
            nargs="*",
            default=None,
            help="tệp mốc kiểm chứng (.jsonl) hoặc manifest.json của bản sao lưu / checkpoint files",
        )
        check.add_argument("--public-key", help="khóa công khai Ed25519 / Ed25519 public key (PEM)")
        mark = sub.add_parser("checkpoint", help="ghi mốc kiểm chứng / write a checkpoint now")
        mark.add_argument("--reason", default="manual")
        keygen = sub.add_parser("keygen", help="tạo khóa ký Ed25519 / make an Ed25519 key")
        keygen.add_argument("path")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "checkpoint":
            point = checkpoints.record(options["reason"])
            self.stdout.write(point.label() if point else _("Sổ cái trống."))
            return
        if action == "keygen":
            public = checkpoints.generate_key(Path(options["path"]))
            self.stdout.write(f"{options['path']} ({public})")
            return
        self._verify(options)

    def _verify(self, options: dict[str, Any]) -> None:
        files = options["checkpoints"]
        paths = [Path(f) for f in files] if files else [checkpoints.default_path()]
        points = checkpoints.read(p for p in paths if p.exists())
        if options.get("public_key") and points:
            forged = checkpoints.bad_signature(points, Path(options["public_key"]).read_bytes())
            if forged is not None:
                raise CommandError(
                    _("Mốc kiểm chứng %(cp)s có chữ ký không hợp lệ.") % {"cp": forged.label()}
                )
        report = verify(points)
        self._report(report)

    def _report(self, report: Report) -> None:
        if report.first_break is not None:
            brk = report.first_break
            raise CommandError(
                _("Sổ cái không toàn vẹn tại sự kiện số %(seq)d: %(reason)s.")
                % {"seq": brk.seq, "reason": brk.reason}
            )
        if report.failed_checkpoint is not None:
            raise CommandError(
                _("Sổ cái không khớp mốc kiểm chứng %(cp)s: %(reason)s.")
                % {"cp": report.failed_checkpoint.label(), "reason": report.checkpoint_reason}
            )
        self.stdout.write(
            _("Sổ cái toàn vẹn: %(n)d sự kiện, mã băm cuối %(head)s.")
            % {"n": report.checked, "head": report.head[:16]}
        )
        if report.checkpoints:
            self.stdout.write(
                _("Khớp %(n)d mốc kiểm chứng ghi ngoài cơ sở dữ liệu.") % {"n": report.checkpoints}
            )
