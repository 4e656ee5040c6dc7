"""The ``doimoi`` command: serve, seed, parse, verify the ledger, and every Django command.

Vietnamese first, English second in every line of help.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

COMMANDS: dict[str, str] = {
    "serve": "chạy máy chủ web và việc nền, có dữ liệu mẫu / run the web server, a task worker and the daily schedule",
    "worker": "chỉ chạy việc nền: doimoi worker [--processes N] / run background task workers alone",
    "seed-demo": "tạo dữ liệu mẫu (chạy lại không nhân đôi) / create the demo data (idempotent)",
    "parse": "đọc thông tin văn bản: doimoi parse TỆP... [--json] / read documents' metadata",
    "ingest": "nhập văn bản từ tệp, thư mục: doimoi ingest --unit ĐƠN_VỊ ĐƯỜNG_DẪN... / ingest files",
    "exchange": "liên thông edXML: doimoi exchange import|export|poll|agencies / e-office exchange",
    "ledger": "sổ cái: doimoi ledger verify [--checkpoints TỆP...] | checkpoint | keygen / verify the ledger against its checkpoints",
    "backup": "sao lưu cơ sở dữ liệu và kho tệp: doimoi backup [TỆP] / back up database and files",
    "restore": "khôi phục vào hệ thống trống: doimoi restore TỆP / restore into an empty instance",
    "migrate": "cập nhật cấu trúc cơ sở dữ liệu / apply database migrations",
    "createsuperuser": "tạo tài khoản quản trị hệ thống / create an administrator account",
}
ALIASES = {"seed-demo": "seed_demo"}


def _help() -> str:
    width = max(len(name) for name in COMMANDS)
    lines = [
        "doimoi — nền tảng cho các tổ chức trong hệ thống chính trị / "
        "a platform for the organizations of Vietnam's political system",
        "",
        "Cách dùng / usage: doimoi LỆNH [tham số]   (doimoi LỆNH --help)",
        "",
        "Lệnh / commands:",
    ]
    lines += [f"  {name.ljust(width)}  {text}" for name, text in COMMANDS.items()]
    lines += [
        "",
        "Mọi lệnh quản trị của Django cũng dùng được / every Django management command works too.",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``doimoi`` console script."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help", "help"}:
        print(_help())
        return 0
    name, rest = args[0], args[1:]
    if name == "parse":
        from doimoi.vbparse.command import run

        return run(rest)
    if name == "serve":
        from doimoi.serve import serve

        return serve(rest)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doimoi.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["doimoi", ALIASES.get(name, name), *rest])
    return 0


if __name__ == "__main__":
    sys.exit(main())
