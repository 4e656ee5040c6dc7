"""Finding citations ("Kế hoạch số 33-KH/TU, ngày 25/02/2022 của Ban Thường vụ Tỉnh ủy").

A citation is anchored on its number and symbol; the type name and "số" are read just
before it, the date and issuer just after it (or, "Ngày 16/3/2022, X ban hành ...", before).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from doimoi.vbparse.tables import (
    GENERIC_TYPE_NAMES,
    STATE_TYPES,
    TYPE_NAMES,
    type_name,
    unglue_symbol,
)
from doimoi.vbparse.text import fold, squash

_CAPS = r"[A-ZĐ0-9]+(?:&[A-ZĐ0-9]+)*(?![^\W_&])"
CITATION = re.compile(
    r"(?P<num>\d(?<!(?!ố)[\w/.,-]\d)\d{0,4}[a-z]?)(?:"  # "số31-QĐ/TW": glued to "số"
    r"\s*/\s*(?:(?P<year>(?:19|20)\d\d)\s*/\s*)?"
    rf"(?P<ssym>[A-ZĐ][^\W_]*(?:&[^\W_]+)*(?:(?:[-/.]|/\s(?=[A-ZĐ]{{2}}))[A-ZĐ0-9][^\W_]*(?:&[^\W_]+)*"
    rf"|\s-\s?{_CAPS}|-\s{_CAPS})*)"
    r"|(?P<sep>\s*-\s*|\s)(?P<code>[A-ZĐ][A-Za-zĐđ]{0,5})\s*/\s*"
    r"(?P<iss>[A-ZĐ][^\W_]*(?:&[^\W_]+)*(?:-[^\W_]+(?:&[^\W_]+)*)*))"
)
# Every citation has a slash a few characters after its number ("12/QĐ-UBND", "64-KH/TU"), so
# the pattern is tried only in a window around each slash: the regex engine scans text for a
# digit many times slower than ``str.find`` scans for "/".
# What follows a match's first slash: a symbol's capital, or a year and another slash
# ("22/2008/QH12"), maybe after spaces. A date's slashes are followed by neither.
_AFTER_FIRST_SLASH = re.compile(r"\s|[A-ZĐ]|(?:19|20)\d\d\s*/")
_REACH = 48  # characters from a citation's first digit to its first slash, at most
_TAIL = 160  # characters a match may run past that slash before it is tried again unbounded
_NAMES_BY_LAST_WORD: dict[str, list[str]] = {}
for _name in sorted((name.lower() for name in TYPE_NAMES), key=len, reverse=True):
    _NAMES_BY_LAST_WORD.setdefault(_name.split()[-1], []).append(_name)
_CANONICAL = {fold(name): name for name in TYPE_NAMES}
_BY_LOWER = {name.lower(): name for name in TYPE_NAMES}
_DATE = (
    r"(?:(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})"
    r"|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>\d{4}))"
)
# Written so that each space has one way to be read ("\s*[,;]?\s*" tries every split of a run
# of spaces before it fails) and with "|)" for optional words (cheaper than "?" on a group).
AFTER_DATE = re.compile(r"\s*(?:[,;]\s*|)(?:\(\s*|)(?:được\s+|)(?:ban hành\s+|)[nN]gày\s*" + _DATE)
AFTER_ISSUER = re.compile(r"\s*(?:,\s*|)(?:của|do)\s+(?P<iss>[^\W\d_][^,;.()“”\"*¶]{0,120})")
# Words that end an issuer phrase and start the rest of the sentence. The pattern is built with
# one branch per first letter (the regex engine tries branches one by one at each space).
_STOP_WORDS = [
    "về", "v/v", "khóa", "thực hiện", "triển khai", "tiếp tục", "và", "ngày", "năm", "đã",
    "đối với", "gắn", "nhằm", "để", "trong", "với", "tại", "theo", "ban hành", "là", "cho", "có",
    "được", "sao", "quy định", "hướng dẫn", "phê duyệt", "số", "lần", "nhiệm kỳ", "giai đoạn",
    "cùng", "hoặc", "như", "nay", "kèm", "gửi", "yêu cầu", "đến", "trên", "nêu", "nói",
]  # fmt: skip


def _by_first_letter(words: list[str]) -> str:
    first: dict[str, list[str]] = {}
    for word in words:
        first.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(f"{re.escape(k)}(?:{'|'.join(rests)})" for k, rests in first.items())


_ISSUER_STOP = re.compile(rf"\s(?:{_by_first_letter(_STOP_WORDS)})(?=\s|$)")
_ASSEMBLY = re.compile(r"^(?:QH|UBTVQH)\d+$")
_NAMED_ACT = re.compile(r"\b(Bộ luật|Luật|Pháp lệnh|Nghị quyết|Hiến pháp)\b")
_ISSUING_VERBS = (" đã ban hành", " ban hành", " đã có", " có", " đã gửi", " gửi")
_CLAUSE_STOPS = (". ", "; ", ": ", "¶ ")
_DATE_AT_END = re.compile(r"[Nn]gày\s+" + _DATE + r"\s*$")


@dataclass(slots=True)
class Citation:
    """One mention of another document in the text, with where it sits."""

    start: int
    end: int
    type: str | None
    type_code: str | None
    number: str | None
    symbol: str
    date: str | None
    issuer: str | None
    repeat: bool = False


def find_citations(text: str) -> list[Citation]:
    """Every mention of a numbered document in a flat text, in order.

    A document mentioned again after a mention that gave its type, date and issuer is not
    read again: the repeat keeps only its place in the text (``repeat`` is True).
    """
    found = []
    complete: set[tuple[str, str]] = set()
    for match in matches(text):
        key = _key(match)
        if key in complete:
            found.append(Citation(match.start(), match.end(), None, None, key[0], key[1],
                                  None, None, repeat=True))  # fmt: skip
            continue
        listed, at = _listed(text, match)
        citation = _citation(text, match, key, at)
        if citation is not None:
            for number in listed:
                found.append(Citation(citation.start, citation.end, citation.type,
                                      citation.type_code, number, citation.symbol,
                                      citation.date, citation.issuer))  # fmt: skip
            found.append(citation)
            if citation.type and citation.date and citation.issuer:
                complete.add(key)
    return found


def matches(text: str) -> Iterator[re.Match[str]]:
    """What ``CITATION.finditer(text)`` finds, tried only near each slash that can be a match's
    first one (the first slash at or after the last match's end is the next match's first)."""
    pos, size = 0, len(text)
    while (slash := text.find("/", pos)) != -1:
        if _AFTER_FIRST_SLASH.match(text, slash + 1) is None:  # "22/9/2021", "(b/c)"
            pos = slash + 1
            continue
        high = slash + _TAIL
        match = CITATION.search(text, max(pos, slash - _REACH), high)
        if match is not None and high < size and match.end() >= high - 3:
            match = CITATION.search(text, max(pos, slash - _REACH))  # it may run on: unbounded
        if match is None:
            pos = slash + 1
            continue
        yield match
        pos = match.end()


def _key(match: re.Match[str]) -> tuple[str, str]:
    """Number and symbol of a match, as written once spaces are taken out."""
    num, ssym, year, code, iss = match.group("num", "ssym", "year", "code", "iss")
    if ssym is None:
        return num, f"{code}/{iss}"
    ssym = unglue_symbol("".join(ssym.split()))
    return num, f"{year}/{ssym}" if year else ssym


def spoken_before(text: str, pos: int) -> tuple[str | None, bool, int]:
    """The type name and "số" written just before a number: (name, "số" seen, start)."""
    window = text[max(0, pos - 40) : pos]
    head = window.rstrip().rstrip(":").rstrip()
    so = head[-2:].lower() == "số" and (len(head) == 2 or not head[-3].isalpha())
    if so:
        head = head[:-2].rstrip()
    start = pos - len(window) + (len(head) if so else len(window))
    spaced = "  " in head
    lowered = " ".join(head.split()).lower() if spaced else head.lower()
    last = lowered[lowered.rfind(" ") + 1 :]
    for name in _NAMES_BY_LAST_WORD.get(last, ()):
        cut = len(lowered) - len(name)
        if lowered.endswith(name) and (cut == 0 or not lowered[cut - 1].isalpha()):
            raw = _raw_start(head, name) if spaced else cut
            return " ".join(head[raw:].split()), so, pos - len(window) + raw
    return None, so, start


def _raw_start(head: str, name: str) -> int:
    """Where a name found in the squashed head begins in the head as written."""
    letters = len(name.replace(" ", ""))
    at = len(head)
    while letters and at:
        at -= 1
        if not head[at].isspace():
            letters -= 1
    return at


# Numbers listed before a cited symbol share it: "Nghị quyết số 18, 19-NQ/TW" cites 18 and 19.
_LISTED = re.compile(r"(?<![\w/.-])((?:\d{1,5}[a-z]?\s*(?:,|và)\s*)+)$")


def _listed(text: str, match: re.Match[str]) -> tuple[list[str], int]:
    """The numbers listed just before a citation's number, and where the list starts."""
    if match.group("ssym") is None and match.group("sep") == " ":
        return [], match.start()
    near = text[max(0, match.start() - 4) : match.start()]
    if "," not in near and "và" not in near:
        return [], match.start()
    found = _LISTED.search(text[max(0, match.start() - 30) : match.start()])
    if found is None:
        return [], match.start()
    numbers = re.findall(r"\d{1,5}[a-z]?", found.group(1))
    return numbers, match.start() - len(found.group(1))


