"""Does vbparse read every text as it did at another revision? Old against new, field by field.

A speed-up of the parser must not change a single result. This check takes ``src/doimoi/vbparse``
as it is at a git revision (``main`` unless told), loads it beside the working tree's under
another name, and parses the same texts with both: bench/parse.py's generated corpus (several
seeds and sizes), every text of ``tests/corpus`` and ``tests/vbparse/docs`` as text and as bytes,
and those texts with the slips bench/parse.py puts in, joined in pairs (files holding two
documents). Every document's dict (``to_dict()`` and its ``text``) must be equal, and so must the
cleaned text (``normalize``). Nothing is written; the exit status says whether all agreed.

Run: ``.venv/bin/python bench/parse_same.py [--against main] [--count 3000]``
"""

from __future__ import annotations

import argparse
import importlib
import io
import random
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import parse  # bench/parse.py (scripts run as bench/<name>.py)
from doimoi import vbparse

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "src/doimoi/vbparse"
OLD_NAME = "vbparse_at_revision"


def load_revision(revision: str, into: Path) -> Any:
    """The parser package as it is at ``revision``, importable as ``OLD_NAME``."""
    archive = subprocess.run(
        ["git", "archive", "--format=tar", revision, PACKAGE],
        cwd=ROOT,
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    package = into / OLD_NAME
    (into / PACKAGE).rename(package)
    for source in package.glob("*.py"):  # its own imports and data lookups point to itself
        text = source.read_text(encoding="utf-8")
        source.write_text(text.replace("doimoi.vbparse", OLD_NAME), encoding="utf-8")
    sys.path.insert(0, str(into))
    return importlib.import_module(OLD_NAME)


def _files() -> list[Path]:
    tests = ROOT / "tests"
    return sorted([*(tests / "corpus").rglob("*.txt"), *(tests / "vbparse" / "docs").glob("*.txt")])


def _slipped(texts: list[str]) -> Iterator[str]:
    """Each text with every slip bench/parse.py puts in, and each next to the following one."""
    for seed, text in enumerate(texts):
        yield from {parse._mess(_Roll(roll), text) for roll in (0.1, 0.2, 0.4)}
        yield f"{text}\n\n{texts[(seed + 1) % len(texts)]}"


class _Roll(random.Random):
    """A ``random.Random`` whose ``random()`` is fixed: it picks the slip to make."""

    def __init__(self, roll: float) -> None:
        super().__init__(0)
        self.roll = roll

    def random(self) -> float:
        return self.roll


def inputs(count: int) -> Iterator[tuple[str, str | bytes]]:
    """(where it comes from, the text or bytes) of every input the check parses."""
    for seed, size in ((20260523, 10_240), (7, 3_000), (11, 30_000)):
        share = count if size == 10_240 else max(1, count // 10)
        for i, text in enumerate(parse.build_corpus(share, size, seed)):
            yield f"bench seed {seed} size {size} #{i}", text
    files = _files()
    texts = [path.read_text(encoding="utf-8") for path in files]
    for path, text in zip(files, texts, strict=True):
        where = str(path.relative_to(ROOT))
        yield where, text
        yield f"{where} (bytes)", path.read_bytes()
    for i, text in enumerate(_slipped(texts)):
        yield f"slipped corpus text #{i}", text


def outcome(package: Any, data: str | bytes) -> tuple[Any, ...]:
    """What a parser gives for one input: every document's fields and text, the cleaned text."""
    documents = [(d.to_dict(), d.text) for d in package.parse_all(data)]
    return documents, package.normalize(data)


def compare(old: Any, count: int) -> tuple[int, list[str]]:
    """How many inputs were parsed, and where the two parsers disagreed."""
    seen, differ = 0, []
    for where, data in inputs(count):
        seen += 1
        if outcome(old, data) != outcome(vbparse, data):
            differ.append(where)
    return seen, differ


def main(argv: list[str]) -> int:
    """Parse every input with both parsers; print where they differ."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", default="main", help="git revision of the old parser")
    parser.add_argument("--count", type=int, default=3000, help="generated 10 KB documents")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="vbparse-same-") as tmp:
        old = load_revision(args.against, Path(tmp))
        seen, differ = compare(old, args.count)
    for where in differ[:20]:
        print(f"differs: {where}")
    print(f"{seen} inputs, {len(differ)} read differently from {args.against}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
