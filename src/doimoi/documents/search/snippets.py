"""Snippets with the searched words marked, cut from the original text (accents kept)."""

from __future__ import annotations

import itertools
import re
import unicodedata
from bisect import bisect_left, bisect_right
from functools import lru_cache
from html import escape  # django.utils.html.escape is this, behind a lazy-string wrapper

from django.utils.safestring import SafeString, mark_safe

WINDOW = 220


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
    base = base.lower()
    return base if len(base) == 1 else (ch.lower()[:1] or " ")


class _FoldTable(dict[int, str]):
    """Each character's folded form, computed once (``str.translate`` then runs at C speed)."""

    def __missing__(self, code: int) -> str:
        self[code] = folded = _fold_char(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()


def fold_aligned(text: str) -> str:
    """``text`` folded character by character, so positions match the original."""
    return text.translate(_FOLD_TABLE)


def _word_pattern(word: str) -> str:
    """A query word as search matches it: whole (or as a prefix: "thuc*"), a number with or
    without leading zeros."""
    stem = word.rstrip("*")
    head = "0*" + re.escape(stem) if stem.isdigit() else re.escape(stem)
    return head + (r"[^\W_]*" if word.endswith("*") else r"(?![^\W_])")


@lru_cache(maxsize=256)
def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """The words of a search as one pattern (the hits of a page share it). A word begins where
    no letter or digit precedes; that is checked on each match (``_spans``) rather than by a
    look-behind in the pattern, which would be tried at every position of the text (3× slower):
    a match is letters and digits alone, so one refused never hides another."""
    return re.compile("(?:" + "|".join(_word_pattern(w) for w in words) + ")")


def _spans(folded: str, words: list[str]) -> list[tuple[int, int]]:
    """Where the words are, in order; the spans never overlap, so their starts and their ends
    both increase."""
    return [
        m.span()
        for m in _pattern(tuple(words)).finditer(folded)
        if not m.start() or not folded[m.start() - 1].isalnum()
    ]


def _mark(text: str, spans: list[tuple[int, int]], start: int, end: int) -> SafeString:
    out, pos = [], start
    first = bisect_right(spans, start, key=lambda span: span[1])  # the first ending after start
    last = bisect_left(spans, end, key=lambda span: span[0])  # the first beginning at end or after
    for a, b in spans[first:last]:
        a, b = max(a, start), min(b, end)
        out += [escape(text[pos:a]), "<mark>", escape(text[a:b]), "</mark>"]
        pos = b
    out.append(escape(text[pos:end]))
    return mark_safe("".join(out))


def highlight(text: str, words: list[str]) -> SafeString:
    """The whole (short) text with the words marked."""
    return _mark(text, _spans(fold_aligned(text), words), 0, len(text))


def _window_score(
    i: int, spans: list[tuple[int, int]], starts: list[int], folded: str
) -> tuple[int, int, int]:
    """How good a window from the ``i``-th span's start is: how many different words it shows,
    then the longest run of them side by side (the phrase as typed); and where that run
    begins."""
    start = starts[i]
    inside = spans[i : bisect_left(starts, start + WINDOW, lo=i)]
    distinct = len({folded[a:b] for a, b in inside})
    run, best, run_start, best_start = 1, 1, start, start
    for (_a0, b0), (a1, _b1) in itertools.pairwise(inside):
        if a1 - b0 <= 2:
            run += 1
        else:
            run, run_start = 1, a1
        if run > best:
            best, best_start = run, run_start
    return distinct, best, -best_start


KEPT_TEXTS = 256
KEPT_LONGEST = 8_000  # characters (a kept text costs about 6 bytes each): a longer one is not kept


def _flat(text: str) -> tuple[str, str]:
    """``text`` on one line (runs of spaces as one) and that folded."""
    text = " ".join(text.split())
    return text, fold_aligned(text)


_flat_kept = lru_cache(maxsize=KEPT_TEXTS)(_flat)


def snippet(text: str, words: list[str]) -> SafeString:
    """A window of ``text`` around the densest cluster of the searched words. A text's folded
    form is kept for the next searches that find it (the type-ahead box, the next page): the
    folding is half of a snippet's time."""
    text, folded = _flat_kept(text) if len(text) <= KEPT_LONGEST else _flat(text)
    spans = _spans(folded, words)
    if not spans:
        return mark_safe(escape(text[:WINDOW]) + ("…" if len(text) > WINDOW else ""))
    starts = [a for a, _b in spans]
    best = max(_window_score(i, spans, starts, folded) for i in range(min(len(spans), 400)))
    start = max(0, -best[2] - 60)
    start = text.rfind(" ", 0, start) + 1 if start else 0
    end = min(len(text), start + WINDOW)
    prefix = "…" if start else ""
    suffix = "…" if end < len(text) else ""
    return mark_safe(prefix + _mark(text, spans, start, end) + suffix)
