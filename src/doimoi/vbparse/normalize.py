"""Text cleanup before reading: encodings, Unicode NFC, tone placement, markdown, OCR slips, junk.

Every repair that could change what a field says is reported as a warning.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from doimoi.vbparse.decode import decode_bytes, repair_mojibake
from doimoi.vbparse.tables import OCR_FIXES
from doimoi.vbparse.webheader import rejoin_header, unflatten

_CHARS: dict[str, str] = dict(
    {
        "\u01a3": "ư",  # ƣ: a PDF font artefact for ư
        "\u01a2": "Ư",
        "\u00d0": "Đ",  # Ð (Icelandic eth): a font's stand-in for Đ ("XDÐT", "QÐ-UBND")
        "\u00f0": "đ",
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
        "\x00": "",
    }
)
_ZERO_LOW = {char: re.compile(re.escape(char)) for char in _CHARS if ord(char) % 256 == 0}
_OLD_TO_NEW = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}  # fmt: skip
_OLD_TO_NEW.update({k.upper(): v.upper() for k, v in list(_OLD_TO_NEW.items())})
_OLD_TO_NEW.update(
    {k[0].upper() + k[1:]: v[0].upper() + v[1:] for k, v in list(_OLD_TO_NEW.items())}
)
# Only an open syllable moves its mark ("hoàn", "quý" read the same in both styles); "qu" is
# checked in the replacement. Each pattern starts with one literal letter, which the regex engine
# scans for many times faster than for a set of letters.
_OLD_O = re.compile(r"o[àáảãạèéẻẽẹ](?![^\W\d_])")
_OLD_O_CAPS = re.compile(r"O[àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ](?![^\W\d_])")
# "uỳ", "uý", … (either letter in capitals), not after "q": "quý" keeps its mark, and a form
# found only there would cost a pass for nothing. One scan for each "u", as for "o" above.
_OLD_U = re.compile(r"u[ỳýỷỹỵỲÝỶỸỴ](?<![qQ]u.)(?![^\W\d_])")
_OLD_U_CAPS = re.compile(r"U[ỳýỷỹỵỲÝỶỸỴ](?<![qQ]U.)(?![^\W\d_])")

# Any trace of markdown; a lone "*" (the party star line) is not one.
_MARKDOWN_MARKS = ("\\", "]", "<", "#", ">", "|")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<\"'])")
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"</?[a-zA-Z][^<>\n]{0,80}>")
_HEADING = re.compile(r"^[ \t]*#{1,6}(?:[ \t]+|$)", re.MULTILINE)
_QUOTE = re.compile(r"^[ \t]*>[ \t]?", re.MULTILINE)
_ITALIC = re.compile(r"\*(?<![\w*\\]\*)(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])")
_TABLE_RULE = re.compile(r"^[ \t]*\|[\s:|-]*\|?[ \t]*$", re.MULTILINE)
# Every branch opens with one character or a set of them: the regex engine then turns a line
# away on its first character, where a branch opening with a repeat ("[-=]*") or a group is
# tried in full on every line of the text.
_STAMP_ROW = r"[ \t]*:(?![^\n]*(?:Nơi ban hành|Ngày ban hành|Số hiệu)).*"
_JUNK = re.compile(
    r"\n[ \t]*(?:"
    r"[-=]+[ \t]*\d{1,3}[ \t]*[-=]*|\d{1,3}[ \t]*[-=]*"  # a page number, "- 2 -"
    r"|Trang[ \t]+\d+(?:[ \t]*(?:/|of|trên)[ \t]*\d+)?"
    r"|Page[ \t]+\d+(?:[ \t]*(?:/|of|trên)[ \t]*\d+)?"
    r"|[(\[<][ \t]*(?:[đĐ]ã ký|[kK]ý|[cC]hữ ký|[sS]ignature|[sS]igned|[dD]ấu)[^)\]>\n]{0,40}[)\]>]"
    # a signature stamp's line, not a site's metadata row ("Người ký : X Nơi ban hành : Y")
    rf"|Ký bởi{_STAMP_ROW}|Thời gian ký{_STAMP_ROW}|Người ký{_STAMP_ROW}"
    r")(?=\n|$)"
)
# " \n" looked for from the line break (a literal the regex engine scans for fast), not the space.
_TRAILING_SPACE = re.compile(r"\n(?<= \n)")
# Five line breaks written out, not "\n{5,}": a pattern that opens with a repeat gives the
# regex engine no first character to scan for, so it tried a match at every character.
_BLANK_RUN = re.compile(r"\n\n\n\n\n+")
_SIGNATURE_STAMP = re.compile(
    r"^[ \t]*Ký bởi[ \t]*:.*(?:\n[ \t]*(?:Email|E-mail|Cơ quan|Thời gian ký|Ngày ký|Chức vụ)"
    r"[ \t]*:.*){1,5}$",
    re.MULTILINE,
)
_OCR = {wrong: right for wrong, right in OCR_FIXES}


# Letters by falling frequency in party and state documents (counted on the seeds and on
# tests/corpus/real, each half of the weight).
_BY_FREQUENCY = (
    "nhctgiuyđaNáTàvomprHCưủệộịảếsĐlbốạềdựkqăBíêứâơIậGớôxKổểUQVụAấỉLóờDìPMợYỦSởầãXỘeýÂửồỆòắúữWẩ"
    "ọẾÀỊORẢặỈƯùÁÊễẫĩÒừẠũÃéÍỀĨỐỤỷèỳỗƠằỒõĂỰỨÔỚẦẽÌẤỂỏỔỜỡÓẬẮẻỹỞEỢỬÝẹỮỌFỲfỪẪẵÙÉÈZẳẨỄwÚỶỵỖŨẶẰẴỎỠûj"
)
_COMMONNESS = {char: len(_BY_FREQUENCY) - rank for rank, char in enumerate(_BY_FREQUENCY)}


def _anchors(words: list[str]) -> dict[str, int]:
    """Where to look for each slip from: its rarest letter (the regex stops at each one, so
    the fewer stops the faster), or a letter another slip already stops at when that is
    about as rare."""
    chosen: dict[str, int] = {}
    stops: set[str] = set()
    by_rarest = sorted(words, key=lambda w: min(_COMMONNESS.get(ch, 0) for ch in w if ch.isalpha()))
    for wrong in by_rarest:
        letters = [i for i, ch in enumerate(wrong) if ch.isalpha()]
        best = min(letters, key=lambda i: _COMMONNESS.get(wrong[i], 0))
        shared = [i for i in letters if wrong[i] in stops]
        if shared:
            near = min(shared, key=lambda i: _COMMONNESS.get(wrong[i], 0))
            if _COMMONNESS.get(wrong[near], 0) <= _COMMONNESS.get(wrong[best], 0) + 1:
                best = near
        chosen[wrong] = best
        stops.add(wrong[best])
    return chosen


def _around(wrong: str, cut: int) -> str:
    """The rest of a slip around its anchor letter: what is behind it, what follows."""
    head, char, tail = re.escape(wrong[:cut]), re.escape(wrong[cut]), re.escape(wrong[cut + 1 :])
    behind = f"(?<={head}{char})" if cut else ""
    return f"{behind}(?={tail}(?!\\w))"


_OCR_BY_ANCHOR: dict[str, list[tuple[str, int]]] = {}
for _wrong, _cut in _anchors(list(_OCR)).items():
    _OCR_BY_ANCHOR.setdefault(_wrong[_cut], []).append((_wrong, _cut))
# One branch per anchor letter, its slips inside: a stop tries one branch, not every slip.
_OCR_RE = re.compile(
    "|".join(
        re.escape(char) + "(?:" + "|".join(_around(w, cut) for w, cut in slips) + ")"
        for char, slips in _OCR_BY_ANCHOR.items()
    )
)


@dataclass
class Cleaned:
    """A document's text after cleanup, and what had to be repaired on the way."""

    text: str
    warnings: list[str] = field(default_factory=list)
    located: list[tuple[int, str]] = field(default_factory=list)


