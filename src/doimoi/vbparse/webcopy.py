"""Documents as websites publish them: header tables copied cell by cell, site metadata
blocks ("Số hiệu: … | Người ký: …") and republications whose metadata is only in a lead
("Ngày 12-5-2018, Ban Thường vụ Tỉnh ủy đã ban hành Chỉ thị số 21-CT/TU về …").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date as _date
from typing import TYPE_CHECKING

from doimoi.vbparse.lines import parse_mark, parse_number
from doimoi.vbparse.tables import SIGNING, TYPE_NAMES, type_name
from doimoi.vbparse.text import fold, is_upper

if TYPE_CHECKING:
    from doimoi.vbparse.model import Document

HEAD = 45
_PIPE_EDGE = re.compile(r"^\s*\|\s?|\s?\|\s*$")
_BODY = re.compile(r"^(?:Căn cứ|Thực hiện|Xét|Điều\s+\d|Chương\s|I\.\s)")
_TYPE_WORDS = frozenset(fold(name).upper() for name in TYPE_NAMES if " " not in name)


def rejoin_header(text: str) -> str:
    """Lines a copy broke inside one header cell joined again, "|" cell marks dropped.

    "ỦY" / "BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI" / "CHỦ NGHĨA VIỆT NAM", "Số:" / "14/2007/QĐ-UBND",
    "Tam" / "Kỳ, ngày 19 tháng 6 năm 2007", "Hà Nội, ngày 14" / "tháng 05 năm 2013".
    """
    lines = text.split("\n", HEAD)
    head = lines[:HEAD]
    if not any(_breaks(line) for line in head):
        return text
    out: list[str] = []
    for index, raw in enumerate(head):
        line = _PIPE_EDGE.sub("", raw).rstrip() if "|" in raw and raw.count("|") <= 2 else raw
        if _BODY.match(line.strip()):
            out.extend([line, *head[index + 1 :]])
            break
        if out and line.strip() and len(out[-1]) <= 80 and _joins(out[-1].strip(), line.strip()):
            out[-1] = f"{out[-1].rstrip()} {line.strip()}"
            continue
        out.append(line)
    return "\n".join(out + lines[HEAD:])


_PLACE_OPEN = re.compile(r"^[A-ZĐ][^\s,]*\s*,\s*ngày\b")


def _place_start(previous: str) -> bool:
    """The first words of a place name a copy broke before its last word ("Phan Rang-Tháp")."""
    words = previous.split()
    if not 0 < len(words) <= 3 or is_upper(previous):
        return False
    return all(w[0].isupper() and all(ch.isalpha() or ch == "-" for ch in w) for w in words)


def _breaks(line: str) -> bool:
    stripped = line.strip()
    if not stripped or len(stripped) > 60:  # header cells are short; body lines are not
        return False
    if " " not in stripped:
        return stripped in ("|", "Số:") or (len(stripped) > 1 and stripped.isalpha())
    ends = (" |", "Số:", "ngày", "XÃ HỘI", "ỦY BAN", "BAN NHÂN", "HÒA XÃ", "HỘI CHỦ")
    if stripped.endswith(ends):
        return True
    dated = "ngày" in stripped and "năm" not in stripped
    return dated and (stripped[-1].isdigit() or stripped.endswith("tháng"))


_RULE_CHARS = frozenset("-_=*. ")


# Motto and issuer words a table wraps: (how the first line ends, how the next one may begin).
_WRAPPED = (
    (("XÃ HỘI", "CỘNG HÒA", "CỘNG", "HÒA XÃ"), ("CHỦ NGHĨA", "HÒA XÃ HỘI", "HỘI CHỦ NGHĨA")),
    (("HỘI CHỦ",), ("NGHĨA VIỆT NAM",)),
    (("ỦY BAN",), ("NHÂN DÂN",)),
    (("BAN NHÂN",), ("DÂN",)),
)


def _joins(previous: str, line: str) -> bool:
    if not previous or set(previous) <= _RULE_CHARS:
        return False
    if previous in ("Số:", "Số", "SỐ:") or previous.endswith(" Số:"):
        return line[0].isdigit()
    if "ngày" in previous and "năm" not in previous:
        if previous.endswith(("ngày", "tháng")):  # "Cần Thơ, ngày 11 tháng" / "7 năm 2011"
            return line[:1].isdigit()
        return previous[-1].isdigit() and line.startswith(("tháng", "năm"))
    wrapped = next((goes_on for end, goes_on in _WRAPPED if previous.endswith(end)), None)
    if wrapped is not None:
        return line.startswith(wrapped)
    if ", ngày" in line and _PLACE_OPEN.match(line) and _place_start(previous):
        return True
    if " " in previous or len(previous) < 2 or len(line) < 4 or not previous.isalpha():
        return False
    if fold(previous).upper() in _TYPE_WORDS or parse_mark(previous) or parse_mark(line):
        return False
    return previous[0].isupper() and (is_upper(previous) == is_upper(line.split()[0]))


# ---- site metadata --------------------------------------------------------------------

_META_KEYS = {
    "so hieu": "number",
    "loai van ban": "type",
    "noi ban hanh": "issuer",
    "co quan ban hanh": "issuer",
    "nguoi ky": "signer_name",
    "ngay ban hanh": "date",
}
_META_KEY = re.compile(
    r"(so hieu|loai van ban|noi ban hanh|co quan ban hanh|nguoi ky|ngay ban hanh"
    r"|ngay hieu luc|ngay cong bao|so cong bao|linh vuc|tinh trang|ngay het hieu luc)\s*:?\s*(?:\|\s*)?",
)
_SEPARATED = re.compile(r"\s*[:|]|\s{2,}|\t")
_UNKNOWN = ("dang cap nhat", "da biet", "")


@dataclass
class SiteMeta:
    """What a site's metadata block says about the document it shows."""

    values: dict[str, str] = field(default_factory=dict)
    headline: str | None = None


