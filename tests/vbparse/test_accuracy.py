"""The share of labelled fields vbparse reads right never falls (bench/accuracy.py)."""

from __future__ import annotations

import pytest
from bench.accuracy import real_score, seed_score

# The corpus grows with harder documents, so each set of documents keeps the floor it had when
# it was the whole corpus: (last label of the set, documents in it, floor). Raise a floor as
# the parser improves, never lower it; a new set is added when the corpus grows.
FLOORS = [
    ("r042", 42, 0.977),
    ("r095", 95, 0.968),
    ("r106", 106, 0.966),
    ("r116", 116, 0.966),
    ("r124", 124, 0.969),
    ("r139", 139, 0.970),
    ("r150", 150, 0.970),
]


@pytest.mark.parametrize(("upto", "count", "floor"), FLOORS)
def test_each_set_of_real_documents_stays_above_its_floor(
    upto: str, count: int, floor: float
) -> None:
    score, documents, _shapes = real_score(upto=upto)
    assert documents == count
    assert score.share >= floor, "\n".join(score.misses)


def test_the_whole_real_corpus_is_covered_by_a_floor() -> None:
    _score, documents, _shapes = real_score()
    assert documents == FLOORS[-1][1]


def test_the_seeds_stay_exact() -> None:
    score, documents, _shapes = seed_score()
    assert documents == 5
    assert score.share == 1.0, "\n".join(score.misses)
