"""Splitting a file that holds several documents (a dispatch forwarding another, with its
attachment) at the points where a new header block begins: issuer line(s), "Số ...", motto.
"""

from __future__ import annotations

import re

from doimoi.vbparse.lines import is_rule, parse_date, parse_number, split_motto
from doimoi.vbparse.signature import is_authority, is_signer_title, name_like
from doimoi.vbparse.text import is_upper

_NUMBER_LINE = re.compile(r"\n[ \t]*(?:(?:Luật|Bộ luật|Pháp lệnh|Lệnh|Nghị quyết)\s+)?Số\b[^\n]*")
_LAW_WORDS = ("Luật", "Bộ luật", "Pháp lệnh", "Lệnh", "Nghị quyết")
_SO = re.compile(r"Số\b")
_MOTTO_WORDS = ("CỘNG", "CONG", "Độc lập")
NEAR = 12
WALK_BACK = 8


def split_documents(text: str, lines: list[str]) -> list[tuple[int, int]]:
    """(first line, end line) of each document in the text, in order."""
    candidates = number_lines(f"\n{text}")
    if len(candidates) < 2:  # one document, whatever its "Số" line says (reading it is ~11 us)
        return [(0, len(lines))]
    found = [m.start() for m in candidates if _is_number(m)]
    if len(found) < 2:
        return [(0, len(lines))]
    numbers = [_line_of(text, at) for at in found]
    mottos = [_line_of(text, at) for word in _MOTTO_WORDS for at in _find_all(text, word)]
    starts = [0]
    previous: int | None = None
    for number in numbers:
        near = [m for m in mottos if abs(m - number) <= NEAR]
        if not near:
            continue
        if previous is not None and number - previous > NEAR:
            start = walk_back(lines, min([number, *near]))
            if start > starts[-1]:
                starts.append(start)
        previous = number
    ends = [*starts[1:], len(lines)]
    return list(zip(starts, ends, strict=True))


def number_lines(text: str) -> list[re.Match[str]]:
    """What ``_NUMBER_LINE.finditer(text)`` finds, looked for from each "Số" (rare in a text)
    rather than from each line break (the text's every line)."""
    found: list[re.Match[str]] = []
    pos = 0
    while (so := _SO.search(text, pos)) is not None:
        at = so.start()
        match = next(
            (m for start in _line_starts(text, at) if start >= pos
             if (m := _NUMBER_LINE.match(text, start)) is not None),
            None,
        )  # fmt: skip
        if match is None:
            pos = so.end()
            continue
        found.append(match)
        pos = max(match.end(), pos + 1)
    return found


def _line_starts(text: str, at: int) -> list[int]:
    """The line breaks a number line through the "Số" at ``at`` could start from: the one
    before a law's name ("Luật" / "Số …"), then the one just before."""
    starts = []
    word_end = at
    while word_end > 0 and text[word_end - 1].isspace():
        word_end -= 1
    if word_end < at:
        word = next((w for w in _LAW_WORDS if text.endswith(w, 0, word_end)), None)
        if word is not None:
            starts.append(_blank_start(text, word_end - len(word)) - 1)
    starts.append(_blank_start(text, at) - 1)
    return [start for start in starts if start >= 0 and text[start] == "\n"]


def _blank_start(text: str, at: int) -> int:
    """Where the spaces and tabs just before ``at`` begin."""
    while at > 0 and text[at - 1] in " \t":
        at -= 1
    return at


def _is_number(match: re.Match[str]) -> bool:
    found = parse_number(match.group(0).strip())
    if found is None:
        return False
    rest = found.rest
    return not rest or parse_date(rest) is not None or split_motto(rest)[1] is not None


def _find_all(text: str, word: str) -> list[int]:
    found = []
    at = text.find(word)
    while at != -1:
        found.append(at)
        at = text.find(word, at + 1)
    return found


def _line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos)


def walk_back(lines: list[str], top: int) -> int:
    """Move a header's first line up over the issuer lines and separators above it."""
    start = top
    seen = 0
    for idx in range(top - 1, -1, -1):
        line = lines[idx].strip()
        if not line or is_rule(line):
            continue
        if seen >= WALK_BACK or not _header_line(line):
            break
        start = idx
        seen += 1
    return start


def _header_line(line: str) -> bool:
    if is_authority(line) or is_signer_title(line) or name_like(line):
        return False
    return is_upper(line) or split_motto(line)[1] is not None
