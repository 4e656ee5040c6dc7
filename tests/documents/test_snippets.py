"""Snippets take fast paths (documents.search.snippets); each must give what the plain
definition, written here, gives on any text built from the pieces that matter: letters with and
without accents, digits with leading zeros, underscores, spaces and punctuation."""

from __future__ import annotations

import itertools
import re
from html import escape

from hypothesis import given, settings
from hypothesis import strategies as st

from doimoi.documents.search import words_of
from doimoi.documents.search.snippets import (
    WINDOW,
    _spans,
    _word_pattern,
    fold_aligned,
    highlight,
    snippet,
)

PIECES = [
    "kế",
    "ke",
    "hoạch",
    "hoach",
    "KẾ",
    "đảng",
    "dang",
    "0",
    "05",
    "5",
    "_",
    " ",
    "-",
    "/",
    "x",
]
QUERIES = ["ke hoach", "dang", "5", "05", "ke*", "hoa*", "x", "dang 5 ke"]


def _plain_spans(folded: str, words: list[str]) -> list[tuple[int, int]]:
    """A word begins where no letter or digit precedes it (a look-behind in the pattern)."""
    pattern = re.compile(r"(?<![^\W_])(?:" + "|".join(_word_pattern(w) for w in words) + ")")
    return [m.span() for m in pattern.finditer(folded)]


def _plain_score(start: int, spans: list[tuple[int, int]], folded: str) -> tuple[int, int, int]:
    inside = [(a, b) for a, b in spans if start <= a < start + WINDOW]
    distinct = len({folded[a:b] for a, b in inside})
    run, best, run_start, best_start = 1, 1, start, start
    for (_a0, b0), (a1, _b1) in itertools.pairwise(inside):
        run, run_start = (run + 1, run_start) if a1 - b0 <= 2 else (1, a1)
        if run > best:
            best, best_start = run, run_start
    return distinct, best, -best_start


def _plain_mark(text: str, spans: list[tuple[int, int]], start: int, end: int) -> str:
    out, pos = [], start
    for a, b in spans:
        if b <= start or a >= end:
            continue
        a, b = max(a, start), min(b, end)
        out += [escape(text[pos:a]), "<mark>", escape(text[a:b]), "</mark>"]
        pos = b
    return "".join([*out, escape(text[pos:end])])


def _plain_snippet(text: str, words: list[str]) -> str:
    text = " ".join(text.split())
    folded = fold_aligned(text)
    spans = _plain_spans(folded, words)
    if not spans:
        return escape(text[:WINDOW]) + ("…" if len(text) > WINDOW else "")
    best = max(_plain_score(a, spans, folded) for a, _b in spans[:400])
    start = max(0, -best[2] - 60)
    start = text.rfind(" ", 0, start) + 1 if start else 0
    end = min(len(text), start + WINDOW)
    return (
        ("…" if start else "")
        + _plain_mark(text, spans, start, end)
        + ("…" if end < len(text) else "")
    )


texts = st.lists(st.sampled_from(PIECES), max_size=400).map("".join)


@settings(max_examples=300, deadline=None)
@given(texts, st.sampled_from(QUERIES))
def test_snippets_and_marks_are_the_plain_definition_s(text: str, query: str) -> None:
    words = words_of(query)
    assert _spans(fold_aligned(text), words) == _plain_spans(fold_aligned(text), words)
    assert str(snippet(text, words)) == _plain_snippet(text, words)
    assert str(highlight(text, words)) == _plain_mark(
        text, _plain_spans(fold_aligned(text), words), 0, len(text)
    )
