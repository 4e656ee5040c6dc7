"""``doimoi serve``: migrate, load the demo data into an empty database, serve with gunicorn."""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from typing import Any

from gunicorn.app.base import BaseApplication


class _Gunicorn(BaseApplication):
    """gunicorn serving doimoi's WSGI application with the given options."""

    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        from doimoi.wsgi import application

        return application


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="doimoi serve", description="Chạy máy chủ web / run the web server"
    )
    parser.add_argument(
        "--host",
        default=os.environ.get("DOIMOI_HOST", "127.0.0.1"),
        help="địa chỉ lắng nghe / address to bind (127.0.0.1)",
    )
    parser.add_argument(
        "--port",
        type=int,
        default=int(os.environ.get("DOIMOI_PORT", "8000")),
        help="cổng / port (8000)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=int(os.environ.get("DOIMOI_WORKERS", "2")),
        help="số tiến trình / worker processes (2)",
    )
    parser.add_argument(
        "--no-demo", action="store_true", help="không nạp dữ liệu mẫu / do not load the demo data"
    )
    return parser


def prepare(*, demo: bool) -> bool:
    """Migrate, collect static files, and seed the demo when the database has no units."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doimoi.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from doimoi.organizations.models import Unit

    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    seeded = False
    if demo and not Unit.objects.exists():
        call_command("seed_demo", verbosity=0)
        seeded = True
    return seeded


def serve(argv: Sequence[str]) -> int:
    """Prepare the database and serve until interrupted."""
    args = _parser().parse_args(list(argv))
    if not 1 <= args.port <= 65535:
        print("Cổng phải từ 1 đến 65535 / port must be between 1 and 65535")
        return 2
    prepare(demo=not args.no_demo)
    from doimoi.organizations.demo import DEMO_PASSWORD, demo_logins

    print(f"doimoi đang chạy tại / is serving at: http://{args.host}:{args.port}/")
    logins = demo_logins()
    if logins and not args.no_demo:
        print(f"Tài khoản mẫu / demo logins (mật khẩu / password: {DEMO_PASSWORD}):")
        for username, description in logins:
            print(f"  {username:<22} {description}")
    options = {
        "bind": f"{args.host}:{args.port}",
        "workers": args.workers,
        "accesslog": "-",
        "timeout": 120,
    }
    _Gunicorn(options).run()
    return 0
