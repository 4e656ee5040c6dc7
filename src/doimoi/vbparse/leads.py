"""Republications whose metadata is only in a lead or a headline: "Ngày 12-5-2018, Ban
Thường vụ Tỉnh ủy đã ban hành Chỉ thị số 21-CT/TU về …", "Chỉ thị 35-CT/TW của Bộ Chính trị
về …", "… thừa lệnh Chủ tịch UBND tỉnh X, … đã ký ban hành văn bản số 3653/UBND-TNMT …".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as _date

from doimoi.vbparse.tables import SIGNING, TYPE_NAMES

SURNAMES = frozenset(SIGNING["surnames"])

_TYPES = "|".join(
    sorted((re.escape(n) for n in TYPE_NAMES if n[0].isupper() and len(n) > 4), key=len)[::-1]
)
_SYMBOL = r"[A-ZĐ][^\W_]*(?:&[^\W_]+)*(?:(?:[-/.]|-\s(?=[A-ZĐ]))[^\W_]+(?:&[^\W_]+)*)*"
_NUMREF = (
    rf"(?P<num>\d{{1,5}}[a-z]?)(?:\s*(?:[-–]\s*|/\s*(?P<year>(?:19|20)\d\d)\s*/\s*|/\s*)"
    rf"(?P<sym>{_SYMBOL}))?"
)
_DATE = r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>(?:19|20)\d\d)"
_LONG_DATE = r"(?P<ld>\d{1,2})\s+tháng\s+(?P<lm>\d{1,2})\s+năm\s+(?P<ly>(?:19|20)\d\d)"
# An issuer's name may hold commas between capitalised words ("Sở Văn hóa, Thể thao và Du lịch").
_ISSUER = (
    r"(?P<issuer>(?:Ban|Bộ|Ủy ban|UBND|Tỉnh ủy|Thành ủy|Huyện ủy|Quận ủy|Thị ủy|Đảng ủy|Chi bộ"
    r"|Văn phòng|Thường trực|Thủ tướng|Chính phủ|Sở|Hội|Đoàn|Mặt trận|Liên đoàn|Hội đồng"
    r"|Phòng|Trung tâm|Cục)"
    r"(?:,\s(?=[A-ZĐ])|[^,.;:()]){0,80}?)"
)
# Words after a lead's number that start the rest of its sentence, not the document's title.
_NOT_TITLE = r"(?:gửi|đến|tới|cho|yêu cầu|đề nghị|chỉ đạo|nêu|nhấn mạnh|và)\b"
_LOWER_START = "a-zđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
LEAD = re.compile(
    rf"(?:Ngày\s+(?:{_DATE}|(?P<sd>\d{{1,2}})\s*[/-]\s*(?P<sm>\d{{1,2}}))\s*,?\s*)?"
    rf"{_ISSUER}\s+(?:đã\s+|vừa\s+|mới\s+)?(?:ký\s+)?(?:ban hành|có|ra|phát hành|đăng tải)\s+"
    rf"(?P<type>(?i:{_TYPES})|văn bản)\s+\(?(?:số\s+)?{_NUMREF}\)?"
    rf"(?:\s*,?\s*ngày\s+(?:{_LONG_DATE}|(?P<d2>\d{{1,2}})\s*[/.-]\s*(?P<m2>\d{{1,2}})\s*[/.-]\s*"
    rf"(?P<y2>(?:19|20)\d\d)))?"
    rf"(?:\s+của\s+(?P<of>{_ISSUER.replace('?P<issuer>', '')})(?=[.,;]|\s+(?:về|V/v)\s))?"
    r"(?:\s+gửi\s+[^.\n]{3,200}?(?=\s+về việc\s))?"  # the addressees before the abstract
    rf"(?:\s*,?\s*(?:(?:về việc|về|V/v)\s+|(?=[“\"])|(?!{_NOT_TITLE})(?=[{_LOWER_START}]))"
    rf"(?P<title>[^\n]{{8,400}}?)(?=\.\s|\.$|\n|$|,\s+(?:theo|trong) đó))?"
)
# "Ngày 23/11/2018, thừa lệnh Chủ tịch UBND tỉnh X, Phó Chánh Văn phòng ... Nguyễn Thanh đã ký
# ban hành văn bản số 3653/UBND-TNMT, V/v ...": the body the document speaks for, then who signed.
SIGNED = re.compile(
    rf"(?:Ngày\s+{_DATE}\s*,[^.]{{0,400}}?)?(?i:thừa lệnh|thay mặt)\s+(?:Chủ tịch\s+|Bộ trưởng\s+)?"
    r"(?P<issuer>(?:Ban|BTV|Ủy ban|UBND|Tỉnh ủy|Thành ủy|Huyện ủy|Quận ủy|Đảng ủy|Bộ|Sở)"
    r"[^,.;:()]{0,60}?)\s*,\s*(?P<who>[^.;]{0,160}?)\s*,?\s+(?:đã\s+|vừa\s+)?ký\s+ban hành\s+"
    rf"(?P<type>(?i:{_TYPES})|văn bản)\s+(?:số\s+)?{_NUMREF}"
    rf"(?:\s*,?\s*ngày\s+(?P<d2>\d{{1,2}})\s*[/.-]\s*(?P<m2>\d{{1,2}})\s*[/.-]\s*(?P<y2>(?:19|20)\d\d))?"
    rf"(?:\s*,?\s*(?:(?:về việc|về|V/v)\s+|(?=[“\"]))(?P<title>[^\n]{{8,400}}?)(?=\.\s|\.$|\n|$))?"
)
HEADLINE = re.compile(
    rf"^(?P<type>{_TYPES})\s+(?:số\s+)?{_NUMREF}(?:\s+năm\s+\d{{4}})?"
    rf"(?:\s*,?\s*ngày\s+(?:{_DATE}|{_LONG_DATE}))?(?:\s+của\s+{_ISSUER}(?=\s+(?:về|V/v)\s))?"
    rf"\s+(?:(?:về việc|về|V/v)\s+)?(?P<title>\S[^\n]{{8,400}})$"
)


@dataclass
class Lead:
    """Metadata read from a republication's lead or headline sentence."""

    type: str | None
    number: str
    symbol: str | None
    issuer: str | None
    date: str | None
    title: str | None
    signer: str | None = None


