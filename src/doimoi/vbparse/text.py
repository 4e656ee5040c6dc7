"""Small text helpers: accent folding that keeps offsets, case tests, whitespace."""

from __future__ import annotations

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
