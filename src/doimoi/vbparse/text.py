"""Small text helpers: accent folding that keeps offsets, case tests, whitespace."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
        char = chr(code)
        base = unicodedata.normalize("NFD", char)[0].lower()
        if base.isascii() and base.isalpha():
            table[code] = base
    for code in range(ord("A"), ord("Z") + 1):
        table[code] = chr(code).lower()
    table.update({ord("Đ"): "d", ord("đ"): "d", ord("Ð"): "d", ord("ð"): "d"})
    return table


_FOLD = _fold_table()


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Lower case without diacritics, đ→d, one character for one (offsets stay valid)."""
    return text.translate(_FOLD)


def squash(text: str) -> str:
    """Runs of white space as one space, trimmed."""
    return " ".join(text.split())


def is_upper(text: str) -> bool:
    """True when the text has capital letters and no small ones (a heading, a name in caps)."""
    return text.isupper()


def has_lower(text: str) -> bool:
    """True when the text has at least one small letter."""
    return any(ch.islower() for ch in text)


def capitalize_first(text: str) -> str:
    """The text with its first letter in capitals, the rest untouched."""
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1 :]
    return text


_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
_TONED = "".join(
    ch
    for ch in map(chr, [*range(0xC0, 0x1B0), *range(0x1EA0, 0x1EFA)])
    if any(mark in _TONES for mark in unicodedata.normalize("NFD", ch))
)
_TWO_TONES = re.compile(f"[{_TONED}][^\\s{_TONED}]*[{_TONED}]")


def _impossible(word: str) -> bool:
    """A Vietnamese syllable carries one tone mark at most; OCR garbage often carries two."""
    marks = sum(1 for ch in unicodedata.normalize("NFD", word) if ch in _TONES)
    return marks > 1


def garbled(text: str) -> bool:
    """True when a good share of the words could not be Vietnamese ("Í- mục tĩêũ, ỳêủ cầụ")."""
    if _TWO_TONES.search(text) is None:
        return False
    words = [w for w in text.split() if any(ch.isalpha() for ch in w)]
    if len(words) < 2:
        return False
    bad = sum(1 for w in words if _impossible(w))
    # One impossible word among five or more is a glued pair ("VỀTHỂ THỨC ..."), not garbage.
    return bad >= max(2 if len(words) >= 5 else 1, len(words) // 4)
