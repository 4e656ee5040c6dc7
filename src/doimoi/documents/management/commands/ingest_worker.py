"""``doimoi ingest_worker``: run queued ingest jobs (those a stopped web process left behind)."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from doimoi.documents.services.jobs import pending_jobs
from doimoi.documents.tasks import run_one


class Command(BaseCommand):
    help = "Xử lý các lượt nhập văn bản đang chờ / run pending ingest jobs"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--forever", action="store_true", help="chạy liên tục / keep polling")
        parser.add_argument("--interval", type=float, default=5.0)

    def handle(self, *args: Any, **options: Any) -> None:
        while True:
            jobs = pending_jobs()
            for job_id in jobs:
                run_one(job_id)
                self.stdout.write(f"lượt nhập / job #{job_id}: xong / done")
            if not options["forever"]:
                return
            time.sleep(options["interval"])
