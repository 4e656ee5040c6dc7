"""How fast edXML packets go out and come in.

1. Pure format: packets read and written per second (``doimoi.exchange.edxml``, no database),
   each carrying one ~20 kB text document zipped and base64-encoded as the hub's SDK does.
2. Import: packets per second through ``packet_import`` (the ingest pipeline: original stored,
   text read and parsed, register entry, ledger events, search index, a 03 status packet back).
3. Export: documents per second through ``document_export`` (packet written and kept).

SQLite in a fresh folder (a child process, settings read at start). The table goes to
``docs/benchmarks.md`` between ``<!-- bench:exchange -->`` markers.

Run: ``.venv/bin/python bench/exchange.py [--packets 500]``
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from report import write_section  # bench/report.py (scripts run as bench/<name>.py)

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "src" / "doimoi" / "documents" / "demo_corpus" / "000_bb21b65b2818ef4b.txt"


def _setup(var_dir: str) -> Any:
    os.environ["DOIMOI_VAR_DIR"] = var_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doimoi.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from doimoi.exchange.demo import seed_demo as seed_codes
    from doimoi.organizations.demo import seed_demo

    units = seed_demo()
    seed_codes(units)
    return units


def _packets(units: dict[str, Any], count: int) -> list[bytes]:
    from doimoi.exchange import edxml
    from doimoi.exchange.selectors import code_of

    text = SEED.read_text("utf-8")
    sender = edxml.Organ(code_of(units["Thành ủy Bảo Lộc"]), name="Thành ủy Bảo Lộc")
    to = edxml.Organ(code_of(units["Ban Tuyên giáo Thành ủy Bảo Lộc"]))
    packets = []
    for index in range(count):
        number = str(1000 + index)
        body = text.replace("Số 64-KH/ThU", f"Số {number}-KH/ThU") + f"\n{index}\n"
        header = edxml.Header(
            sender=sender,
            recipients=[to],
            number=number,
            notation="KH/ThU",
            date=datetime.date(2022, 5, 4),
            type_name="Kế hoạch",
            subject=f"Kế hoạch số {number}",
            document_id=edxml.document_id(
                sender.organ_id, datetime.date(2022, 5, 4), number, "KH/ThU"
            ),
        )
        attachment = edxml.Attachment(f"{number}.txt", body.encode())
        packets.append(edxml.write_document(edxml.DocumentPacket(header, attachments=[attachment])))
    return packets


def _rate(count: int, seconds: float) -> float:
    return round(count / seconds, 1) if seconds else 0.0


def child(count: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as var_dir:
        units = _setup(var_dir)
        from doimoi.documents.models import Document
        from doimoi.documents.services import cache
        from doimoi.exchange import edxml
        from doimoi.exchange.services import document_export, packet_import

        start = time.perf_counter()
        packets = _packets(units, count)
        written = time.perf_counter() - start
        start = time.perf_counter()
        for data in packets:
            edxml.read(data)
        read = time.perf_counter() - start
        unit = units["Ban Tuyên giáo Thành ủy Bảo Lộc"]
        start = time.perf_counter()
        with cache.batch():  # as the command and the inbox poll run it
            results = [
                packet_import(actor=None, unit=unit, name="p.edxml", data=d, source="bench")
                for d in packets
            ]
        imported = time.perf_counter() - start
        assert all(r.ok for r in results), [r.message for r in results if not r.ok][:3]
        ids = [r.documents[0]["id"] for r in results]
        documents = list(Document.objects.filter(pk__in=ids).select_related("issuer_unit"))
        start = time.perf_counter()
        for document in documents:
            document_export(actor=None, document=document, recipients=[units["Thành ủy Bảo Lộc"]])
        exported = time.perf_counter() - start
        return {
            "count": count,
            "size_kb": round(sum(map(len, packets)) / len(packets) / 1024, 1),
            "write": _rate(count, written),
            "read": _rate(count, read),
            "import": _rate(count, imported),
            "export": _rate(len(documents), exported),
        }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--packets", type=int, default=500)
    parser.add_argument("--child", action="store_true")
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.packets)))
        return 0
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["PYTHONPATH"] = str(ROOT / "src")
    done = subprocess.run(
        [sys.executable, __file__, "--child", "--packets", str(args.packets)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(done.stderr[-3000:])
    r = json.loads(done.stdout.strip().splitlines()[-1])
    section = "\n".join(
        [
            "## edXML exchange (bench/exchange.py)",
            "",
            f"{r['count']} packets of {r['size_kb']} kB (one text document each, zipped and "
            f"base64), SQLite, {platform.python_implementation()} {platform.python_version()}, "
            f"{os.cpu_count()} CPU, {datetime.date.today().isoformat()}.",
            "",
            "| step | per second |",
            "| --- | ---: |",
            f"| write a packet (no database) | {r['write']} |",
            f"| read a packet (no database) | {r['read']} |",
            f"| import a packet (whole ingest path, 03 status back) | {r['import']} |",
            f"| export a document (packet written and kept) | {r['export']} |",
            "",
            f"Command: `.venv/bin/python bench/exchange.py --packets {r['count']}`",
        ]
    )
    write_section("exchange", section)
    print(section)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
