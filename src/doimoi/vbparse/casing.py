"""Issuer names printed in capitals, written back in normal case.

First choice: the same name written in normal case in the document's own text.
Otherwise the lexicon in ``data/casing.json`` (ND 30 Phụ lục II usage): organ words as given,
generic place words in lower case, the proper name after them capitalised word by word.
"""

from __future__ import annotations

import re
from functools import lru_cache

from doimoi.vbparse.tables import CASING, TYPE_NAMES
from doimoi.vbparse.text import capitalize_first, has_lower, is_upper

_PHRASES: dict[tuple[str, ...], tuple[str, str]] = {
    tuple(key.split()): (value[0], value[1]) for key, value in CASING["phrases"].items()
}
_LONGEST = max(len(key) for key in _PHRASES)
_KEEP_UPPER = frozenset(CASING["keep_upper"])
_LOWER_WORDS = frozenset(CASING["lower_words"])
_ROMAN = re.compile(r"^[IVXLC]+$")
_PROPER = sorted(CASING["title_proper"], key=len, reverse=True)


def _word_start(words: list[str]) -> str:
    """``(?<!\\w)(?:w1|w2|…)`` written with a literal first letter in every branch (one branch per
    first letter, the words' order kept): the regex engine then scans for those letters
    instead of trying the whole alternation at every character. "x(?<!\\wx)" is "(?<!\\w)x"."""
    by_first: dict[str, list[str]] = {}
    for word in words:
        by_first.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(
        f"{re.escape(first)}(?<!\\w{re.escape(first)})(?:{'|'.join(rests)})"
        for first, rests in by_first.items()
    )


_PROPER_RE = re.compile(rf"(?:{_word_start([p.lower() for p in _PROPER])})(?!\w)")
_PROPER_TEXT = {p.lower(): p for p in _PROPER}
_CITED_TYPE = re.compile(rf"({_word_start([n.lower() for n in TYPE_NAMES])})(?=\s+(?:số\s|\d))")
_COMPOUND_NEXT = frozenset({"ủy", "đoàn", "hội", "đội"})


def normal_case(name: str, flat: str = "") -> str:
    """An issuer name in normal case ("THÀNH ỦY BẢO LỘC" → "Thành ủy Bảo Lộc").

    ``flat`` is the document's text on one line (single spaces).
    """
    name = " ".join(name.split())
    if not name or not is_upper(name):
        return name
    guess = _from_lexicon(name)
    if guess in flat:
        return guess
    return _find_in_body(name, guess, flat) or guess


def _find_in_body(name: str, guess: str, flat: str) -> str | None:
    """The name as the body writes it, when the body writes it in normal case.

    Occurrences of the guess's first two words ("Đảng ủy", "UBND tỉnh") are compared with
    the whole name in lower case.
    """
    first = " ".join(guess.split()[:2])
    wanted = name.lower()
    at = flat.find(first)
    while at != -1:
        end = at + len(wanted)
        text = flat[at:end]
        bounded = (at == 0 or not flat[at - 1].isalnum()) and (
            end >= len(flat) or not flat[end].isalnum()
        )
        if bounded and text.lower() == wanted and has_lower(text):
            return text
        at = flat.find(first, at + 1)
    return None


@lru_cache(maxsize=2048)
def _from_lexicon(name: str) -> str:
    words = name.lower().split()
    upper_words = name.split()
    out: list[str] = []
    mode = "start"
    i = 0
    while i < len(words):
        phrase = _match_phrase(words, i, mode)
        if phrase:
            size, text, kind = phrase
            out.append(_phrase_text(text, kind, i + size < len(words)))
            mode = kind
            i += size
            continue
        out.append(_word(upper_words[i], words[i], mode, out))
        if mode == "head":
            mode = "field_lower" if words[i] in _LOWER_WORDS else "field_rest"
        i += 1
    return capitalize_first(" ".join(out))


def _match_phrase(words: list[str], i: int, mode: str) -> tuple[int, str, str] | None:
    in_field = mode in ("field_rest", "field_lower")
    for size in range(min(_LONGEST, len(words) - i), 0, -1):
        key = tuple(words[i : i + size])
        if key not in _PHRASES:
            continue
        text, kind = _PHRASES[key]
        if kind == "place" and _is_compound(words, i + size):
            continue
        if in_field and size == 1 and kind == "head":
            continue
        return size, text, kind
    return None


def _is_compound(words: list[str], j: int) -> bool:
    """True when a place word starts another word ("tỉnh ủy", "xã hội", "tỉnh đoàn")."""
    return j < len(words) and words[j] in _COMPOUND_NEXT


def _phrase_text(text: str, kind: str, more: bool) -> str:
    if kind == "place" and not more:
        return text.lower()
    return text


def _word(upper: str, lower: str, mode: str, out: list[str]) -> str:
    """One word outside the lexicon, cased by what came before it."""
    if upper in _KEEP_UPPER or _ROMAN.match(upper) or any(ch.isdigit() for ch in upper):
        return upper
    if mode in ("place", "committee", "proper"):
        return lower.capitalize()
    if mode == "head" and lower not in _LOWER_WORDS:
        return lower.capitalize()
    if mode == "field_rest" and out and (out[-1] in ("và", "-") or out[-1].endswith(",")):
        return lower.capitalize()
    return lower


def sentence_case(text: str) -> str:
    """A title printed in capitals in sentence case, keeping proper names, codes and numerals."""
    words = []
    for word in text.split():
        keep = word in _KEEP_UPPER or _ROMAN.match(word.strip(",.;:()")) or _is_code(word)
        words.append(word if keep else word.lower())
    lowered = _PROPER_RE.sub(lambda m: _PROPER_TEXT[m.group(0)], " ".join(words))
    return capitalize_first(_CITED_TYPE.sub(lambda m: capitalize_first(m.group(1)), lowered))


def _is_code(word: str) -> bool:
    """A document symbol or abbreviation inside a title ("14-KL/TW", "73/2023/NĐ-CP")."""
    return any(ch.isdigit() for ch in word) or "/" in word
