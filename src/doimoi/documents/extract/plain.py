"""Plain text (.txt, .md) in any encoding offices use: UTF-8, UTF-16, TCVN3, VNI, Windows-1258."""

from __future__ import annotations

import unicodedata

from django.utils.translation import gettext as _

from doimoi.documents.extract.errors import Unreadable
from doimoi.vbparse import decode_bytes


def _looks_binary(data: bytes, text: str) -> bool:
    sample = text[:20000]
    visible = [ch for ch in sample if not ch.isspace()]
    if not visible:
        return True
    control = sum(1 for ch in sample if unicodedata.category(ch) in ("Cc", "Co", "Cn", "Cs"))
    control -= sum(1 for ch in sample if ch in "\n\r\t\f\v")
    letters = sum(1 for ch in visible if ch.isalpha())
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
