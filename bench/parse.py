"""How fast vbparse reads documents: documents per second on one core, against a floor.

The corpus is built deterministically from the seed documents in ``tests/corpus``: each
document gets a header laid out from random metadata (party or state, stacked or in two
columns), a body of seed paragraphs up to about 10 KB, a recipient list and a signature;
some get the messiness real files have (ƣ, markdown, old tone placement, blank lines).

The floor reads each text once: Unicode NFC, then one ``re.findall`` of a fixed citation
pattern (``FLOOR``, the one issue 12 names) over the whole text. It is fixed on purpose: the
parser's own citation pattern changes with the parser, and a floor that moves with what it
measures is no floor. Results go to ``docs/benchmarks.md`` between ``<!-- bench:parse -->``
markers (only that section is replaced).

Each document is read ``--rounds`` times and the fastest run counts, so a parser cache keyed on a
document's lines or words could serve the later runs from the first. ``--cold`` clears every
cache in vbparse's modules before each run of the parser (the clearing is timed with it), so
the figure is that of a document never seen before.

Run: ``.venv/bin/python bench/parse.py [--count 1000] [--size 10240] [--rounds 5] [--cold]``
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import random
import re
import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from doimoi.vbparse import Document, parse_all
from report import write_section  # bench/report.py (scripts run as bench/<name>.py)

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "tests" / "corpus"
TARGET_RATE = 1000
TARGET_RATIO = 10.0

PLACES = ["Lâm Đồng", "Bảo Lộc", "Đà Lạt", "Đức Trọng", "Di Linh", "Ninh Bình", "Hạ Long"]
PARTY_ISSUERS = ["TỈNH ỦY {P}", "THÀNH ỦY {P}", "HUYỆN ỦY {P}", "ĐẢNG ỦY XÃ {P}"]
STATE_ISSUERS = ["ỦY BAN NHÂN DÂN TỈNH {P}", "SỞ NỘI VỤ", "BỘ NỘI VỤ", "UBND HUYỆN {P}"]
PARTY_TYPES = [("KẾ HOẠCH", "KH"), ("NGHỊ QUYẾT", "NQ"), ("BÁO CÁO", "BC"), ("QUYẾT ĐỊNH", "QĐ")]
STATE_TYPES = [("QUYẾT ĐỊNH", "QĐ"), ("KẾ HOẠCH", "KH"), ("BÁO CÁO", "BC"), ("THÔNG BÁO", "TB")]
FLOOR = re.compile(
    r"(Nghị quyết|Kết luận|Kế hoạch|Hướng dẫn|Quy định|Chỉ thị|Công văn|Quyết định)\s+(?:số\s+)?"
    r"(\d+)\s*[- ]\s*([A-ZĐ][A-Za-zĐđ]*)/([A-ZĐ][A-Za-zĐđ]*)"
)
SIGNERS = ["Nguyễn Văn An", "Trần Thị Mai", "Lê Đức Hùng", "Phạm Xuân Bình", "Võ Minh Tuấn"]


def seed_paragraphs() -> list[str]:
    """Body lines of the seed documents (everything between the title and the recipients)."""
    lines: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        body = text.split("-----", 1)[-1].split("Nơi nhận", 1)[0]
        lines.extend(line.rstrip() for line in body.splitlines() if len(line.strip()) > 30)
    return lines


def _header(rng: random.Random, number: int) -> list[str]:
    place = rng.choice(PLACES)
    day = datetime.date(2020, 1, 1) + datetime.timedelta(days=rng.randrange(2000))
    date_line = f"{place}, ngày {day.day:02d} tháng {day.month} năm {day.year}"
    if rng.random() < 0.5:
        issuer = rng.choice(PARTY_ISSUERS).format(P=place.upper())
        type_name, code = rng.choice(PARTY_TYPES)
        head = [f"ĐẢNG BỘ TỈNH {place.upper()}", issuer, "*", f"Số {number}-{code}/TU"]
        head += ["ĐẢNG CỘNG SẢN VIỆT NAM", date_line]
    else:
        issuer = rng.choice(STATE_ISSUERS).format(P=place.upper())
        type_name, code = rng.choice(STATE_TYPES)
        head = [f"{issuer:<40}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
        head += [f"{'-------':<40}Độc lập - Tự do - Hạnh phúc"]
        head += [f"{f'Số: {number}/{code}-UBND':<40}{date_line}"]
    return [*head, "", type_name, "về tăng cường công tác tuyên truyền năm 2024", "-----", ""]


def _tail(rng: random.Random) -> list[str]:
    return [
        "",
        "Nơi nhận:",
        "- Ban Tuyên giáo Tỉnh ủy (b/c),",
        "- Các tổ chức cơ sở đảng trực thuộc,",
        "- Lưu VT.",
        "",
        rng.choice(["T/M BAN THƯỜNG VỤ", "KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN"]),
        rng.choice(["PHÓ BÍ THƯ", "PHÓ CHỦ TỊCH", "BÍ THƯ"]),
        "",
        "",
        rng.choice(SIGNERS),
    ]


def _mess(rng: random.Random, text: str) -> str:
    """The slips real files carry, on some documents."""
    roll = rng.random()
    if roll < 0.15:
        return text.replace("ư", "\u01a3")
    if roll < 0.3:
        return "\n".join(f"**{line}**" if line.isupper() else line for line in text.split("\n"))
    if roll < 0.45:
        return text.replace("ủy", "uỷ").replace("hóa", "hoá").replace("\n", "\n\n")
    return text


def build_corpus(count: int, size: int, seed: int = 20260523) -> list[str]:
    """``count`` documents of about ``size`` characters, the same ones on every run."""
    rng = random.Random(seed)
    paragraphs = seed_paragraphs()
    corpus = []
    for number in range(1, count + 1):
        lines = _header(rng, number)
        length = sum(len(line.encode("utf-8")) + 1 for line in lines) + 250
        start = rng.randrange(len(paragraphs))
        while length < size:
            line = paragraphs[start % len(paragraphs)]
            lines.append(line)
            length += len(line.encode("utf-8")) + 1
            start += 1
        corpus.append(_mess(rng, "\n".join(lines + _tail(rng)) + "\n"))
    return corpus


def parser_caches() -> list[Any]:
    """Every cache of vbparse's modules: lines split in cells, folded words, cased names,
    compiled patterns, data tables."""
    return [
        obj
        for name, module in list(sys.modules.items())
        if name.startswith("doimoi.vbparse.")
        for obj in vars(module).values()
        if hasattr(obj, "cache_clear") and getattr(obj, "__module__", None) == name
    ]


CACHES = parser_caches()


def parse_cold(text: str) -> list[Document]:
    """``parse_all`` with nothing kept from an earlier document (or an earlier run of this one)."""
    for cache in CACHES:
        cache.cache_clear()
    return parse_all(text)


def floor(text: str) -> list[str]:
    """The least a parser must do: read the text once, find its citations."""
    return FLOOR.findall(unicodedata.normalize("NFC", text))


def best_times(works: list[Callable[[str], object]], corpus: list[str], rounds: int) -> list[float]:
    """CPU seconds each kind of work needs for the corpus: per document, the fastest of
    ``rounds`` runs, summed. The works take turns document by document, so a busy moment on
    a shared machine slows one run of one document, not one side of the comparison.
    """
    best = [[float("inf")] * len(corpus) for _ in works]
    clock = time.process_time
    for _ in range(rounds):
        for i, text in enumerate(corpus):
            for w, work in enumerate(works):
                start = clock()
                work(text)
                elapsed = clock() - start
                if elapsed < best[w][i]:
                    best[w][i] = elapsed
    return [sum(times) for times in best]


def pin_to_one_core() -> str:
    """Run on one CPU (where the OS allows it); says which."""
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity)"


def report(
    corpus: list[str],
    parse_s: float,
    floor_s: float,
    pinned: str,
    command: str,
    rounds: int,
    cold: bool = False,
) -> str:
    """The markdown section for docs/benchmarks.md."""
    count = len(corpus)
    size_kb = sum(len(t.encode("utf-8")) for t in corpus) / 1024
    rate, floor_rate = count / parse_s, count / floor_s
    ratio = parse_s / floor_s
    documents = sum(len(parse_all(t)) for t in corpus[:50])
    met = "met" if rate >= TARGET_RATE else "NOT met"
    met_ratio = "met" if ratio <= TARGET_RATIO else "NOT met"
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    rows = [
        "## vbparse: documents per second",
        "",
        f"Measured {now} on {platform.machine()} {platform.system()}, "
        f"{os.cpu_count()} CPUs ({pinned}), Python {platform.python_version()}; "
        f"load average {load} while measuring (the machine is shared).",
        f"Command: `{command}`",
        "",
        f"Corpus: {count} documents built from the seeds, {size_kb / count:.1f} KB each on "
        f"average (UTF-8), {size_kb / 1024:.1f} MB in all; each text holds one document "
        f"({documents} found in the first 50). CPU time on one core: for each document the "
        f"fastest of {rounds} runs, summed (parser and floor take turns document by document); "
        + (
            "the parser's caches cleared before each run (`--cold`)."
            if cold
            else "the parser's caches kept between documents and runs."
        ),
        "",
        "| measure | seconds | documents/s | MB/s |",
        "|---|---:|---:|---:|",
        f"| `parse_all` | {parse_s:.3f} | {rate:,.0f} | {size_kb / 1024 / parse_s:.1f} |",
        f"| floor: NFC + one `re.findall` of the fixed citation pattern "
        f"| {floor_s:.3f} | {floor_rate:,.0f} | {size_kb / 1024 / floor_s:.1f} |",
        "",
        f"- Target ≥ {TARGET_RATE:,} documents/s for ~10 KB documents: **{met}** ({rate:,.0f}).",
        f"- Target within {TARGET_RATIO:.0f}× of the floor: **{met_ratio}** ({ratio:.1f}×).",
    ]
    return "\n".join(rows)


def main(argv: list[str]) -> int:
    """Build the corpus, time the parser and the floor, print and record the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--size", type=int, default=10_240, help="bytes of UTF-8 per document")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--cold", action="store_true", help="clear the parser's caches each time")
    args = parser.parse_args(argv)
    pinned = pin_to_one_core()
    corpus = build_corpus(args.count, args.size)
    for text in corpus[:20]:
        parse_all(text)
    reader = parse_cold if args.cold else parse_all
    parse_s, floor_s = best_times([reader, floor], corpus, args.rounds)
    command = " ".join([".venv/bin/python bench/parse.py", *argv]).strip()
    section = report(corpus, parse_s, floor_s, pinned, command, args.rounds, args.cold)
    print(section)
    if not args.no_write:
        write_section("parse", section)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