def _citation(text: str, match: re.Match[str], key: tuple[str, str], at: int) -> Citation | None:
    tname, so, start = spoken_before(text, at)
    spoken = bool(tname or so)
    kind, symbol, code = _symbol(match, key[1])
    if not spoken and (match.group("sep") == " " or (kind == "state" and not _strong(match))):
        return None
    start = start if spoken else match.start()
    citation = Citation(start, match.end(), None, code, match.group("num"), symbol, None, None)
    citation.type = _type(tname, kind, code, match)
    _read_after(text, citation)
    if citation.date is None or citation.issuer is None:
        _read_before(text, citation)
    return citation


def _strong(match: re.Match[str]) -> bool:
    """A bare state symbol counts only with a year or two groups ("15/QĐ-UBND")."""
    return bool(match.group("year")) or "-" in match.group("ssym")


def _symbol(match: re.Match[str], symbol: str) -> tuple[str, str, str | None]:
    ssym, code = match.group("ssym", "code")
    if ssym:
        groups = "".join(ssym.split()).split("-")
        code = groups[0] if len(groups) > 1 and groups[0] in STATE_TYPES else None
        return "state", symbol, code
    return "party", symbol, code


def _type(tname: str | None, kind: str, code: str | None, match: re.Match[str]) -> str | None:
    name = (_BY_LOWER.get(tname.lower()) or _CANONICAL.get(fold(squash(tname)))) if tname else None
    if name and name not in GENERIC_TYPE_NAMES:
        return name
    from_code = type_name(kind, code)
    if from_code:
        return from_code
    if kind == "state" and not match.group("year") and name in GENERIC_TYPE_NAMES:
        return "Công văn"
    if name is None and _ASSEMBLY.match(match.group("ssym") or ""):
        return _assembly_type(match)
    return name


