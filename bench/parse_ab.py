"""Is vbparse faster than at another revision? Both in one process, taking turns per document.

bench/parse.py and floors.py's vbparse row compare the parser with its floor in one run; two runs,
one per revision, differ by what the shared machine did meanwhile (the same code read 1.0 and
1.6 ms a document ten minutes apart under load 4-6), which hides a change of a few percent. Here
the parser as it is at a git revision (loaded as bench/parse_same.py loads it) and the working
tree's read bench/parse.py's corpus in turns, document by document, with the floor, so a busy
moment slows one run of each. Caches kept, then cleared before each run (each side its own).
Prints only.

Run: ``.venv/bin/python bench/parse_ab.py [--against main] [--count 200] [--rounds 4]``
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import parse  # bench/parse.py (scripts run as bench/<name>.py)
import parse_same
from doimoi.vbparse import parse_all


def _caches(package: str) -> list[Any]:
    return [
        obj
        for name, module in list(sys.modules.items())
        if name.startswith(package + ".")
        for obj in vars(module).values()
        if hasattr(obj, "cache_clear") and getattr(obj, "__module__", None) == name
    ]


def _cold(reader: Callable[[str], object], caches: list[Any]) -> Callable[[str], object]:
    def read(text: str) -> object:
        for cache in caches:
            cache.cache_clear()
        return reader(text)

    return read


def main(argv: list[str]) -> int:
    """Time the revision's parser, the working tree's and the floor in turns; print the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", default="main", help="git revision of the old parser")
    parser.add_argument("--count", type=int, default=200, help="documents of 10 KB")
    parser.add_argument("--rounds", type=int, default=4)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        old = parse_same.load_revision(args.against, Path(tmp))
        corpus = parse.build_corpus(args.count, 10_240)
        for text in corpus:
            old.parse_all(text), parse_all(text)
        works = [old.parse_all, parse_all, parse.floor]
        works += [
            _cold(old.parse_all, _caches(parse_same.OLD_NAME)),
            _cold(parse_all, parse.CACHES),
        ]
        was, now, floor, was_cold, now_cold = parse.best_times(works, corpus, args.rounds)
    per = 1000 / args.count
    print(f"floor {floor * per:.4f} ms a document ({args.count} documents, best of {args.rounds})")
    for label, before, after in (("kept", was, now), ("cleared", was_cold, now_cold)):
        print(
            f"caches {label}: {args.against} {before * per:.3f} ms {before / floor:.2f}x, "
            f"working tree {after * per:.3f} ms {after / floor:.2f}x "
            f"({(after - before) / before * 100:+.1f} %)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
