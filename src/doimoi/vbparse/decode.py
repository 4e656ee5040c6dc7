"""Bytes to text: BOMs, UTF-16, UTF-8, Windows-1258, TCVN3 and VNI, told apart by reading."""

from __future__ import annotations

import codecs
import itertools
import re
import unicodedata

from doimoi.vbparse.legacy import VIETNAMESE_LETTERS, best_legacy, vietnamese_score

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Characters that TCVN3/VNI bytes turn into when read as Windows-1252 or Latin-1.
_LEGACY_HINT = re.compile(r"[\u00a1-\u00ff]")
_MIXED_CAPS = re.compile(r"\w*[A-ZĐ]\w*")


def decode_bytes(data: bytes) -> tuple[str, list[str]]:
    """The text in some bytes, with a note on the encoding when it was not plain UTF-8."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), []
    utf16 = _utf16_without_bom(data)
    if utf16:
        return data.decode(utf16, errors="replace"), [f"Mã UTF-16 không có BOM / UTF-16 ({utf16})"]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return _decode_8bit(data)
    return repair_mojibake(text)


def repair_mojibake(text: str) -> tuple[str, list[str]]:
    """Text that is TCVN3/VNI read as Windows-1252, converted back; other text unchanged."""
    if VIETNAMESE_LETTERS.search(text[:20000]) or not _LEGACY_HINT.search(text[:20000]):
        return text, []
    latin = _to_latin(text)
    if latin is None:
        return text, []
    converted, name, score = best_legacy(latin)
    if score > vietnamese_score(text) + 0.05:
        return _after_legacy(converted, name), [_legacy_note(name)]
    return text, []


def _decode_8bit(data: bytes) -> tuple[str, list[str]]:
    latin = data.decode("latin-1")
    legacy, name, legacy_score = best_legacy(latin)
    cp1258 = unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))
    utf8 = data.decode("utf-8", errors="replace")
    options = [
        (vietnamese_score(utf8), "utf-8", utf8),
        (vietnamese_score(cp1258), "cp1258", cp1258),
        (legacy_score, name, _after_legacy(legacy, name)),
    ]
    score, chosen, text = max(options, key=lambda option: option[0])
    if score < 0.02:
        return _charset_normalizer(data, utf8)
    if chosen == "utf-8":
        return text, ["Có byte UTF-8 hỏng đã thay bằng � / broken UTF-8 bytes replaced"]
    if chosen == "cp1258":
        return text, ["Mã Windows-1258 đã chuyển sang Unicode / Windows-1258 converted"]
    return text, [_legacy_note(chosen)]


def _charset_normalizer(data: bytes, fallback: str) -> tuple[str, list[str]]:
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
    except Exception:  # the detector is optional help; never let it break parsing
        best = None
    if best is None:
        return fallback, ["Không nhận ra bảng mã / unknown encoding, read as UTF-8"]
    return str(best), [f"Bảng mã đoán là {best.encoding} / encoding guessed as {best.encoding}"]


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:2000]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > half * 0.3 and even < half * 0.05:
        return "utf-16-le"
    if even > half * 0.3 and odd < half * 0.05:
        return "utf-16-be"
    return None


def _to_latin(text: str) -> str | None:
    try:
        return text.encode("cp1252").decode("latin-1")
    except UnicodeError:
        try:
            text.encode("latin-1")
        except UnicodeError:
            return None
        return text


def _after_legacy(text: str, name: str) -> str:
    """TCVN3 has no toned capitals: words typed for a capitals font come back mixed."""
    if name != "tcvn3":
        return text
    return "\n".join(_recapitalize_line(line) for line in text.split("\n"))


def _recapitalize_line(line: str) -> str:
    line = _MIXED_CAPS.sub(_recapitalize, line)
    words = [w for w in line.split(" ") if any(ch.isalpha() for ch in w)]
    upper = sum(1 for w in words if w.isupper())
    if not words or upper * 2 < len(words):
        return line
    return " ".join(_upper_if_toned(word) for word in line.split(" "))


def _upper_if_toned(word: str) -> str:
    lowers = [ch for ch in word if ch.islower()]
    return word.upper() if lowers and not any(ch.isascii() for ch in lowers) else word


def _recapitalize(match: re.Match[str]) -> str:
    """A word typed for a capitals-only TCVN3 font ("ĐảNG") back in capitals ("ĐẢNG")."""
    word = match.group(0)
    lowers = [ch for ch in word if ch.islower()]
    if not lowers or any(ch.isascii() for ch in lowers):
        return word
    uppers = sum(1 for ch in word if ch.isupper())
    late_upper = any(a.islower() and b.isupper() for a, b in itertools.pairwise(word))
    return word.upper() if uppers >= 2 or late_upper else word


def _legacy_note(name: str) -> str:
    label = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI"}.get(name, name)
    return f"Văn bản mã {label} đã chuyển sang Unicode / {label} text converted to Unicode"