def site_metadata(lines: list[str]) -> tuple[SiteMeta, list[str]]:
    """The metadata block in the first lines of a web copy, and the lines without it."""
    meta = SiteMeta()
    head = fold("\n".join(lines[:14]))
    if not any(key in head for key in _META_KEYS):
        return meta, lines
    kept = list(lines)
    found = []
    for index, raw in enumerate(lines[:14]):
        line = raw.strip().lstrip("|").strip()
        folded = fold(line)
        hits = list(_META_KEY.finditer(folded))
        if not hits or hits[0].start() > 0 or not _SEPARATED.match(folded, len(hits[0].group(1))):
            continue
        found.append(index)
        for at, hit in enumerate(hits):
            end = hits[at + 1].start() if at + 1 < len(hits) else len(line)
            value = line[hit.end() : end].strip(" |:")
            key = _META_KEYS.get(hit.group(1))
            if key and fold(value) not in _UNKNOWN:
                meta.values.setdefault(key, value)
    if not found:
        return meta, lines
    first = found[0]
    above = [i for i in range(first) if lines[i].strip()]
    if above and len(above) <= 2 and not is_upper(lines[above[0]]):
        meta.headline = lines[above[0]].strip()
        kept[above[0]] = ""
    for index in found:
        kept[index] = ""
    return meta, kept


# ---- leads ----------------------------------------------------------------------------

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
            return _lead(found, headline=True)
    signed = SIGNED.search(head)
    if signed:
        lead = _lead(signed, headline=False)
        lead.issuer = signed.group("issuer").strip()
        lead.signer = _name_in(signed.group("who"))
        return lead
    found = LEAD.search(head)
    return _lead(found, headline=False) if found else None


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


def _lead(found: re.Match[str], headline: bool) -> Lead:
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


# ---- putting it on the document --------------------------------------------------------

SURNAMES = frozenset(SIGNING["surnames"])
LEAD_NOTE = "Đọc từ đoạn dẫn của trang web (độ tin cậy thấp) / read from a web lead"
META_NOTE = "Bổ sung từ bảng thông tin của trang web / filled from the site's metadata"
_BARE_ISSUERS = ("ủy ban nhân dân", "hội đồng nhân dân", "chủ tịch ủy ban nhân dân")
_SYMBOL_HEAD = re.compile(r"\b(?P<num>\d{1,5})\s*-\s*(?P<code>[A-ZĐ]{2,4})/(?P<org>[A-ZĐ]{2,8})\b")
_ORG = re.compile(
    r"^(?:dang|tinh uy|thanh uy|huyen uy|quan uy|thi uy|chi bo|ban |bo |uy ban|ubnd|hdnd"
    r"|hoi dong|so |cuc |tong cuc|vu |vien |truong |hoi |van phong|chinh phu|quoc hoi|cong an"
    r"|mat tran|doan |lien doan|trung tam|hoc vien|dai hoc|toa an|kiem toan|thanh tra|thu tuong"
    r"|chu tich|thuong truc|ban chap hanh|cong ty|tap doan|ngan hang)"
)