# Tone marks that a broken PDF text layer put after spaces instead of on their letters.
_COMBINING = re.compile(r"[\u0300-\u036f]")
_LOOSE_MARKS = re.compile(
    r"(?<=\s)[\u0300-\u036f]+(?:\s(?=[\u0300-\u036f]))?|\s+(?=[\u0300-\u036f])"
)


def normalize(data: str | bytes) -> str:
    """The text of a document, decoded and cleaned the way the parser reads it."""
    return clean(data).text


def clean(data: str | bytes | bytearray) -> Cleaned:
    """Decode (if bytes) and clean a document's text; never raises on odd input."""
    if isinstance(data, bytes | bytearray):
        text, warnings = decode_bytes(bytes(data))
    else:
        text, warnings = repair_mojibake(data)
    odd = _odd_chars(text)
    if odd:
        text = _plain_chars(text, warnings, odd)
    if "\\" in text and text.count("\\r\\n") >= 3:
        text = text.replace("\\r\\n", "\n")
        warnings.append("Ký tự xuống dòng bị ghi thành chữ \\r\\n (đã sửa) / escaped line breaks")
    text = canonical_tones(strip_markdown(unicodedata.normalize("NFC", text)))
    if _combining_near_start(text) and _LOOSE_MARKS.search(text):
        text = _LOOSE_MARKS.sub("", text)
        warnings.append("Bỏ dấu thanh rời khỏi chữ (bản PDF lỗi) / stray tone marks dropped")
    if "Ký bởi" in text:
        text = _SIGNATURE_STAMP.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    text = rejoin_header(unflatten(_tidy_lines(text)))
    located: list[tuple[int, str]] = []
    if _OCR_RE.search(text):
        text = _fix_ocr(text, located)
    return Cleaned(text, warnings, located)


