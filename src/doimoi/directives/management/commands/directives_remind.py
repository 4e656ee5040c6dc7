"""``doimoi directives_remind``: today's reminders before and after each deadline (run daily)."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from doimoi.directives.services import reminders_send


class Command(BaseCommand):
    help = (
        "Nhắc hạn văn bản chỉ đạo (trong ứng dụng và qua thư), chạy mỗi ngày / "
        "send today's directive reminders (in the app and by email), run daily"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--ngay", "--day", dest="day", help="YYYY-MM-DD (mặc định: hôm nay)")

    def handle(self, *args: Any, **options: Any) -> None:
        day = datetime.date.fromisoformat(options["day"]) if options.get("day") else None
        sent = reminders_send(day=day)
        self.stdout.write(f"Đã gửi {sent} thông báo nhắc hạn / {sent} reminders sent.")
