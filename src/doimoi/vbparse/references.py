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

import re

from doimoi.vbparse.citations import Citation, find_citations
from doimoi.vbparse.model import Reference
from doimoi.vbparse.tables import TYPE_NAMES
from doimoi.vbparse.text import fold, squash

SENTENCE = 600
_STOPS = (". ", "; ", ": ", "¶")
_HEAD_STARTS = ("thực", "căn", "triển", "để", "nhằm", "tiếp", "kịp", "quán", "tuyên", "học", "thi")
_NUMBER_STARTS = frozenset("0123456789IVX-+•*abcdeđ")
# A line that opens a new paragraph: numbering, a dash, or a sentence-opening verb.
_PARAGRAPH = re.compile(
    r"\n(?=\s*(?:[IVX]+\.|\d+(?:\.\d+)*\.|[a-zđ]\)|[-+•])\s|(?:Thực hiện|Căn cứ|Triển khai"
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
# "sao gửi", "gửi kèm", "đính kèm", "kèm theo", "sao y", "sao lục", "chuyển tiếp": each found
# by a pattern that starts with one literal letter (the regex engine scans for one letter many
# times faster than for a set of them), then checked around. (core, pattern, where the core
# starts relative to the match)
_FORWARD_CORES = (
    ("kèm", re.compile(r"è(?<=kè)(?=m)"), -1),
    ("sao ", re.compile(r"sao "), 0),
    ("Sao ", re.compile(r"Sao "), 0),
    ("huyển tiếp", re.compile(r"ể(?<=huyể)(?=n tiếp)"), -3),
)
_SAO_VERBS = ("gửi", "gởi", "y", "lục")
_TITLE_VERBS = re.compile(
    r"\b(?:thực hiện|triển khai|quán triệt|tuyên truyền|học tập|thi hành|sơ kết|tổng kết)\b",
    re.IGNORECASE,
)
_JOINED = re.compile(
    r"^\s*(?:,|;|và|cùng|hoặc)?\s*(?:,|và)?\s*(?:các\s+)?"
    r"(?:(?:"
    + "|".join(re.escape(n) for n in sorted(TYPE_NAMES, key=len, reverse=True))
    + r")\s+)?"
    r"(?:số\s*:?\s*)?$",
    re.IGNORECASE,
)


def flatten(body: str) -> str:
    """The body on one line, paragraph openings marked with "¶" (they end a sentence).

    Each line break becomes one character ("¶" or a space), so offsets stay those of the
    body; a blank line leaves two spaces, which the readers of the text allow for.
    """
    return _PARAGRAPH.sub("¶", body).replace("\n", " ")


Mention = tuple[int, int, tuple[str, str]]


def find_references(
    title: str,
    body: str,
    own: tuple[str, str] | None,
    flat: str | None = None,
    mentions: list[Mention] | None = None,
) -> list[Reference]:
    """References cited in a document's title and body, merged, in order of first mention.

    ``mentions``, when given, receives (start, end, key) of each citation in the flat body."""
    found: dict[tuple[str, str], Reference] = {}
    flat = flatten(body) if flat is None else flat
    self_key = (own[0], own[1].upper()) if own is not None else None
    for ref in _title_references(squash(title)) + _body_references(flat, mentions):
        key = ref.key
        if key == self_key:
            continue
        known = found.get(key)
        if known is None:
            found[key] = ref
        else:
            known.merge(ref)
    return list(found.values())


def _title_references(title: str) -> list[Reference]:
    citations = find_citations(title)
    refs = [_reference(c) for c in citations]
    if citations and _TITLE_VERBS.search(title[: citations[0].start]):
        _chain(title, citations, refs, 0, "implements")
    return refs


def _body_references(body: str, mentions: list[Mention] | None = None) -> list[Reference]:
    citations = find_citations(body)
    refs = [_reference(c) for c in citations]
    if mentions is not None:
        mentions.extend((c.start, c.end, ref.key) for c, ref in zip(citations, refs, strict=True))
    if not citations:
        return refs
    verbs = forward_verbs(body)
    by_sentence: dict[int, list[int]] = {}
    for i, start in enumerate(_sentence_starts(body, citations)):
        by_sentence.setdefault(start, []).append(i)
    for start, members in by_sentence.items():
        _sentence_relations(body, start, citations, refs, members, verbs)
    if verbs:
        _forward_anaphora(body, verbs, citations, refs)
    return refs


def _sentence_starts(body: str, citations: list[Citation]) -> list[int]:
    """The start of each citation's sentence; the text between two citations is read once."""
    starts: list[int] = []
    previous = -1
    for citation in citations:
        low = previous if previous >= 0 else max(0, citation.start - SENTENCE)
        found = _last_stop(body, low, citation.start)
        if found != -1:
            starts.append(found + 1)
        else:
            starts.append(starts[-1] if starts else low)
        previous = citation.start
    return starts


def sentence_start(body: str, pos: int) -> int:
    """Where the sentence around ``pos`` starts: after ". ", "; ", ": ", "¶ " or the text start.

    A sentence is looked for within ``SENTENCE`` characters; a longer one starts there.
    """
    low = max(0, pos - SENTENCE)
    found = _last_stop(body, low, pos)
    return found + 1 if found != -1 else low


def _last_stop(body: str, low: int, high: int) -> int:
    """Where the last of ``_STOPS`` in ``body[low:high]`` is, or -1."""
    return max(
        _last_mark(body, ".", low, high),
        _last_mark(body, ";", low, high),
        _last_mark(body, ":", low, high),
        body.rfind("¶", low, high),
    )


def _last_mark(body: str, mark: str, low: int, high: int) -> int:
    """``body.rfind(mark + " ", low, high)``, looked for from the mark alone: a search for one
    character is vectorised, one for two tests every character (5-10 times slower)."""
    at = body.rfind(mark, low, high - 1) if high - low >= 2 else -1  # (a negative end counts back)
    while at != -1 and not body.startswith(" ", at + 1):
        at = body.rfind(mark, low, at)
    return at


def sentence_end(body: str, pos: int) -> int:
    """Where the sentence around ``pos`` ends (its closing mark), or ``SENTENCE`` further on."""
    high = min(len(body), pos + SENTENCE)
    ends = [at for stop in _STOPS if (at := body.find(stop, pos, high)) != -1]
    return min(ends) + 1 if ends else high


def _sentence_relations(
    body: str,
    start: int,
    citations: list[Citation],
    refs: list[Reference],
    members: list[int],
    verbs: list[tuple[int, int]],
) -> None:
    first = citations[members[0]]
    opening = body[start : min(first.start, start + 200)].lstrip(" ¶")
    if opening[:12].lower().startswith(_HEAD_STARTS) or opening[:1] in _NUMBER_STARTS:
        opening = _NUMBERING.sub("", opening, count=1)
        for relation, pattern in _HEADS:
            if pattern.match(opening):
                _chain(body, citations, refs, members[0], relation, stop=members[-1])
    last = citations[members[-1]].start
    forward = next((v for v in verbs if start <= v[0] < last), None)
    if forward:
        after = [i for i in members if citations[i].start > forward[1]]
        if after:
            _chain(body, citations, refs, after[0], "forwards", stop=members[-1])


def forward_verbs(body: str) -> list[tuple[int, int]]:
    """(start, end) of each forwarding verb in a text, in order ("ban hành kèm theo" is not one).

    Found from rare letters ("kèm", "sao ", "huyển tiếp"), then the whole word is checked
    around them.
    """
    found = []
    for core, pattern, shift in _FORWARD_CORES:
        for match in pattern.finditer(body):
            span = _forward_span(body, match.start() + shift, core)
            if span:
                found.append(span)
    return sorted(found)


def _forward_span(body: str, at: int, core: str) -> tuple[int, int] | None:
    if core == "kèm":
        if body.endswith("ban hành ", 0, at):
            return None
        joined = body.endswith(("gửi ", "Gửi ", "đính ", "Đính "), 0, at)
        return (at, at + 3) if joined or body.startswith(" theo", at + 3) else None
    if core == "huyển tiếp":
        starts_word = (at > 1 and not body[at - 2].isalpha()) or at == 1
        return (at - 1, at + len(core)) if at and body[at - 1] in "cC" and starts_word else None
    if at and body[at - 1].isalpha():
        return None
    verb = next((v for v in _SAO_VERBS if body.startswith(v, at + 4)), None)
    if verb is None or body[at + 4 + len(verb) : at + 5 + len(verb)].isalpha():
        return None
    return (at, at + 4 + len(verb))


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
    refs[first].upgrade(relation)
    for i in range(first + 1, last + 1):
        gap = text[citations[i - 1].end : citations[i].start]
        if not _JOINED.match(gap):
            return
        refs[i].upgrade(relation)


def _forward_anaphora(
    body: str,
    verbs: list[tuple[int, int]],
    citations: list[Citation],
    refs: list[Reference],
) -> None:
    """In "… sao gửi … công văn trên", forward the last cited document of that type."""
    for verb_start, verb_end in verbs:
        start = sentence_start(body, verb_start)
        end = sentence_end(body, verb_end)
        if any(start <= c.start < end for c in citations):
            continue
        mention = _anaphor(body, start, end)
        if mention:
            _resolve(fold(mention), citations, refs, start)


def _anaphor(body: str, start: int, end: int) -> str | None:
    """The words naming a document "… trên" points back to ("công văn" in "công văn trên")."""
    at = body.find(" trên", start, end)
    while at != -1:
        words = body[max(start, at - 40) : at].split()
        while words and words[-1] in ("nêu", "nói", "kể"):
            words.pop()
        if words:
            return " ".join(words[-2:])
        at = body.find(" trên", at + 1, end)
    return None


def _resolve(kind: str, citations: list[Citation], refs: list[Reference], before: int) -> None:
    generic = kind.endswith("van ban")
    for i in range(len(citations) - 1, -1, -1):
        if citations[i].start >= before:
            continue
        name = fold(refs[i].type or "")
        if generic or (name and kind.endswith(name)):
            refs[i].upgrade("forwards")
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