def apply_web(document: Document, meta: SiteMeta, head: str, motto: bool = False) -> None:
    """Fill what the header did not give from a site's metadata block or a lead sentence."""
    if meta.values or meta.headline:
        _apply_meta(document, meta)
    if document.number is None:
        lead = read_lead(head)
        if lead is not None:
            _apply_lead(document, lead)
        else:
            _symbol_only(document, head)
    if document.issuer and document.number is None and document.symbol is None and not motto:
        # No number, no lead, no motto: the lines read as an issuer were a page's headings.
        document.set("issuer", None, 0.0)
        document.set("parent_issuer", None, 0.0)


def _apply_meta(document: Document, meta: SiteMeta) -> None:
    values = meta.values
    used = [
        _meta_number(document, values.get("number")),
        _meta_date(document, values.get("date")),
        _meta_issuer(document, values.get("issuer", "")),
        _meta_title(document, meta.headline),
    ]
    if document.type is None and values.get("type") and fold(values["type"]) != "van ban khac":
        document.set("type", values["type"], 0.7)
        used.append(True)
    if document.signer_name is None and values.get("signer_name"):
        document.set("signer_name", values["signer_name"], 0.7)
        used.append(True)
    if any(used):
        document.warnings.append(META_NOTE)


def _meta_number(document: Document, value: str | None) -> bool:
    line = parse_number(f"Số {value}") if value and document.number is None else None
    if line is None:
        return False
    document.set("number", line.number, 0.8)
    document.set("symbol", line.symbol, 0.8)
    document.set("kind", document.kind or line.kind, 0.7)
    if document.type is None:
        document.set("type", type_name(line.kind, line.type_code), 0.7)
    return True


def _meta_date(document: Document, value: str | None) -> bool:
    found = re.match(r"(\d{1,2})/(\d{1,2})/(\d{4})$", value or "")
    if document.date is not None or found is None:
        return False
    day, month, year = (int(x) for x in found.groups())
    try:
        document.set("date", _date(year, month, day).isoformat(), 0.8)
    except ValueError:
        return False
    return True


def _meta_issuer(document: Document, where: str) -> bool:
    bare = document.issuer and document.issuer.lower() in _BARE_ISSUERS
    if not bare or not fold(where).startswith(("tinh ", "thanh pho ")):
        return False
    document.set("issuer", f"{document.issuer} {where[0].lower()}{where[1:]}", 0.7)
    return True


def _meta_title(document: Document, headline: str | None) -> bool:
    found = HEADLINE.match(headline) if headline and document.title is None else None
    if found is None or not found.group("title"):
        return False
    document.set("title", _lead(found, headline=True).title, 0.7)
    return True


_PARTY_ORGAN = re.compile(
    r"\b(?:tinh uy|thanh uy|huyen uy|quan uy|thi uy|dang uy|dang bo|chi bo|ban thuong vu"
    r"|ban chap hanh|ban bi thu|bo chinh tri|ban tuyen giao|ban to chuc|ban dan van"
    r"|uy ban kiem tra)\b"
)


def _apply_lead(document: Document, lead: Lead) -> None:
    kind = _kind_of(lead.symbol)
    if kind is None and lead.issuer:
        kind = "party" if _PARTY_ORGAN.search(fold(lead.issuer)) else "state"
    document.set("kind", kind or document.kind, 0.5)
    document.set("number", lead.number, 0.6)
    document.set("symbol", lead.symbol, 0.6)
    code = _code_of(lead.symbol)
    document.set("type_code", code, 0.5)
    letter = "Công văn" if kind == "state" and lead.symbol and code is None else None
    document.set("type", lead.type or type_name(kind, code) or letter, 0.6)
    if lead.issuer or document.issuer is None:  # a headline without an issuer keeps the header's
        document.set("issuer", lead.issuer, 0.5)
        document.set("parent_issuer", None, 0.0)
    if lead.date:
        document.set("date", lead.date, 0.6)
    if lead.title:
        document.set("title", lead.title, 0.5)
    if lead.signer:
        document.set("signer_name", lead.signer, 0.5)
    document.warnings.append(LEAD_NOTE)


