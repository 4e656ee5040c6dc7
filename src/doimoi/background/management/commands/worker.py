"""``doimoi worker``: run task workers alone (beside web servers, or on other machines)."""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from doimoi.background.supervise import Child, supervise
from doimoi.background.worker import run_worker, status


class Command(BaseCommand):
    help = (
        "Chạy tiến trình xử lý việc nền (nhập văn bản, báo cáo, thư, nhắc hạn) / "
        "run background task workers"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--processes", type=int, default=1, help="số tiến trình / worker processes (1)"
        )
        parser.add_argument(
            "--queue",
            default="*",
            help="hàng đợi, cách nhau dấu phẩy / queues, comma-separated (*)",
        )
        parser.add_argument("--interval", type=float, default=1.0, help="giây / poll interval")
        parser.add_argument(
            "--status", action="store_true", help="xem tình trạng hàng đợi / show the queue"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["status"]:
            for key, value in status().items():
                self.stdout.write(f"{key}: {value}")
            return
        queues = options["queue"].split(",")
        if options["processes"] <= 1:
            run_worker(queues=queues, interval=options["interval"])
            return
        argv = [sys.executable, "-m", "doimoi.cli", "worker", "--queue", options["queue"]]
        children = [Child(f"worker-{i + 1}", argv) for i in range(options["processes"])]
        sys.exit(supervise(children))
