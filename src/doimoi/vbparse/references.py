"""References: the documents a text cites, deduplicated, each with the relation its sentence gives.

- ``implements``: the sentence opens with "Thực hiện", "Triển khai (thực hiện)", "Quán triệt,
  triển khai thực hiện", "Thi hành" …, or the title says so ("Tuyên truyền, quán triệt Kết luận …");
- ``basis``: the sentence opens with "Căn cứ";
- ``forwards``: the sentence says "sao gửi", "gửi kèm", "đính kèm", "kèm theo", "sao y", "sao lục";
  "… sao gửi … công văn trên" points back to the last cited document of that type;
- ``cites``: everything else.
The relation goes to the first citation after the trigger and to those joined to it by "và", ","
or ";" — not to a document named inside another's description ("Kế hoạch 55 về thực hiện Kế
hoạch 30": 30 is only cited). A document cited several times keeps its strongest relation
(implements > basis > forwards > cites) and the first date and issuer found.
"""

from __future__ import annotations

import bisect
import re

from doimoi.vbparse.citations import Citation, find_citations
from doimoi.vbparse.model import Reference
from doimoi.vbparse.text import fold, squash

_BOUNDARY = re.compile(r"[.;:!?¶](?=\s)")
# A line that opens a new paragraph: numbering, a dash, or a sentence-opening verb.
_PARAGRAPH = re.compile(
    r"\n\s*(?=(?:[IVX]+\.|\d+(?:\.\d+)*\.|[a-zđ]\)|[-+•])\s|(?:Thực hiện|Căn cứ|Triển khai"
    r"|Để|Nhằm|Quán triệt|Thi hành|Tiếp tục|Ngày \d|Theo|Xét)\b)"
)
_NUMBERING = re.compile(r"^[\s¶]*(?:[IVX]+\.|\d+(?:\.\d+)*\.?|[a-zđ]\)|[-+•*])?\s*")
_HEADS = (
    (
        "implements",
        re.compile(
            r"^(?:(?:để|nhằm)\s+)?(?:(?:tiếp tục|kịp thời)\s+)?(?:(?:quán triệt|tuyên truyền"
            r"|học tập|triển khai)\s*,?\s*)*(?:thực hiện|thi hành|triển khai)\b",
            re.IGNORECASE,
        ),
    ),
    ("basis", re.compile(r"^căn cứ(?:\s+vào)?\b", re.IGNORECASE)),
)
_FORWARD = re.compile(
    r"(?<!ban hành )(?:sao gửi|sao gởi|gửi kèm|đính kèm|kèm theo|sao y|sao lục|chuyển tiếp)\b",
    re.IGNORECASE,
)
_TITLE_VERBS = re.compile(
    r"\b(?:thực hiện|triển khai|quán triệt|tuyên truyền|học tập|thi hành|sơ kết|tổng kết)\b",
    re.IGNORECASE,
)
_JOINED = re.compile(r"^\s*(?:,|;|và|cùng|hoặc)?\s*(?:,|và)?\s*(?:các\s+)?$")
_ANAPHOR = re.compile(r"(?P<type>\w+(?:\s\w+)?)\s+(?:nêu\s+|nói\s+|kể\s+)?trên\b")


def find_references(title: str, body: str, own: tuple[str, str] | None) -> list[Reference]:
    """References cited in a document's title and body, merged, in order of first mention."""
    found: dict[tuple[str, str], Reference] = {}
    flat = squash(_PARAGRAPH.sub(" ¶ ", body))
    for ref in _title_references(squash(title)) + _body_references(flat):
        if own is not None and ref.key == (own[0], own[1].upper()):
            continue
        if ref.key in found:
            found[ref.key].merge(ref)
        else:
            found[ref.key] = ref
    return list(found.values())


def _title_references(title: str) -> list[Reference]:
    citations = find_citations(title)
    refs = [_reference(c) for c in citations]
    if citations and _TITLE_VERBS.search(title[: citations[0].start]):
        _chain(title, citations, refs, 0, "implements")
    return refs


def _body_references(body: str) -> list[Reference]:
    citations = find_citations(body)
    refs = [_reference(c) for c in citations]
    bounds = [m.end() for m in _BOUNDARY.finditer(body)]
    by_sentence: dict[int, list[int]] = {}
    for i, citation in enumerate(citations):
        by_sentence.setdefault(_sentence_start(bounds, citation.start), []).append(i)
    for start, members in by_sentence.items():
        _sentence_relations(body, start, citations, refs, members)
    _forward_anaphora(body, bounds, citations, refs)
    return refs


def _sentence_start(bounds: list[int], pos: int) -> int:
    i = bisect.bisect_right(bounds, pos) - 1
    return bounds[i] if i >= 0 else 0


def _sentence_relations(
    body: str, start: int, citations: list[Citation], refs: list[Reference], members: list[int]
) -> None:
    first = citations[members[0]]
    opening = _NUMBERING.sub("", body[start : first.start], count=1)
    for relation, pattern in _HEADS:
        if pattern.match(opening):
            _chain(body, citations, refs, members[0], relation, stop=members[-1])
    forward = _FORWARD.search(body, start, citations[members[-1]].start)
    if forward:
        after = [i for i in members if citations[i].start > forward.end()]
        if after:
            _chain(body, citations, refs, after[0], "forwards", stop=members[-1])


def _chain(
    text: str,
    citations: list[Citation],
    refs: list[Reference],
    first: int,
    relation: str,
    stop: int | None = None,
) -> None:
    """Give a relation to one citation and to the ones coordinated with it."""
    last = len(citations) - 1 if stop is None else stop
    _upgrade(refs[first], relation)
    for i in range(first + 1, last + 1):
        gap = text[citations[i - 1].end : citations[i].start]
        if not _JOINED.match(gap):
            return
        _upgrade(refs[i], relation)


def _upgrade(ref: Reference, relation: str) -> None:
    probe = Reference(None, None, None, "", relation=relation)
    ref.merge(probe)


def _forward_anaphora(
    body: str, bounds: list[int], citations: list[Citation], refs: list[Reference]
) -> None:
    """In "… sao gửi … công văn trên", forward the last cited document of that type."""
    for forward in _FORWARD.finditer(body):
        start = _sentence_start(bounds, forward.start())
        end = next((b for b in bounds if b > forward.end()), len(body))
        if any(start <= c.start < end for c in citations):
            continue
        mention = _ANAPHOR.search(body, start, end)
        if mention:
            _resolve(fold(mention.group("type")), citations, refs, start)


def _resolve(kind: str, citations: list[Citation], refs: list[Reference], before: int) -> None:
    generic = kind.endswith("van ban")
    for i in range(len(citations) - 1, -1, -1):
        if citations[i].start >= before:
            continue
        name = fold(refs[i].type or "")
        if generic or (name and kind.endswith(name)):
            _upgrade(refs[i], "forwards")
            return


def _reference(citation: Citation) -> Reference:
    return Reference(
        type=citation.type,
        type_code=citation.type_code,
        number=citation.number,
        symbol=citation.symbol,
        date=citation.date,
        issuer=citation.issuer,
    )
