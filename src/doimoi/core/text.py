"""Text helpers used at every boundary: NFC, and the accent folding that search relies on."""

from __future__ import annotations

import re
import unicodedata

# Old-style tone placement on "oa", "oe", "uy" (hoá, uỷ) and its new-style equivalent (hóa, ủy).
_OLD_TO_NEW = {
    "oà": "òa",
    "oá": "óa",
    "oả": "ỏa",
    "oã": "õa",
    "oạ": "ọa",
    "oè": "òe",
    "oé": "óe",
    "oẻ": "ỏe",
    "oẽ": "õe",
    "oẹ": "ọe",
    "uỳ": "ùy",
    "uý": "úy",
    "uỷ": "ủy",
    "uỹ": "ũy",
    "uỵ": "ụy",
}
_OLD_STYLE = re.compile(r"(?<![qQ])(?:" + "|".join(_OLD_TO_NEW) + r")(?!\w)", re.IGNORECASE)


def nfc(value: str) -> str:
    """The text in Unicode NFC, stripped of surrounding white space."""
    return unicodedata.normalize("NFC", value).strip()


def fold(value: str) -> str:
    """Lower-case text without diacritics, đ→d: "Đảng ủy" and "DANG UY" fold alike."""
    decomposed = unicodedata.normalize("NFD", value.replace("Đ", "D").replace("đ", "d"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.lower().split())


def canonical_tones(value: str) -> str:
    """NFC text with the new-style tone placement ("uỷ" → "ủy", "hoá" → "hóa").

    Only an open syllable moves its mark ("hoàn" and "quý" are the same in both styles).
    """
    text = unicodedata.normalize("NFC", value)
    return _OLD_STYLE.sub(lambda m: _match_case(m.group(0), _OLD_TO_NEW[m.group(0).lower()]), text)


def _match_case(source: str, target: str) -> str:
    return "".join(t.upper() if s.isupper() else t for s, t in zip(source, target, strict=True))
