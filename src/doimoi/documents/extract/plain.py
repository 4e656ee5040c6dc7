"""Plain text (.txt, .md) in any encoding offices use: UTF-8, UTF-16, TCVN3, VNI, Windows-1258."""

from __future__ import annotations

import unicodedata

from django.utils.translation import gettext as _

from doimoi.documents.extract.errors import Unreadable
from doimoi.vbparse import decode_bytes

_CONTROL = frozenset(("Cc", "Co", "Cn", "Cs"))
_SPACE_CONTROLS = "\x1c\x1d\x1e\x1f\x85"  # white space, yet control characters (Cc)


def _looks_binary(data: bytes, text: str) -> bool:
    """Whether decoded bytes are no text: control characters (besides line breaks and tabs),
    replaced bytes, few letters.

    Counted in C: when every character but white space is printable (a printable character
    is never Cc, Co, Cn or Cs), the only control characters are the white-space ones."""
    sample = text[:20000]
    visible = "".join(sample.split())
    if not visible:
        return True
    if visible.isprintable():
        control = sum(sample.count(ch) for ch in _SPACE_CONTROLS)
    else:
        control = sum(1 for ch in sample if unicodedata.category(ch) in _CONTROL)
        control -= sum(1 for ch in sample if ch in "\n\r\t\f\v")
    letters = sum(map(str.isalpha, visible))
    replaced = sample.count("\ufffd")
    return (
        control > len(sample) * 0.01
        or replaced > len(sample) * 0.02
        or letters < len(visible) * 0.5
    )


def read(data: bytes) -> tuple[str, list[str]]:
    """The text of a plain-text file, with notes on the encoding it was found in."""
    text, warnings = decode_bytes(data)
    if _looks_binary(data, text):
        raise Unreadable(
            _("Tệp không phải văn bản đọc được (dữ liệu nhị phân hoặc định dạng không hỗ trợ).")
        )
    return text, warnings
