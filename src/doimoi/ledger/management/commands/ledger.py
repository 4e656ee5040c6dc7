"""``doimoi ledger verify``: walk the hash chain and name the first event that does not fit."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from doimoi.ledger.verify import verify


class Command(BaseCommand):
    help = "Sổ cái sự kiện: kiểm tra chuỗi băm / Ledger: verify the hash chain"

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("verify", help="kiểm tra toàn bộ chuỗi / verify the whole chain")

    def handle(self, *args: Any, **options: Any) -> None:
        report = verify()
        if report.first_break is None:
            self.stdout.write(
                _("Sổ cái toàn vẹn: %(n)d sự kiện, mã băm cuối %(head)s.")
                % {"n": report.checked, "head": report.head[:16]}
            )
            return
        brk = report.first_break
        raise CommandError(
            _("Sổ cái không toàn vẹn tại sự kiện số %(seq)d: %(reason)s.")
            % {"seq": brk.seq, "reason": brk.reason}
        )
