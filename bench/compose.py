"""How long the composer takes: a plan of ~30 paragraphs as text, as DOCX, and as PDF through
LibreOffice headless (the PDF is what an issue waits for while it holds the register's number).

Results go to ``docs/benchmarks.md`` between ``<!-- bench:compose -->`` markers.

Run: ``DJANGO_SETTINGS_MODULE=doimoi.settings .venv/bin/python bench/compose.py [--rounds 5]``
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import statistics
import time
from collections.abc import Callable

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doimoi.settings")
django.setup()

from doimoi import compose  # noqa: E402
from doimoi.compose.convert import docx_to_pdf  # noqa: E402
from doimoi.reporting.kinds import TEMPLATES, Context, Source, compose_from  # noqa: E402
from report import write_section  # noqa: E402  (bench/report.py)


def _plan() -> compose.Composition:
    points = [
        f"Nhiệm vụ thứ {i}: quán triệt, triển khai, kiểm tra, báo cáo kết quả." for i in range(20)
    ]
    source = Source(
        "Công văn", "1335-CV/TU", datetime.date(2022, 3, 16), "Tỉnh ủy Lâm Đồng", points=points
    )
    ctx = Context(
        kind="party", issuer="Đảng ủy phường 1 Bảo Lộc", issuer_code="ĐU", place="Bảo Lộc",
        day=datetime.date.today(), signer_title="Bí thư", signer_name="Phan Thị Thanh Hương",
        authority="T/M BAN THƯỜNG VỤ", superior="ĐẢNG BỘ TỈNH LÂM ĐỒNG", source=source,
        reference="01-KH/ĐU",
    )  # fmt: skip
    return compose_from(TEMPLATES["plan"], ctx)


def _time(step: Callable[[], object], rounds: int) -> float:
    times = []
    for _round in range(rounds):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    rounds = parser.parse_args().rounds
    c = _plan()
    docx = compose.render_docx(c)
    rows = [
        ("text (plain_text)", _time(lambda: compose.plain_text(c), rounds * 20)),
        ("DOCX (render_docx)", _time(lambda: compose.render_docx(c), rounds * 4)),
        ("PDF (LibreOffice headless, cold profile)", _time(lambda: docx_to_pdf(docx), rounds)),
    ]
    lines = [
        "## Composer: one plan of ~30 paragraphs",
        "",
        f"{datetime.date.today():%d/%m/%Y}, {platform.processor() or platform.machine()}, "
        f"{os.cpu_count()} CPU, median of {rounds}+ runs (machine shared with other work).",
        "",
        "| step | median |",
        "| --- | --- |",
        *(f"| {name} | {seconds * 1000:.2f} ms |" for name, seconds in rows),
    ]
    write_section("compose", "\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