def _symbol_only(document: Document, head: str) -> None:
    """A headline naming the document by its symbol only ("KẾT LUẬN 127-KL/TW CỦA ...")."""
    first = next((line for line in head.split("\n") if line.strip()), "")
    found = _SYMBOL_HEAD.search(first[:200])
    if found is None:
        return
    symbol = f"{found.group('code')}/{found.group('org')}"
    document.set("kind", "party", 0.5)
    document.set("number", found.group("num"), 0.5)
    document.set("symbol", symbol, 0.5)
    document.set("type_code", found.group("code"), 0.5)
    document.set("type", type_name("party", found.group("code")), 0.5)
    document.warnings.append(LEAD_NOTE)


def _kind_of(symbol: str | None) -> str | None:
    if not symbol:
        return None
    head = symbol.split("/")[0]
    if "/" in symbol and not head.isdigit() and type_name("party", head):
        return "party"
    return "state" if "-" in symbol or head.isdigit() else None


def _code_of(symbol: str | None) -> str | None:
    if not symbol:
        return None
    part = symbol.split("/")[-1] if "/" in symbol and symbol.split("/")[0].isdigit() else symbol
    code = re.split(r"[-/]", part)[0]
    return code if type_name("party", code) or type_name("state", code) else None


# ---- flattened copies -------------------------------------------------------------------

_FLAT_HINT = re.compile(r"(?:CỘNG H[OÒ]A XÃ HỘI|ĐẢNG CỘNG SẢN|ĐOÀN TNCS|Số\s*:?\s*\d)")
_ANCHOR = re.compile(
    r"\s*(CỘNG H[OÒ]A XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM"
    r"|Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc|ĐOÀN TNCS HỒ CHÍ MINH|Số\s*:?\s*\d"
    r"|V/v\s|Kính gửi\s*:|Căn cứ\s|Nơi nhận\s*:|Điều\s+\d+\s*\.|(?:TM|T/M|KT|TL|TUQ)\.?\s+[A-ZĐ]{2}"
    r"|\((?:đã|Đã) ký\)|\*{3}|-{5,}|(?<=[;:.])\s*-\s+(?=[A-ZĐ]))"
)
_LOWER = "a-zđ\u00e0-\u00ff\u0103\u0129\u0169\u01a1\u01b0\u1ea1-\u1ef9"
_PLACE_WORD = rf"[A-ZĐ][{_LOWER}]*(?:-[A-ZĐ][{_LOWER}]*)?"
_DATE_CELL = re.compile(
    rf"\s*((?<!\S)(?:{_PLACE_WORD}\s){{0,3}}{_PLACE_WORD},\s*ngày\s*\d{{1,2}}\s*tháng\s*\d{{1,2}}"
    r"\s*năm\s*\d{4})\s*"
)
_TYPE_GLUED = re.compile(
    r"\s*(QUYẾT ĐỊNH|KẾ HOẠCH|NGHỊ QUYẾT|HƯỚNG DẪN|THÔNG BÁO|BÁO CÁO|CHỈ THỊ|KẾT LUẬN|QUY ĐỊNH)"
    rf"(?=[A-ZĐ][{_LOWER}])"
)
_AFTER = re.compile(r"(\((?:đã|Đã) ký\)|\*{3}|-{5,})\s*")


def _flat(line: str) -> bool:
    """A header that lost its line breaks: a long line with a header anchor, or a shorter one
    with two different ones (a motto and a number)."""
    if len(line) < 120:
        return False
    hints = {found.group(0)[:4] for found in _FLAT_HINT.finditer(line[:400])}
    return len(hints) >= 2 or (len(line) >= 250 and bool(hints))


def unflatten(text: str) -> str:
    """A copy that lost its line breaks ("…TRUNG ƯƠNG***Số: 367 - QĐ/TWĐTN-VP…") cut again
    at the places a header's parts begin: motto, number, place and date, V/v, Kính gửi, …"""
    head = text[:800]
    first = next((line for line in head.split("\n") if _flat(line)), "")
    if not first:
        return text
    line = _ANCHOR.sub(lambda m: f"\n{m.group(1).lstrip()}", first)
    line = _TYPE_GLUED.sub(lambda m: f"\n{m.group(1)}\n", line)
    line = _DATE_CELL.sub(lambda m: f"\n{m.group(1)}\n", line)
    line = _AFTER.sub(lambda m: f"{m.group(1)}\n", line)
    line = "\n".join(part.strip() for part in line.split("\n") if part.strip())
    return text.replace(first, line, 1)
