"""Text cleanup before reading: encodings, Unicode NFC, tone placement, markdown, OCR slips, junk.

Every repair that could change what a field says is reported as a warning.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from doimoi.vbparse.decode import decode_bytes, repair_mojibake
from doimoi.vbparse.tables import OCR_FIXES

_CHARS = str.maketrans(
    {
        "\u01a3": "ư",  # ƣ: a PDF font artefact for ư
        "\u01a2": "Ư",
        "\u00a0": " ",
        "\u202f": " ",
        "\u3000": " ",
        "\t": "   ",
        "\u200b": "",
        "\u200c": "",
        "\u200d": "",
        "\u2060": "",
        "\ufeff": "",
        "\u00ad": "",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\r": "\n",
        "\f": "\n",
        "\v": "\n",
        "\x85": "\n",
        "\u2028": "\n",
        "\u2029": "\n",
    }
)
_OLD_TO_NEW = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}  # fmt: skip
_OLD_TO_NEW.update({k.upper(): v.upper() for k, v in list(_OLD_TO_NEW.items())})
_OLD_TO_NEW.update(
    {k[0].upper() + k[1:]: v[0].upper() + v[1:] for k, v in list(_OLD_TO_NEW.items())}
)
# Only an open syllable moves its mark ("hoàn", "quý" read the same in both styles).
_OLD_STYLE = re.compile(r"(?<![qQ])(?:" + "|".join(_OLD_TO_NEW) + r")(?![^\W\d_])")

_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<\"'])")
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"</?[a-zA-Z][^<>\n]{0,80}>")
_HEADING = re.compile(r"^[ \t]*#{1,6}(?:[ \t]+|$)", re.MULTILINE)
_QUOTE = re.compile(r"^[ \t]*>[ \t]?", re.MULTILINE)
_BOLD = re.compile(r"\*{2,3}(?=\S)|(?<=\S)\*{2,3}")
_ITALIC = re.compile(r"(?<![\w*\\])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])")
_TABLE_RULE = re.compile(r"^[ \t]*\|[\s:|-]*\|?[ \t]*$", re.MULTILINE)
_TRAILING = re.compile(r"[ \t]+$", re.MULTILINE)
_BLANKS = re.compile(r"\n{4,}")
_JUNK = re.compile(
    r"^[ \t]*(?:"
    r"[-=]*[ \t]*\d{1,3}[ \t]*[-=]*"  # a page number, "- 2 -"
    r"|(?:Trang|Page)[ \t]+\d+(?:[ \t]*(?:/|of|trên)[ \t]*\d+)?"
    r"|[(\[<][ \t]*(?:[đĐ]ã ký|[kK]ý|[cC]hữ ký|[sS]ignature|[sS]igned|[dD]ấu)[^)\]>\n]{0,40}[)\]>]"
    r"|(?:Ký bởi|Thời gian ký|Người ký)[ \t]*:.*"
    r")[ \t]*$",
    re.MULTILINE,
)
_SIGNATURE_STAMP = re.compile(
    r"^[ \t]*Ký bởi[ \t]*:.*(?:\n[ \t]*(?:Email|E-mail|Cơ quan|Thời gian ký|Ngày ký|Chức vụ)"
    r"[ \t]*:.*){1,5}$",
    re.MULTILINE,
)
_OCR = {wrong: right for wrong, right in OCR_FIXES}
_OCR_RE = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, _OCR)) + r")(?!\w)")


@dataclass
class Cleaned:
    """A document's text after cleanup, and what had to be repaired on the way."""

    text: str
    warnings: list[str] = field(default_factory=list)
    located: list[tuple[int, str]] = field(default_factory=list)


def normalize(data: str | bytes) -> str:
    """The text of a document, decoded and cleaned the way the parser reads it."""
    return clean(data).text


def clean(data: str | bytes | bytearray) -> Cleaned:
    """Decode (if bytes) and clean a document's text; never raises on odd input."""
    if isinstance(data, bytes | bytearray):
        text, warnings = decode_bytes(bytes(data))
    else:
        text, warnings = repair_mojibake(data)
    if "\u01a3" in text or "\u01a2" in text:
        warnings.append("Sửa ký tự PDF ƣ thành ư / PDF artefact ƣ read as ư")
    if "\r\n" in text:
        text = text.replace("\r\n", "\n")
    text = unicodedata.normalize("NFC", text.translate(_CHARS))
    if "\x00" in text:
        text = text.replace("\x00", "")
    text = canonical_tones(strip_markdown(text))
    text = _BLANKS.sub("\n\n\n", _TRAILING.sub("", text))
    located: list[tuple[int, str]] = []
    text = _fix_ocr(text, located)
    if "Ký bởi" in text:
        text = _SIGNATURE_STAMP.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    text = _TRAILING.sub("", _JUNK.sub("", text))
    return Cleaned(text, warnings, located)


def canonical_tones(text: str) -> str:
    """New-style tone placement ("uỷ" → "ủy", "hoá" → "hóa"), so both styles compare equal."""
    return _OLD_STYLE.sub(lambda m: _OLD_TO_NEW[m.group(0)], text)


def strip_markdown(text: str) -> str:
    """Plain text from the markdown a Word conversion leaves (``**``, ``#``, ``\\*``, tables)."""
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    if "](" in text:
        text = _LINK.sub(r"\1", _IMAGE.sub("", text))
    if "<" in text:
        text = _TAG.sub("", _BREAK_TAG.sub("\n", text))
    if "#" in text:
        text = _HEADING.sub("", text)
    if ">" in text:
        text = _QUOTE.sub("", text)
    if "|" in text:
        text = _TABLE_RULE.sub("", text).replace("|", "   ")
    if "*" in text:
        text = _ITALIC.sub(r"\1", _BOLD.sub("", text))
    return text


def _fix_ocr(text: str, located: list[tuple[int, str]]) -> str:
    """Fix OCR slips; each fix is noted with the line it is on (line count is kept)."""

    def fix(match: re.Match[str]) -> str:
        wrong = match.group(0)
        line = text.count("\n", 0, match.start())
        located.append((line, f"Sửa lỗi OCR «{wrong}» → «{_OCR[wrong]}» / OCR slip fixed"))
        return _OCR[wrong]

    return _OCR_RE.sub(fix, text)
