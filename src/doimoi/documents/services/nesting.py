"""Relations read from the way a text describes what it cites.

"Thực hiện Hướng dẫn số 78-KH/BTGTU … về quán triệt, triển khai thực hiện Kết luận số 14-KL/TW"
says that 78-KH/BTGTU implements 14-KL/TW. When 78-KH/BTGTU is not here yet, that sentence is
all we know of it, so the edge is recorded as read from the citing document (``via``).
The parser reports citations as a flat list, so this reading happens here.
"""

from __future__ import annotations

import re

from doimoi.core.text import fold
from doimoi.documents.models import Citation, Document, DocumentState, Relation

WINDOW = 200
VERB_GAP = 30  # "thực hiện Kết luận số " — the verb governs the next citation
_VERBS = re.compile(r"\b(?:thuc hien|trien khai|quan triet|cu the hoa)\b")
_END = re.compile(r"[.;:](?:\s|$)|-{3,}")
_BREAK = re.compile(r"\b(?:gan voi|dong thoi|cung voi|va)\b|[;(]")


def _flat(folded: str) -> str:
    return folded.replace(" -", "-").replace("- ", "-")


def _positions(flat: str, citations: list[Citation]) -> list[tuple[int, int, Citation]]:
    found = []
    for citation in citations:
        target = citation.target
        needle = fold(target.reference)
        if not needle:
            continue
        for match in re.finditer(r"(?<![\w/])" + re.escape(needle) + r"(?![\w/])", flat):
            found.append((match.start(), match.end(), citation))
    return sorted(found, key=lambda item: item[0])


def _next_mention(
    mentions: list[tuple[int, int, Citation]], index: int, flat: str
) -> tuple[int, Citation] | None:
    _start, end, _citation = mentions[index]
    stop = _END.search(flat, end)
    limit = min(end + WINDOW, stop.start() if stop else len(flat))
    for start, _e, other in mentions[index + 1 :]:
        if start >= limit:
            return None
        if other.target_id != mentions[index][2].target_id:
            return start, other
    return None


def _governs(flat: str, end: int, start: int) -> bool:
    """X … (về) thực hiện Y: a verb right before Y, nothing between X and it that starts a new
    clause ("gắn với việc thực hiện" links two things, it does not say one implements the other)."""
    verbs = list(_VERBS.finditer(flat, end, start))
    if not verbs or start - verbs[-1].end() > VERB_GAP:
        return False
    return not _BREAK.search(flat, end, verbs[0].start())


def infer(source: Document, citations: list[Citation], folded: str = "") -> list[Citation]:
    """Edges between cited placeholders that ``source``'s text describes (X … thực hiện … Y)."""
    if not any(c.target.state == DocumentState.PLACEHOLDER for c in citations):
        return []
    flat = _flat(folded or fold(source.text))
    mentions = _positions(flat, citations)
    edges: dict[tuple[int, int], Citation] = {}
    for index, (_start, end, citation) in enumerate(mentions):
        upstream = _next_mention(mentions, index, flat)
        if citation.target.state != DocumentState.PLACEHOLDER or upstream is None:
            continue
        start, other = upstream
        if not _governs(flat, end, start):
            continue
        key = (citation.target_id, other.target_id)
        edges.setdefault(
            key,
            Citation(
                source=citation.target,
                target=other.target,
                relation=Relation.IMPLEMENTS,
                cited_as=other.target.reference,
                cited_date=other.cited_date,
                cited_issuer=other.cited_issuer,
                via=source,
            ),
        )
    return _new_only(list(edges.values()))


def _new_only(edges: list[Citation]) -> list[Citation]:
    fresh = []
    for edge in edges:
        if not Citation.objects.filter(source=edge.source, target=edge.target).exists():
            fresh.append(edge)
    return Citation.objects.bulk_create(fresh)