def _odd_chars(text: str) -> list[str]:
    """The characters of ``_CHARS`` in a text, in ``_CHARS``'s order.

    One ``in`` test per character: a search for one character is vectorised (a byte search for
    its low byte), some 40 times faster than a regex's scan for a set of them (which tests every
    character). In a text of two-byte characters (any Vietnamese text), NUL and U+3000 have a
    zero low byte, which every ASCII letter's high byte also is, so ``in`` walks them character
    by character; the regex engine's scan for one literal character is about twice as fast there.
    An ASCII text is one byte a character, where ``in`` is a plain byte search again.
    """
    wide = not text.isascii()
    return [
        char
        for char in _CHARS
        if (_ZERO_LOW[char].search(text) if wide and char in _ZERO_LOW else char in text)
    ]


def _combining_near_start(text: str) -> bool:
    """A combining mark (U+0300–U+036F) in the first 3,000 characters. In UTF-8 only U+0300–
    U+037F start with byte CC or CD, and a byte search is many times faster than a regex's
    scan for a range of characters; the regex then says whether it is one of ours."""
    head = text[:3000].encode("utf-8", "surrogatepass")
    return (b"\xcc" in head or b"\xcd" in head) and _COMBINING.search(text, 0, 3000) is not None


def _plain_chars(text: str, warnings: list[str], odd: list[str]) -> str:
    """ƣ as ư, odd spaces and dashes as plain ones, every line break as "\\n".

    ``odd`` are the odd characters in the text, each replaced everywhere at once (what replaces
    one is never another).
    """
    if "\u01a3" in odd or "\u01a2" in odd:
        warnings.append("Sửa ký tự PDF ƣ thành ư / PDF artefact ƣ read as ư")
    if "\r" in odd:
        text = text.replace("\r\n", "\n")
    for char in odd:
        text = text.replace(char, _CHARS[char])
    return text


