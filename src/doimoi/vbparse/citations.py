"""Finding citations ("Kế hoạch số 33-KH/TU, ngày 25/02/2022 của Ban Thường vụ Tỉnh ủy").

A citation is anchored on its number and symbol; the type name and "số" are read just
before it, the date and issuer just after it (or, "Ngày 16/3/2022, X ban hành ...", before).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from doimoi.vbparse.tables import GENERIC_TYPE_NAMES, STATE_TYPES, TYPE_NAMES, type_name
from doimoi.vbparse.text import fold

_CAPS = r"[A-ZĐ0-9]+(?![^\W_])"
CITATION = re.compile(
    r"(?<![\w/.,-])(?P<num>\d{1,5}[a-z]?)(?:"
    r"\s*/\s*(?:(?P<year>(?:19|20)\d\d)\s*/\s*)?"
    rf"(?P<ssym>[A-ZĐ][^\W_]*(?:-[^\W_]+|\s-\s?{_CAPS}|-\s{_CAPS})*)"
    r"|(?P<sep>\s*-\s*|\s)(?P<code>[A-ZĐ][A-Za-zĐđ]{0,5})\s*/\s*(?P<iss>[A-ZĐ][^\W_]*(?:-[^\W_]+)*))"
)
_NAMES = sorted(TYPE_NAMES, key=len, reverse=True)
_CANONICAL = {fold(name): name for name in TYPE_NAMES}
BEFORE = re.compile(
    r"(?:(?P<tname>" + "|".join(re.escape(n) for n in _NAMES) + r")\s*)?(?P<so>số\s*:?\s*)?$",
    re.IGNORECASE,
)
_DATE = (
    r"(?:(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})"
    r"|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>\d{4}))"
)
AFTER_DATE = re.compile(r"\s*[,;]?\s*\(?\s*(?:được\s+)?(?:ban hành\s+)?(?:ngày|Ngày)\s*" + _DATE)
AFTER_ISSUER = re.compile(r"\s*,?\s*(?:của|do)\s+(?P<iss>[^\W\d_][^,;.()“”\"*¶]{0,120})")
_ISSUER_STOP = re.compile(
    r"\s(?:về|v/v|khóa|thực hiện|triển khai|tiếp tục|và|ngày|năm|đã|đối với|gắn|nhằm|để|trong"
    r"|với|tại|theo|ban hành|là|cho|có|được|sao|quy định|hướng dẫn|phê duyệt|số|lần|nhiệm kỳ"
    r"|giai đoạn|cùng|hoặc|như|nay|kèm|gửi|yêu cầu|đến|trên|nêu|nói)(?=\s|$)"
)
_ASSEMBLY = re.compile(r"^(?:QH|UBTVQH)\d+$")
_NAMED_ACT = re.compile(r"\b(Bộ luật|Luật|Pháp lệnh|Nghị quyết|Hiến pháp)\b")
ISSUED_BY_BEFORE = re.compile(
    r"(?:[Nn]gày\s+" + _DATE + r"\s*,\s*)?(?P<iss>[^\W\d_][^,;.:¶]{1,80}?)\s+(?:đã\s+)?"
    r"(?:ban hành|có|gửi)\s*$"
)


@dataclass
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


def find_citations(text: str) -> list[Citation]:
    """Every mention of a numbered document in a flat text, in order."""
    found = []
    for match in CITATION.finditer(text):
        citation = _citation(text, match)
        if citation is not None:
            found.append(citation)
    return found


def _citation(text: str, match: re.Match[str]) -> Citation | None:
    before = BEFORE.search(text, max(0, match.start() - 48), match.start())
    tname = before.group("tname") if before else None
    spoken = bool(tname or (before and before.group("so")))
    kind, symbol, code = _symbol(match)
    if not spoken and (match.group("sep") == " " or (kind == "state" and not _strong(match))):
        return None
    start = before.start() if before and spoken else match.start()
    citation = Citation(start, match.end(), None, code, match.group("num"), symbol, None, None)
    citation.type = _type(tname, kind, code, match)
    _read_after(text, citation)
    if citation.date is None or citation.issuer is None:
        _read_before(text, citation)
    return citation


def _strong(match: re.Match[str]) -> bool:
    """A bare state symbol counts only with a year or two groups ("15/QĐ-UBND")."""
    return bool(match.group("year")) or "-" in match.group("ssym")


def _symbol(match: re.Match[str]) -> tuple[str, str, str | None]:
    if match.group("ssym"):
        ssym = re.sub(r"\s+", "", match.group("ssym"))
        groups = ssym.split("-")
        code = groups[0] if len(groups) > 1 and groups[0] in STATE_TYPES else None
        year = match.group("year")
        return "state", f"{year}/{ssym}" if year else ssym, code
    return "party", f"{match.group('code')}/{match.group('iss')}", match.group("code")


def _type(tname: str | None, kind: str, code: str | None, match: re.Match[str]) -> str | None:
    name = _CANONICAL.get(fold(" ".join(tname.split()))) if tname else None
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
    for _ in range(2):
        dated = AFTER_DATE.match(text, pos)
        if dated and citation.date is None:
            citation.date = iso_date(dated)
            pos = dated.end()
            continue
        issued = AFTER_ISSUER.match(text, pos)
        if issued and citation.issuer is None:
            citation.issuer = trim_issuer(issued.group("iss"))
            pos = issued.start("iss") + len(citation.issuer or "")
            continue
        break
    citation.end = pos


def _read_before(text: str, citation: Citation) -> None:
    window = text[max(0, citation.start - 140) : citation.start]
    found = ISSUED_BY_BEFORE.search(window)
    if not found:
        return
    if citation.date is None:
        citation.date = iso_date(found)
    if citation.issuer is None:
        issuer = found.group("iss").split(",")[-1].strip()
        citation.issuer = trim_issuer(issuer) if issuer[:1].isupper() else None


def trim_issuer(raw: str) -> str | None:
    """An issuer phrase cut before the words that start the rest of the sentence."""
    stop = _ISSUER_STOP.search(raw)
    text = raw[: stop.start()] if stop else raw
    words = text.split()[:10]
    issuer = " ".join(words).strip(" ,;:-")
    return issuer if issuer[:1].isupper() else None


def iso_date(found: re.Match[str]) -> str | None:
    """ISO date from a match with d/m/y or d2/m2/y2 groups, None when absent or invalid."""
    groups = found.groupdict()
    for keys in (("d", "m", "y"), ("d2", "m2", "y2")):
        parts = [groups.get(k) or "" for k in keys]
        if all(parts):
            try:
                return date(int(parts[2]), int(parts[1]), int(parts[0])).isoformat()
            except ValueError:
                return None
    return None
