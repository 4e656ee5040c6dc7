"""Citations are looked for only near slashes: the same matches as a scan of the whole text."""

from __future__ import annotations

from pathlib import Path

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from doimoi.vbparse import normalize
from doimoi.vbparse.citations import CITATION, matches
from doimoi.vbparse.references import flatten

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
PIECES = [
    "Kế hoạch số ", "Nghị quyết ", "số ", "33", "1961", "30c", "-", " - ", "/", " / ", "KH", "TU",
    "QĐ-UBND", "2018", "NĐ-CP", "TTLT-BNN-BNV", "NN&PTNT", "QĐi", "TW", ", ", " và ", "ngày ",
    "25/02/2022", "  ", "\n", "¶", "của Tỉnh ủy", "Đ", "a", ".", "12.5", "x/y", " " * 12,
]  # fmt: skip


def _spans(found: object) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in found]  # type: ignore[attr-defined]


def test_every_corpus_text_gives_the_same_citations_as_a_whole_scan() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.rglob("*.txt"))]
    assert len(texts) > 40
    for text in texts + [flatten(normalize(text)) for text in texts]:
        assert _spans(matches(text)) == _spans(CITATION.finditer(text))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_composed_texts_give_the_same_citations_as_a_whole_scan(pieces: list[str]) -> None:
    text = "".join(pieces)
    # The window before a slash is 48 characters: a number 30 spaces away from its symbol is
    # no citation any clerk wrote.
    assume(" " * 30 not in text)
    assert _spans(matches(text)) == _spans(CITATION.finditer(text))