def _assembly_type(match: re.Match[str]) -> str:
    """A National Assembly number (…/QH12) cited by name: "Luật Cán bộ, công chức số 22/2008/QH12"."""
    window = match.string[max(0, match.start() - 90) : match.start()]
    named = _NAMED_ACT.findall(window)
    if named:
        return _CANONICAL[fold(named[-1])]
    return "Luật" if match.group("ssym").startswith("QH") else "Pháp lệnh"


def _read_after(text: str, citation: Citation) -> None:
    pos = citation.end
    ahead = text[pos : pos + 24]
    if "gày" not in ahead and "của" not in ahead and "do " not in ahead:
        return
    for _ in range(2):
        dated = AFTER_DATE.match(text, pos) if citation.date is None else None
        if dated:
            citation.date = iso_date(dated)
            pos = dated.end()
            continue
        issued = AFTER_ISSUER.match(text, pos) if citation.issuer is None else None
        if issued:
            citation.issuer = trim_issuer(issued.group("iss"))
            pos = issued.start("iss") + len(citation.issuer or "")
            continue
        break
    citation.end = pos


def _read_before(text: str, citation: Citation) -> None:
    """Date and issuer written before: "Ngày 16/3/2022, Ban Thường vụ Tỉnh ủy ban hành ..."."""
    near = text[max(0, citation.start - 16) : citation.start]
    if "hành" not in near and "có" not in near and "gửi" not in near:
        return
    head = text[max(0, citation.start - 160) : citation.start].rstrip()
    verb = next((v for v in _ISSUING_VERBS if head.endswith(v)), None)
    if verb is None:
        return
    head = head[: -len(verb)].rstrip()
    clause = head[max(head.rfind(stop) for stop in _CLAUSE_STOPS) + 1 :]
    before, _, issuer = clause.rpartition(",")
    issuer = issuer.strip()
    if citation.issuer is None and issuer[:1].isupper() and len(issuer.split()) <= 10:
        citation.issuer = trim_issuer(issuer)
    dated = _DATE_AT_END.search(before) if before else None
    if citation.date is None and dated:
        citation.date = iso_date(dated)


def trim_issuer(raw: str) -> str | None:
    """An issuer phrase cut before the words that start the rest of the sentence."""
    raw = raw[:100]
    stop = _ISSUER_STOP.search(raw)
    words = (raw[: stop.start()] if stop else raw).split()
    issuer = " ".join(words[:10]).strip(" ,;:-")
    return issuer if issuer[:1].isupper() else None


_DATE_GROUPS = ("d", "m", "y", "d2", "m2", "y2")


def iso_date(found: re.Match[str]) -> str | None:
    """ISO date from a match with d/m/y or d2/m2/y2 groups, None when absent or invalid."""
    try:  # one call for the six groups
        day, month, year, day2, month2, year2 = found.group(*_DATE_GROUPS)
    except IndexError:  # a pattern without some of them
        groups = found.groupdict()
        day, month, year, day2, month2, year2 = (groups.get(name) for name in _DATE_GROUPS)
    if not (day and month and year):
        day, month, year = day2, month2, year2
        if not (day and month and year):
            return None
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None
