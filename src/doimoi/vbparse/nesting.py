"""Relations between the documents a text cites, read from the way it describes them.

"Thực hiện Hướng dẫn số 78-KH/BTGTU … về quán triệt, triển khai thực hiện Kết luận số 14-KL/TW"
says that 78-KH/BTGTU implements 14-KL/TW: a verb of implementing right before the second
citation, within the same sentence, with nothing between that opens a new clause ("gắn với
việc thực hiện" links two things; it does not say one implements the other).
"""

from __future__ import annotations

import re
from typing import Any

from doimoi.vbparse.model import Reference

WINDOW = 200
VERB_GAP = 30  # "thực hiện Kết luận số " — the verb governs the next citation
# Every branch of each pattern starts with a literal character, so the regex engine scans for a
# set of first characters instead of trying a match at each one; "x(?<!\wx)" is "\bx".
_VERBS = re.compile(
    r"t(?<!\wt)hực hiện\b|t(?<!\wt)riển khai\b|q(?<!\wq)uán triệt\b|c(?<!\wc)ụ thể hóa\b"
)
_END = re.compile(r"[.;:¶-](?:(?<=[.;:¶])(?:\s|$)|(?<=-)(?=--))")
_BREAK = re.compile(r"g(?<!\wg)ắn với\b|đ(?<!\wđ)ồng thời\b|c(?<!\wc)ùng với\b|v(?<!\wv)à\b|;|\(")


def _governs(between: str) -> bool:
    """The text between two citations says the first implements the second."""
    verbs = list(_VERBS.finditer(between))
    if not verbs or len(between) - verbs[-1].end() > VERB_GAP:
        return False
    return not _BREAK.search(between, 0, verbs[0].start())


def nest(
    flat: str, references: list[Reference], mentions: list[tuple[int, int, tuple[str, str]]]
) -> list[dict[str, Any]]:
    """Pairs (cited document, document it is said to implement) in the order first read.

    ``flat`` is the body on one line and ``mentions`` where each citation sits in it."""
    if len(references) < 2 or len(mentions) < 2:
        return []
    index_of = {reference.key: i for i, reference in enumerate(references)}
    spots = [(s, e, index_of[k]) for s, e, k in mentions if k in index_of]
    pairs: dict[tuple[int, int], None] = {}
    for (_start, end, index), following in zip(spots, _next_other(spots), strict=True):
        if following is None or following[0] - end > WINDOW:
            continue
        stop = _END.search(flat, end, following[0])
        if stop is None and _governs(flat[end : following[0]].lower()):
            pairs.setdefault((index, following[1]))
    return [
        {
            "source": _key(references[source]),
            "target": _key(references[target]),
            "relation": "implements",
        }
        for source, target in pairs
    ]


def _next_other(spots: list[tuple[int, int, int]]) -> list[tuple[int, int] | None]:
    """For each spot, (start, reference) of the first later spot of another reference."""
    found: list[tuple[int, int] | None] = [None] * len(spots)
    later: tuple[int, int] | None = None  # the nearest later spot
    other: tuple[int, int] | None = None  # the nearest later spot of another reference than it
    for at in range(len(spots) - 1, -1, -1):
        start, _end, index = spots[at]
        if later is not None:
            found[at] = later if later[1] != index else other
        if later is None or later[1] != index:
            other = later
        later = (start, index)
    return found


def _key(reference: Reference) -> dict[str, str | None]:
    return {"number": reference.number, "symbol": reference.symbol}
