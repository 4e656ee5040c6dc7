"""How fast documents come in, and how fast search answers.

1. Ingest: documents per second for the whole path (read the file, extract, parse, store the
   original and the document, resolve citations, write the ledger, index for search), 10,000
   text documents, on SQLite and on PostgreSQL, through ``ingest_file`` as the command uses it.
2. Search: latency (median, p95) of ``document_search`` over 100,000 documents, for a clerk
   whose view is scoped to a unit subtree, with queries typed without accents. The 100,000
   documents are loaded in bulk (rows and search index as ingest writes them), not ingested.

Each database runs in its own child process (settings are read at start). The table goes to
``docs/benchmarks.md`` between ``<!-- bench:ingest -->`` markers (only that section changes).

Run: ``.venv/bin/python bench/ingest.py [--docs 10000] [--search-docs 100000] [--db both]``
(PostgreSQL from ``--pg-url``, default postgres://postgres@127.0.0.1:5432/doimoi_bench).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from report import write_section  # bench/report.py (scripts run as bench/<name>.py)

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "src" / "doimoi" / "documents" / "demo_corpus"
TARGET_RATE, TARGET_P95_MS = 200, 50
ISSUERS = [  # (parent line, issuer line, code) of demo units, so issuer matching does real work
    ("ĐẢNG BỘ TỈNH LÂM ĐỒNG", "THÀNH ỦY BẢO LỘC", "ThU"),
    ("ĐẢNG BỘ TỈNH LÂM ĐỒNG", "ĐẢNG ỦY KHỐI DOANH NGHIỆP", "ĐUK"),
    ("ĐẢNG BỘ TỈNH LÂM ĐỒNG", "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "ĐUK"),
    ("", "TỈNH ỦY LÂM ĐỒNG", "TU"),
    ("ĐẢNG BỘ THÀNH PHỐ BẢO LỘC", "ĐẢNG ỦY PHƯỜNG 1", "ĐU"),
]
TYPES = [("KẾ HOẠCH", "KH"), ("BÁO CÁO", "BC"), ("NGHỊ QUYẾT", "NQ"), ("THÔNG BÁO", "TB")]
CITED = [
    "Kết luận số 14-KL/TW, ngày 22/9/2021 của Bộ Chính trị",
    "Công văn số 1335-CV/TU, ngày 16/3/2022 của Ban Thường vụ Tỉnh ủy",
    "Kế hoạch số 40-KH/TU ngày 21/4/2022 của Ban Thường vụ Tỉnh ủy",
]
QUERIES = [
    "dang uy khoi",
    "can bo nang dong sang tao",
    "tuyen truyen",
    "ke hoach thuc hien",
    "xay dung dang",
    "bao ve can bo",
    "khuyen khich",
    "chi bo",
    "thi diem",
    "mo hinh moi",
    "Đảng ủy",
    "hệ thống chính trị",
    "nghi quyet dai hoi",
    "1335-CV/TU",
    "phong chong tham nhung",
    "bien duong khen thuong",
    "dan van",
    "quan triet",
]


def paragraphs() -> list[str]:
    lines: list[str] = []
    for path in sorted(CORPUS.glob("*.txt")):
        body = path.read_text(encoding="utf-8").split("-----", 1)[-1].split("Nơi nhận", 1)[0]
        lines += [" ".join(line.split()) for line in body.splitlines() if len(line.strip()) > 40]
    return lines


def compose(rng: random.Random, index: int, lines: list[str]) -> str:
    """One party document of about 2-3 kB: header, title, body, recipients, signature."""
    parent, issuer, code = rng.choice(ISSUERS)
    type_name, type_code = rng.choice(TYPES)
    day = datetime.date(2021, 1, 1) + datetime.timedelta(days=rng.randrange(1500))
    body = rng.sample(lines, 14)
    body.insert(
        0, f"Thực hiện {rng.choice(CITED)}, Ban Thường vụ ban hành {type_name.lower()} như sau:"
    )
    head = [
        parent,
        issuer,
        "*",
        f"Số {index + 100}-{type_code}/{code}",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        f"Bảo Lộc, ngày {day.day:02d} tháng {day.month} năm {day.year}",
        "",
        type_name,
        " ".join(rng.sample(lines, 1)[0].split()[:12]),
        "-----",
    ]
    tail = [
        "",
        "Nơi nhận:",
        "- Ban Thường vụ Tỉnh ủy (b/c),",
        "- Các chi bộ trực thuộc,",
        "- Lưu VP.",
        "T/M BAN THƯỜNG VỤ",
        "BÍ THƯ",
        "",
        "Nguyễn Văn An",
    ]
    return "\n".join([*(h for h in head if h), *body, *tail]) + "\n"


def _setup(var_dir: str) -> Any:
    os.environ["DOIMOI_VAR_DIR"] = var_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doimoi.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from doimoi.organizations.demo import seed_demo

    return seed_demo()


def run_ingest(units: dict[str, Any], count: int, folder: Path) -> dict[str, Any]:
    from doimoi.documents.services.batch import ingest_paths

    rng, lines = random.Random(20260524), paragraphs()
    paths = []
    for i in range(count):
        path = folder / f"vb-{i:05d}.txt"
        path.write_text(compose(rng, i, lines), encoding="utf-8")
        paths.append(path)
    unit = units["Tỉnh ủy Lâm Đồng"]
    started = time.perf_counter()
    results = ingest_paths(paths, actor=None, unit=unit, source="bench")  # as the command does
    elapsed = time.perf_counter() - started
    failed = sum(r.status == "failed" for r in results)
    return {"docs": count, "seconds": elapsed, "rate": count / elapsed, "failed": failed}


def vocabulary() -> tuple[list[str], list[float]]:
    """The seeds' words, most frequent first, with Zipf weights (1/rank): real text's shape."""
    counts: dict[str, int] = {}
    for path in sorted(CORPUS.glob("*.txt")):
        for word in path.read_text(encoding="utf-8").split():
            word = word.strip('.,;:()"“”*-')
            if word and not word.isdigit():
                counts[word] = counts.get(word, 0) + 1
    words = sorted(counts, key=lambda w: -counts[w])
    return words, [1 / (rank + 1) for rank in range(len(words))]


def synthetic(rng: random.Random, words: list[str], weights: list[float], size: int) -> str:
    """``size`` words drawn with Zipf weights, in sentences."""
    drawn = rng.choices(words, weights=weights, k=size)
    return " ".join(w + ("." if i % 17 == 16 else "") for i, w in enumerate(drawn))


def bulk_load(units: dict[str, Any], total: int) -> None:
    """Fill the database up to ``total`` documents, in bulk, indexed like ingest indexes them."""
    from django.db import transaction

    from doimoi.core.text import fold
    from doimoi.documents.models import Document, DocumentState
    from doimoi.documents.search import backend, body_of

    rng = random.Random(7)
    words, weights = vocabulary()
    holders = [
        units[n]
        for n in (
            "Thành ủy Bảo Lộc",
            "Đảng ủy phường 1",
            "Đảng ủy Khối Doanh nghiệp tỉnh Lâm Đồng",
            "Đảng ủy Khối các cơ quan tỉnh Lâm Đồng",
            "Tỉnh ủy Lâm Đồng",
        )
    ]
    search = backend()
    existing = Document.objects.count()
    for start in range(existing, total, 2000):
        batch = []
        for i in range(start, min(start + 2000, total)):
            text = synthetic(rng, words, weights, 350)
            day = datetime.date(2015, 1, 1) + datetime.timedelta(days=rng.randrange(4000))
            batch.append(
                Document(
                    state=DocumentState.REVIEW,
                    kind="party",
                    number=str(i),
                    symbol="KH/ThU",
                    symbol_key="kh/thu",
                    type_code="KH",
                    type_name="Kế hoạch",
                    issuer_name="Thành ủy Bảo Lộc",
                    date=day,
                    title=text[:120],
                    text=text,
                    unit=rng.choice(holders),
                )
            )
        with transaction.atomic():
            for document in Document.objects.bulk_create(batch):
                search.index(
                    document.pk,
                    body_of(
                        document.reference,
                        document.type_name,
                        document.issuer_name,
                        document.title,
                        folded=fold(document.text),
                    ),
                    fresh=True,  # new rows: nothing to delete first
                )
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE" if connection.vendor == "postgresql" else "PRAGMA optimize")


def run_search(units: dict[str, Any], total: int, rounds: int) -> dict[str, Any]:
    from django.contrib.auth import get_user_model

    from doimoi.documents import selectors

    bulk_load(units, total)
    clerk = get_user_model().objects.get(username="vanthu.baoloc")
    for query in QUERIES:  # warm up
        selectors.document_search(viewer=clerk, query=query)
    times = []
    for _ in range(rounds):
        for query in QUERIES:
            clerk = get_user_model().objects.get(username="vanthu.baoloc")  # no cached scope
            started = time.perf_counter()
            page = selectors.document_search(viewer=clerk, query=query)
            [str(hit.snippet) for hit in page.hits]
            times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {
        "docs": total,
        "queries": len(times),
        "median_ms": statistics.median(times),
        "p95_ms": times[int(len(times) * 0.95) - 1],
    }


def child(db: str, docs: int, search_docs: int, rounds: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="doimoi-bench-") as tmp:
        units = _setup(tmp)
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        result = {"db": db, "ingest": run_ingest(units, docs, folder)}
        if search_docs:
            result["search"] = run_search(units, search_docs, rounds)
        return result


def _pg_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def spawn(db: str, args: argparse.Namespace) -> dict[str, Any]:
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)
    if db == "postgresql":
        _pg_database(args.pg_url)
        env["DATABASE_URL"] = args.pg_url
    command = [
        sys.executable,
        __file__,
        "--child",
        db,
        "--docs",
        str(args.docs),
        "--search-docs",
        str(args.search_docs),
        "--rounds",
        str(args.rounds),
    ]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(done.stderr[-3000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def _verdict(ok: bool) -> str:
    return "meets" if ok else "**misses**"


def report(results: list[dict[str, Any]], command: str) -> str:
    cpu = platform.processor() or platform.machine()
    lines = [
        f"### Ingest and search ({datetime.date.today():%d/%m/%Y})",
        "",
        f"`{command}` — Python {platform.python_version()}, {cpu}, {os.cpu_count()} CPUs.",
        "",
        "| database | documents ingested | seconds | documents/s | target | search over | median | p95 | target |",
        "| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | --- |",
    ]
    for r in results:
        ing, sea = r["ingest"], r.get("search")
        target = (
            f"≥ {TARGET_RATE}/s: {_verdict(ing['rate'] >= TARGET_RATE)}"
            if r["db"] == "sqlite"
            else "—"
        )
        search = (
            "| — | — | — | — |"
            if not sea
            else f"| {sea['docs']:,} | {sea['median_ms']:.1f} ms | {sea['p95_ms']:.1f} ms | "
            f"≤ {TARGET_P95_MS} ms: {_verdict(sea['p95_ms'] <= TARGET_P95_MS)} |"
        )
        lines.append(
            f"| {r['db']} | {ing['docs']:,} | {ing['seconds']:.1f} | {ing['rate']:.0f} | {target} {search}"
        )
    lines += [
        "",
        "Ingest is the whole path per file: read, extract, split and parse (vbparse), match the issuer,",
        "store the original (SHA-256) and the document, resolve citations (placeholders), enter the",
        "incoming register, write the ledger event, index for search; one transaction per file.",
        "Search: a clerk's query (scope: unit subtree, about 40% of the documents), without accents,",
        "first page of 20 with snippets. The 100,000 documents are loaded in bulk; their text is",
        "350 words drawn from the seeds' vocabulary with Zipf weights, so common words are in almost",
        "every document and rare ones in few, as in real text. Up to 1,000 matches are ranked by",
        "relevance; beyond that, the newest come first.",
    ]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--search-docs", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--db", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--pg-url", default="postgres://postgres@127.0.0.1:5432/doimoi_bench")
    parser.add_argument("--child", choices=["sqlite", "postgresql"])
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, args.docs, args.search_docs, args.rounds)))
        return 0
    dbs = ["sqlite", "postgresql"] if args.db == "both" else [args.db]
    results = [spawn(db, args) for db in dbs]
    section = report(results, "python bench/ingest.py " + " ".join(argv))
    print(section)
    if not args.no_write:
        write_section("ingest", section)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