def _tidy_lines(text: str) -> str:
    """Trailing spaces, page numbers and signature placeholders off; blank runs cut to three."""
    if _TRAILING_SPACE.search(text) or text.endswith(" "):
        text = "\n".join([line.rstrip() for line in text.split("\n")])
    text = _JUNK.sub("\n", f"\n{text}")[1:]
    if "\n\n\n\n\n" in text:
        text = _BLANK_RUN.sub("\n\n\n\n", text)
    return text


def canonical_tones(text: str) -> str:
    """New-style tone placement ("uỷ" → "ủy", "hoá" → "hóa"), so both styles compare equal.

    Each old-style spelling present is replaced in one C-level pass of its own.
    """
    for old in _old_forms(text):
        if old in _OLD_TO_NEW:
            text = _old_form(old).sub(_OLD_TO_NEW[old], text)
    return text


def _old_forms(text: str) -> set[str]:
    """The old-style spellings ("oà", "uỷ", "OÁ", …) at a syllable's end in a text."""
    found = set(_OLD_O.findall(text))
    found.update(_OLD_U.findall(text))
    if "O" in text:
        found.update(_OLD_O_CAPS.findall(text))
    if "U" in text:
        found.update(_OLD_U_CAPS.findall(text))
    return found


@lru_cache(maxsize=64)
def _old_form(old: str) -> re.Pattern[str]:
    """One old-style spelling at the end of a syllable, not after "q" ("quý" stays)."""
    return re.compile(f"{re.escape(old)}(?<![qQ]{re.escape(old)})(?![^\\W\\d_])")


def strip_markdown(text: str) -> str:
    """Plain text from the markdown a Word conversion leaves (``**``, ``#``, ``\\*``, tables)."""
    stars = text.count("*")
    if stars < 2 and not any(mark in text for mark in _MARKDOWN_MARKS):
        return text
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    if "]" in text and "](" in text:
        text = _LINK.sub(r"\1", _IMAGE.sub("", text))
    if "<" in text:
        text = _html(text) if text.count("</") >= 5 else _TAG.sub("", _BREAK_TAG.sub("\n", text))
    if "#" in text:
        text = _HEADING.sub("", text)
    if ">" in text:
        text = _QUOTE.sub("", text)
    if "|" in text:
        text = _TABLE_RULE.sub("", text).replace("|", "   ")
    if stars > 1 and "**" in text:
        text = text.replace("**", "")
    if stars > 1 and text.count("*") > 1:
        text = _ITALIC.sub(r"\1", text)
    return text


# A page's HTML served as text (a Word table: "<td style=...>", "<br />", "&nbsp;"): block ends
# become line breaks, every tag goes, entities are read.
_BLOCK_END = re.compile(r"<(?:br\b[^<>]*|/(?:p|td|th|tr|div|li|h\d|table))\s*/?>", re.IGNORECASE)
_ANY_TAG = re.compile(r"</?[a-zA-Z!][^<>]*>|<[a-zA-Z][^<>]*$")


def _html(text: str) -> str:
    text = _ANY_TAG.sub(" ", _BLOCK_END.sub("\n", text))
    return html.unescape(text)


def _fix_ocr(text: str, located: list[tuple[int, str]]) -> str:
    """Fix OCR slips; each fix is noted with the line it is on (line count is kept)."""
    pieces: list[str] = []
    done = 0
    for match in _OCR_RE.finditer(text):
        at = match.start()
        wrong, cut = next(
            (w, k) for w, k in _OCR_BY_ANCHOR[match.group(0)] if text.startswith(w, at - k)
        )
        start, end = at - cut, at - cut + len(wrong)
        if start < done or (start and text[start - 1].isalnum()):
            continue
        located.append((text.count("\n", 0, start), _ocr_note(wrong)))
        pieces += [text[done:start], _OCR[wrong]]
        done = end
    return "".join([*pieces, text[done:]])


def _ocr_note(wrong: str) -> str:
    return f"Sửa lỗi OCR «{wrong}» → «{_OCR[wrong]}» / OCR slip fixed"