def read_lead(text: str) -> Lead | None:
    """The document a web page republishes, from its first lead sentence that names one."""
    head = text[:2500]
    for line in head.split("\n")[:6]:
        found = HEADLINE.match(line.strip())
        if found:
            return lead_of(found, headline=True)
    signed = SIGNED.search(head)
    if signed:
        lead = lead_of(signed, headline=False)
        lead.issuer = signed.group("issuer").strip()
        lead.signer = _name_in(signed.group("who"))
        return lead
    found = LEAD.search(head)
    return lead_of(found, headline=False) if found else None


def _name_in(words: str) -> str | None:
    """The first person's name in a phrase ("đồng chí Đinh Tiến Dũng, Ủy viên ..."): a surname
    and one to three more capitalised words."""
    tokens = words.replace(",", " , ").split()
    for at, token in enumerate(tokens):
        if token not in SURNAMES:
            continue
        name = [token]
        for word in tokens[at + 1 : at + 4]:
            if not word[0].isupper():
                break
            name.append(word)
        if len(name) >= 2:
            return " ".join(name)
    return None


def lead_of(found: re.Match[str], headline: bool) -> Lead:
    groups = found.groupdict()
    symbol = re.sub(r"\s+", "", groups.get("sym") or "") or None
    if symbol and groups.get("year"):
        symbol = f"{groups['year']}/{symbol}"
    date = None
    for d, m, y in (("d", "m", "y"), ("d2", "m2", "y2"), ("ld", "lm", "ly")):
        if groups.get(d) and groups.get(m) and groups.get(y):
            try:
                date = _date(int(groups[y]), int(groups[m]), int(groups[d])).isoformat()
            except ValueError:
                date = None
            break
    kind = groups["type"]
    type_name = None if kind.lower() == "văn bản" else _TYPE_CASE.get(kind.lower(), kind)
    title = _lead_title(groups.get("title") or "")
    if title and title.endswith(("…", "...")):
        title = None  # a teaser cut off mid-title
    if title and headline and type_name and title.startswith(type_name):
        title = title[len(type_name) :].strip() or None
    issuer, signer = _issuer_and_signer((groups.get("of") or groups.get("issuer") or "").strip())
    return Lead(type_name, groups["num"], symbol, issuer, date, title, signer)


_TYPE_CASE = {name.lower(): name for name in TYPE_NAMES}


# A headline that goes on after the title with what the document says: "Chỉ thị 35-CT/TW của
# Bộ Chính trị về Đại hội Đảng bộ các cấp nêu rõ sẽ giảm ...".
_TITLE_VERB = re.compile(r"\s(?:nêu rõ|chỉ rõ|nhấn mạnh|khẳng định|yêu cầu các)\s")


def _lead_title(raw: str) -> str | None:
    """A lead's title without end marks ("./."), and without quotes that enclose all of it."""
    cut = _TITLE_VERB.search(raw)
    title = (raw[: cut.start()] if cut else raw).strip(" .;,/")
    if len(title) > 1 and title[0] in "“\"'" and title[-1] in "”\"'":
        title = title[1:-1]
    elif title[:1] in "“\"'" and not any(q in title[1:] for q in '”"'):
        title = title[1:]
    return title.strip() or None


_OFFICE = re.compile(
    r"^(?:Chủ tịch|Phó Chủ tịch|Bí thư|Phó Bí thư|Giám đốc|Bộ trưởng)\s+(?=[A-ZĐ])"
)


def _issuer_and_signer(issuer: str) -> tuple[str | None, str | None]:
    """ "Chủ tịch UBND TP Nguyễn Thế Thảo": the office and the person who signs for it."""
    words = issuer.split()
    signer = None
    for at in range(1, len(words) - 2):
        rest = words[at:]
        if rest[0] in SURNAMES and 3 <= len(rest) <= 4 and all(w[0].isupper() for w in rest):
            signer = " ".join(rest)
            issuer = _OFFICE.sub("", " ".join(words[:at]))
            break
    return issuer or None, signer
