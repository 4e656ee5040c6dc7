"""``doimoi seed-demo``: create the demo organization (idempotent)."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand

from doimoi.organizations.demo import DEMO_PASSWORD, demo_logins, seed_demo


class Command(BaseCommand):
    help = "Tạo dữ liệu mẫu (chạy lại không nhân đôi) / create the demo data (idempotent)"

    def handle(self, *args: Any, **options: Any) -> None:
        units = seed_demo()
        for config in apps.get_app_configs():
            seed = getattr(config, "seed_demo", None)
            if callable(seed):  # each app adds its demo data on top of the demo organization
                seed(units)
        self.stdout.write(f"Dữ liệu mẫu sẵn sàng / demo data ready: {len(units)} đơn vị / units.")
        self.stdout.write(f"Mật khẩu chung / shared password: {DEMO_PASSWORD}")
        for username, description in demo_logins():
            self.stdout.write(f"  {username:<22} {description}")
