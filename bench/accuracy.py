"""How many labelled fields vbparse reads right: per field, on the real corpus and the seeds.

The real corpus is ``tests/corpus/real/``: real documents copied from public web pages (each
``rNNN.txt`` with ``rNNN.json`` holding its source address, its shape and the fields labelled
by hand). The seeds are ``tests/corpus/`` with ``tests/corpus/expected/``. A field is scored
when its key is in the label; a label of ``null`` says the text does not give that value, and
the parser is right only if it gives none.

How values are compared (the same for both sets):
- ``title`` and ``issuer``: case-insensitively, spaces collapsed, a leading "V/v", "Về việc"
  or "Về" and trailing punctuation ignored (recasing capitals is not what is measured here);
- ``references``: each labelled reference is one field, right when a parsed reference agrees
  on every key the label gives (the real labels give number and symbol); each parsed
  reference that matches no label is one more field, wrong;
- ``recipients``: the list of names; ``signers``: the list; everything else: equal.

Results go to ``docs/benchmarks.md`` between ``<!-- bench:accuracy -->`` markers.

Run: ``.venv/bin/python bench/accuracy.py [--no-write]``
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from doimoi.vbparse import parse_all

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "tests" / "corpus"
REAL = SEEDS / "real"
LOOSE = {"title", "issuer"}
LEADING = re.compile(r"^(?:v/v\.?|về việc|về)\s+", re.IGNORECASE)


@dataclass
class Score:
    """Right and total per field, and what went wrong where."""

    right: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def add(self, name: str, ok: bool, where: str, got: Any, want: Any) -> None:
        """Count one field."""
        self.total[name] += 1
        self.right[name] += ok
        if not ok:
            self.misses.append(f"{where} {name}: got {got!r}, want {want!r}")

    @property
    def share(self) -> float:
        """Right fields over all fields."""
        total = sum(self.total.values())
        return sum(self.right.values()) / total if total else 0.0


def loose(value: Any) -> Any:
    """A title or issuer as compared: case, spacing, 'về việc' and end punctuation aside."""
    if not isinstance(value, str):
        return value
    text = " ".join(unicodedata.normalize("NFC", value).split()).casefold()
    text = text.replace("\u2013", "-").replace("\u2014", "-")
    return LEADING.sub("", text).rstrip(" .;:,")


def _ref_matches(label: dict[str, Any], parsed: dict[str, Any]) -> bool:
    for key, want in label.items():
        got = parsed.get(key)
        if key == "symbol" and isinstance(got, str) and isinstance(want, str):
            got, want = got.upper(), want.upper()
        if got != want:
            return False
    return True


def score_document(score: Score, where: str, label: dict[str, Any], parsed: dict[str, Any]) -> None:
    """Compare every labelled field of one document with what the parser read."""
    for name, want in label.items():
        if name in ("warnings_include",):
            continue
        got = parsed.get(name)
        if name == "references":
            unmatched = list(got or [])
            for ref in want:
                hit = next((p for p in unmatched if _ref_matches(ref, p)), None)
                if hit is not None:
                    unmatched.remove(hit)
                score.add(name, hit is not None, where, None, ref)
            for extra in unmatched:
                score.add(name, False, where, f"{extra['number']} {extra['symbol']}", None)
        elif name == "recipients":
            names = [r["name"] if isinstance(r, dict) else r for r in want]
            score.add(name, [r["name"] for r in got or []] == names, where, got, names)
        elif name in LOOSE:
            score.add(name, loose(got) == loose(want), where, got, want)
        else:
            score.add(name, got == want, where, got, want)


def _labels(folder: Path, pattern: str) -> list[tuple[Path, dict[str, Any]]]:
    return [(p, json.loads(p.read_text(encoding="utf-8"))) for p in sorted(folder.glob(pattern))]


def score_set(
    folder: Path, pattern: str, texts: Path, upto: str | None = None
) -> tuple[Score, int, Counter[str]]:
    """Score every label in ``folder`` against its text in ``texts``; count documents, shapes.

    ``upto`` keeps only the labels whose name sorts at or before it ("r042": the first 42)."""
    score, documents, shapes = Score(), 0, Counter[str]()
    for path, label in _labels(folder, pattern):
        if upto is not None and path.stem > upto:
            continue
        parsed = [d.to_dict() for d in parse_all((texts / label["file"]).read_bytes())]
        shapes[label.get("shape", "seed")] += 1
        for index, want in enumerate(label["documents"]):
            documents += 1
            got = parsed[index] if index < len(parsed) else {}
            score_document(score, f"{path.stem}#{index}", want, got)
    return score, documents, shapes


def real_score(upto: str | None = None) -> tuple[Score, int, Counter[str]]:
    """The real corpus (or its first documents, up to the label named ``upto``)."""
    return score_set(REAL, "r*.json", REAL, upto)


def seed_score() -> tuple[Score, int, Counter[str]]:
    """The seeds."""
    return score_set(SEEDS / "expected", "*.json", SEEDS)


def _table(title: str, score: Score, documents: int) -> list[str]:
    rows = [
        f"**{title}**: {documents} documents, {sum(score.total.values())} labelled fields, "
        f"**{score.share:.1%}** right.",
        "",
        "| field | right | labelled | share |",
        "|---|---:|---:|---:|",
    ]
    for name in sorted(score.total, key=lambda n: (-score.total[n], n)):
        right, total = score.right[name], score.total[name]
        rows.append(f"| {name} | {right} | {total} | {right / total:.0%} |")
    return rows


def report() -> str:
    """The markdown section for docs/benchmarks.md."""
    real, real_docs, shapes = real_score()
    seeds, seed_docs, _ = seed_score()
    shape_list = ", ".join(f"{n} {s}" for s, n in shapes.most_common())
    rows = [
        "## vbparse: fields read right",
        "",
        "Command: `.venv/bin/python bench/accuracy.py`. Real corpus: `tests/corpus/real/` "
        f"(shapes: {shape_list}); labels by hand, comparison rules in the script's docstring.",
        "",
        *_table("Real corpus", real, real_docs),
        "",
        *_table("Seeds", seeds, seed_docs),
    ]
    return "\n".join(rows)


def main(argv: list[str]) -> int:
    """Print the tables (and the misses with --misses); record them unless --no-write."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--misses", action="store_true", help="list every wrong field")
    args = parser.parse_args(argv)
    section = report()
    print(section)
    if args.misses:
        for line in real_score()[0].misses:
            print(line)
    if not args.no_write:
        sys.path.insert(0, str(Path(__file__).parent))
        from report import write_section  # bench/report.py

        write_section("accuracy", section)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
