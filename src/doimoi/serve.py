"""``doimoi serve``: migrate, load the demo data into an empty database, then run and supervise
the web server (gunicorn, threaded workers with timeouts) and one task worker, which also
ticks the daily schedule. ``doimoi worker`` runs workers alone for larger deployments.
"""

from __future__ import annotations

import argparse
import errno
import os
import socket
import sys
from collections.abc import Sequence


def web_processes() -> int:
    """Web processes: one per CPU, at least two (a crashed one never leaves the site down)."""
    return max(2, os.cpu_count() or 1)


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
        default=int(os.environ.get("DOIMOI_WORKERS", "0")) or web_processes(),
        help="số tiến trình web / web processes (one per CPU, at least 2)",
    )
    parser.add_argument(
        "--threads",
        type=int,
        default=int(os.environ.get("DOIMOI_THREADS", "8")),
        help="số luồng mỗi tiến trình / threads per web process (8)",
    )
    parser.add_argument(
        "--no-worker",
        action="store_true",
        help="không chạy việc nền ở đây (đã có doimoi worker) / run no task worker here",
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


def port_taken(host: str, port: int) -> bool:
    """Whether another program listens on ``host:port`` (gunicorn would retry binding forever).

    SO_REUSEADDR as gunicorn sets it: connections of a server stopped a moment ago do not count."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:  # an unknown or foreign address is gunicorn's to report
            return error.errno == errno.EADDRINUSE
    return False


def serve(argv: Sequence[str]) -> int:
    """Prepare the database and serve until interrupted."""
    args = _parser().parse_args(list(argv))
    if not 1 <= args.port <= 65535:
        print("Cổng phải từ 1 đến 65535 / port must be between 1 and 65535")
        return 2
    if port_taken(args.host, args.port):
        print(
            f"Cổng {args.port} trên {args.host} đang được một chương trình khác dùng (có thể doimoi đã"
            f" chạy rồi: http://{args.host}:{args.port}/). Hãy dừng chương trình đó hoặc chọn cổng"
            f" khác: doimoi serve --port {args.port + 1}\n"
            f"Port {args.port} on {args.host} is in use by another program (doimoi may be running"
            f" already). Stop it or choose another port: doimoi serve --port {args.port + 1}",
            file=sys.stderr,
        )
        return 2
    prepare(demo=not args.no_demo)
    from doimoi.organizations.demo import DEMO_PASSWORD, demo_logins

    print(f"doimoi đang chạy tại / is serving at: http://{args.host}:{args.port}/")
    logins = demo_logins()
    if logins and not args.no_demo:
        print(f"Tài khoản mẫu / demo logins (mật khẩu / password: {DEMO_PASSWORD}):")
        for username, description in logins:
            print(f"  {username:<22} {description}")
    from doimoi.background.supervise import Child, supervise

    children = [Child("web", gunicorn_argv(args))]
    if not args.no_worker:
        children.append(Child("worker", [sys.executable, "-m", "doimoi.cli", "worker"]))
    from django.db import connections

    connections.close_all()
    sys.stdout.flush()
    return supervise(children)


def gunicorn_argv(args: argparse.Namespace) -> list[str]:
    """gunicorn with threaded workers: a slow or half-open client holds one thread for at most
    a few seconds (gthread defers a connection that sends nothing), never a whole process."""
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "doimoi.wsgi:application",
        "--worker-class",
        "gthread",
        "--workers",
        str(args.workers),
        "--threads",
        str(args.threads),
        "--bind",
        f"{args.host}:{args.port}",
        "--timeout",
        "120",
        "--graceful-timeout",
        "30",
        # an idle connection is closed by its client (a browser, nginx's upstream keepalive: 60 s by
        # default), not by gunicorn: closed here first (gunicorn's default is 5 s), a request sent
        # on it at that moment is reset, and neither nginx nor a bench client resends a POST
        "--keep-alive",
        "75",
        "--access-logfile",
        "-",
        "--no-control-socket",  # several servers on one machine must not share one socket
    ]
