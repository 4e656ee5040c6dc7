"""Legacy 8-bit Vietnamese encodings, TCVN3 (ABC) and VNI, to and from Unicode.

The conversion tables are data (``data/tcvn3.json``, ``data/vni.json``); text in these
encodings arrives either as raw bytes or as Unicode mojibake (bytes read as Windows-1252).
"""

from __future__ import annotations

import re
import unicodedata

from doimoi.vbparse.tables import load

_TCVN3: dict[str, str] = {u: chr(int(h, 16)) for u, h in load("tcvn3.json")["map"].items()}
_VNI: dict[str, str] = load("vni.json")["map"]

_TCVN3_DECODE = str.maketrans({v: u for u, v in _TCVN3.items()})
_TCVN3_ENCODE = str.maketrans(_TCVN3)
_VNI_INVERSE = {v: u for u, v in _VNI.items()}
# Small-case modifiers after a capital also occur in real VNI files.
for _u, _v in list(_VNI.items()):
    if len(_v) == 2 and _v[0].isupper():
        _VNI_INVERSE.setdefault(_v[0] + _v[1].lower(), _u)
_VNI_DECODE = re.compile(
    "|".join(re.escape(k) for k in sorted(_VNI_INVERSE, key=len, reverse=True))
)
_VNI_ENCODE = re.compile("|".join(re.escape(k) for k in _VNI))

# A Unicode Vietnamese text always uses some of these; legacy mojibake never does.
VIETNAMESE_LETTERS = re.compile(r"[\u1ea0-\u1ef9ăđơưĂĐƠƯ]")
_COMMON_WORDS = frozenset(
    [
        "của",
        "và",
        "các",
        "những",
        "được",
        "trong",
        "về",
        "thực",
        "hiện",
        "công",
        "đảng",
        "với",
        "cho",
        "có",
        "là",
        "người",
        "không",
        "này",
        "đã",
        "năm",
        "ngày",
        "tháng",
        "việc",
        "một",
        "để",
        "theo",
        "tỉnh",
        "ủy",
        "ban",
        "chính",
        "trị",
        "xã",
        "hội",
        "cán",
        "bộ",
        "nhân",
        "dân",
        "quyết",
        "định",
        "kế",
        "hoạch",
        "tổ",
        "chức",
        "đồng",
        "chí",
        "nơi",
        "nhận",
        "số",
        "nước",
        "phát",
        "triển",
        "cơ",
        "quan",
        "đơn",
        "vị",
        "thành",
        "phố",
        "huyện",
        "trên",
        "tại",
        "đến",
        "từ",
        "đó",
        "cấp",
        "lãnh",
        "đạo",
        "quản",
        "lý",
        "nhiệm",
        "vụ",
        "tăng",
        "cường",
        "tuyên",
        "truyền",
        "nghị",
        "kết",
        "luận",
    ]
)
_WORD = re.compile(r"\w+")


def decode_tcvn3(text: str) -> str:
    """Unicode text from TCVN3 characters (bytes read one-to-one as Latin-1)."""
    return text.translate(_TCVN3_DECODE)


def encode_tcvn3(text: str) -> bytes:
    """TCVN3 bytes for a Unicode text (capital toned letters fall back to small ones)."""
    plain = unicodedata.normalize("NFC", text)
    chars = []
    for ch in plain:
        if ch in _TCVN3:
            chars.append(_TCVN3[ch])
        elif ch.lower() in _TCVN3 and ch.lower() != ch:
            chars.append(_TCVN3[ch.lower()])
        else:
            chars.append(ch)
    return "".join(chars).encode("latin-1", errors="replace")


def decode_vni(text: str) -> str:
    """Unicode text from VNI characters (bytes read one-to-one as Latin-1)."""
    return _VNI_DECODE.sub(lambda m: _VNI_INVERSE[m.group(0)], text)


def encode_vni(text: str) -> bytes:
    """VNI-Windows bytes for a Unicode text."""
    plain = unicodedata.normalize("NFC", text)
    return _VNI_ENCODE.sub(lambda m: _VNI[m.group(0)], plain).encode("latin-1", errors="replace")


def vietnamese_score(text: str) -> float:
    """Share of words in a sample that are common Vietnamese words (0..1)."""
    words = _WORD.findall(text[:6000].lower())
    if not words:
        return 0.0
    return sum(1 for w in words if w in _COMMON_WORDS) / len(words)


def best_legacy(latin: str) -> tuple[str, str, float]:
    """The likeliest reading of Latin-1 characters: (text, encoding name, score)."""
    candidates = [("tcvn3", decode_tcvn3(latin)), ("vni", decode_vni(latin))]
    scored = [(vietnamese_score(_canonical(text)), name, text) for name, text in candidates]
    score, name, text = max(scored)
    return text, name, score


def _canonical(text: str) -> str:
    return unicodedata.normalize("NFC", text)
