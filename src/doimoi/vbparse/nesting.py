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
from doimoi.vbparse.text import fold

WINDOW = 200
VERB_GAP = 30  # "thực hiện Kết luận số " — the verb governs the next citation
_VERBS = re.compile(r"\b(?:thuc hien|trien khai|quan triet|cu the hoa)\b")
_END = re.compile(r"[.;:](?:\s|$)|-{3,}")
_BREAK = re.compile(r"\b(?:gan voi|dong thoi|cung voi|va)\b|[;(]")
_AROUND_HYPHEN = re.compile(r"\s*-\s*")


def _needles(reference: Reference) -> list[str]:
    number = reference.number or ""
    symbol = fold(reference.symbol)
    return [f"{number}-{symbol}", f"{number}/{symbol}"] if number else []


def _mentions(flat: str, references: list[Reference]) -> list[tuple[int, int, int]]:
    """(start, end, index of the reference) for every mention, in order."""
    found: list[tuple[int, int, int]] = []
    for index, reference in enumerate(references):
        for needle in _needles(reference):
            pattern = r"(?<![\w/])" + re.escape(needle) + r"(?![\w/])"
            found.extend((m.start(), m.end(), index) for m in re.finditer(pattern, flat))
    return sorted(found)


def _governs(flat: str, end: int, start: int) -> bool:
    verbs = list(_VERBS.finditer(flat, end, start))
    if not verbs or start - verbs[-1].end() > VERB_GAP:
        return False
    return not _BREAK.search(flat, end, verbs[0].start())


def nest(text: str, references: list[Reference]) -> list[dict[str, Any]]:
    """Pairs (cited document, document it is said to implement) in the order first read."""
    if len(references) < 2:
        return []
    flat = _AROUND_HYPHEN.sub("-", " ".join(fold(text).split()))
    mentions = _mentions(flat, references)
    pairs: dict[tuple[int, int], None] = {}
    for at, (_start, end, index) in enumerate(mentions):
        stop = _END.search(flat, end)
        limit = min(end + WINDOW, stop.start() if stop else len(flat))
        following = next(
            ((s, i) for s, _e, i in mentions[at + 1 :] if i != index and s < limit), None
        )
        if following is not None and _governs(flat, end, following[0]):
            pairs.setdefault((index, following[1]))
    return [
        {
            "source": _key(references[source]),
            "target": _key(references[target]),
            "relation": "implements",
        }
        for source, target in pairs
    ]


def _key(reference: Reference) -> dict[str, str | None]:
    return {"number": reference.number, "symbol": reference.symbol}
