"""Reading a plan's text by its sections: the roman-numbered parts ("II. NỘI DUNG TUYÊN TRUYỀN",
"IV. TỔ CHỨC THỰC HIỆN"), their numbered items, and the units an item names.

Pure functions over the text and a list of candidate units; the clerk confirms what they propose.
The directives app proposes a plan's tasks from section "Tổ chức thực hiện" (``propose``); the
outreach app its content items, forms and assignments (``doimoi.outreach.proposals``). Items are
recorded as the organization wrote them: nothing here reads or scores opinions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from doimoi.core.text import canonical_tones, fold, nfc

_MARKUP = re.compile(r"[*#_`]+")
_SECTION = re.compile(r"^(?:(?:[ivxlc]+|\d+)\s*[.)]\s*)?to chuc thuc hien\s*:?$")
_NEXT_PART = re.compile(r"^[IVXLC]+\s*\.\s+(\S.*)$")
_END = re.compile(r"^(noi nhan|tren day la|t/m |k/t |t/l |dinh kem|\(dinh kem)")
_BROKEN_REFERENCE = re.compile(r"\d-$")
_ITEM = re.compile(r"^(\d+(?:\.\d+)*)\s*[.)]\s*(.+)$")
_ACTIONS = re.compile(
    r"\s(?:chu tri|chi dao|nghien cuu|can cu|phoi hop|co trach nhiem|thuc hien|trien khai"
    r"|theo doi|huong dan|lanh dao|day manh|tang cuong)\b"
)
_SPLIT = re.compile(r",\s*|\s+và\s+")
_ABBREVIATIONS = {
    "ubnd": "ủy ban nhân dân",
    "mttq": "mặt trận tổ quốc",
    "tccs": "tổ chức cơ sở",
    "tccsđ": "tổ chức cơ sở đảng",
    "btg": "ban tuyên giáo",
    "đuk": "đảng ủy khối",
}
_NOISE = frozenset({"cac", "va", "cua", "nhung", "truc", "thuoc", "cap"})
# Words that name a sort of unit when a plan addresses "all of them" ("Các tổ chức cơ sở đảng").
KIND_WORDS = (
    ("to chuc co so dang", "grassroots"),
    ("to chuc co so", "grassroots"),
    ("dang bo co so", "grassroots"),
    ("dang uy co so", "grassroots"),
    ("dang uy xa", "grassroots"),
    ("dang uy phuong", "grassroots"),
    ("chi bo", "party_cell"),
    ("mat tran to quoc", "fatherland_front"),
    ("doan the", "mass_organization"),
    ("ban dang", "advisory_board"),
    ("co quan tham muu", "advisory_board"),
    ("uy ban kiem tra", "inspection_commission"),
)


@dataclass(frozen=True)
class Candidate:
    """A unit below the plan's issuer that a task may name (``depth`` 1 = directly below)."""

    id: int
    name: str
    kind: str
    depth: int


@dataclass
class ProposedTask:
    """One numbered item of the section: the units it names and the task text, as written."""

    number: str
    heading: str
    body: str
    named: list[str] = field(default_factory=list)
    unit_ids: list[int] = field(default_factory=list)


# Some fonts' PDF copies give "ƣ" (U+01A3) for "ư": "thƣờng xuyên" reads "thường xuyên".
_GLYPHS = str.maketrans({"ƣ": "ư", "Ƣ": "Ư"})


def _clean(line: str) -> str:
    return " ".join(_MARKUP.sub("", canonical_tones(nfc(line.translate(_GLYPHS)))).split())


def section_lines(text: str, heading: re.Pattern[str] = _SECTION) -> list[str]:
    """The lines of the section whose folded heading matches ``heading`` ("Tổ chức thực hiện" by
    default), without the heading, up to the next part or the recipients (empty if none)."""
    lines = [_clean(line) for line in text.splitlines()]
    start = next((i for i, line in enumerate(lines) if heading.match(fold(line))), None)
    if start is None:
        return []
    body = []
    for line in lines[start + 1 :]:
        part = _NEXT_PART.match(line)
        if (part and part.group(1) == part.group(1).upper()) or _END.match(fold(line)):
            break
        if line:
            body.append(line)
    return body


def item_match(line: str) -> tuple[str, str] | None:
    """("2.10", the rest) of a numbered line ("2.10. Việc nghiên cứu …"), or None."""
    m = _ITEM.match(line)
    return (m.group(1).rstrip("."), m.group(2).strip()) if m else None


def paragraphs(lines: list[str]) -> str:
    """Rejoin lines broken by the page: a bullet starts a new paragraph, anything else continues."""
    paragraphs: list[str] = []
    for line in lines:
        if line.startswith(("-", "+", "•")) or not paragraphs:
            paragraphs.append(line)
        elif _BROKEN_REFERENCE.search(paragraphs[-1]):
            paragraphs[-1] += line  # "Kế hoạch số 33-" / "KH/TU": one reference again
        else:
            paragraphs[-1] += " " + line
    return "\n".join(paragraphs)


def _heading(rest: str) -> tuple[str, bool]:
    """The units an item names, and whether its first line is only that (a heading line)."""
    if len(rest.split()) <= 15 and not rest.endswith((".", ":", ";")):
        return rest, True
    folded = fold(rest)
    cut = _ACTIONS.search(folded)
    if cut is None:
        return rest, False
    return " ".join(rest.split()[: len(folded[: cut.start()].split())]), False


def named_parts(heading: str) -> list[str]:
    """ "Mặt trận Tổ quốc và các đoàn thể …" → ["Mặt trận Tổ quốc", "các đoàn thể …"]."""
    return [p.strip(" .;:") for p in _SPLIT.split(heading) if p.strip(" .;:")]


def propose(text: str) -> list[ProposedTask]:
    """The tasks of the section, one per item at its top numbering level."""
    lines = section_lines(text)
    numbered = [(i, _ITEM.match(line)) for i, line in enumerate(lines)]
    items = [(i, m) for i, m in numbered if m]
    if not items:
        return []
    top = min(m.group(1).count(".") for _i, m in items)
    items = [(i, m) for i, m in items if m.group(1).count(".") == top]
    tasks = []
    for n, (i, m) in enumerate(items):
        end = items[n + 1][0] if n + 1 < len(items) else len(lines)
        heading, alone = _heading(m.group(2).strip())
        rest = lines[i + 1 : end] if alone else [m.group(2).strip(), *lines[i + 1 : end]]
        tasks.append(
            ProposedTask(
                number=m.group(1).rstrip("."),
                heading=heading,
                body=paragraphs(rest),
                named=named_parts(heading),
            )
        )
    return tasks


def _words(text: str) -> set[str]:
    expanded = " ".join(_ABBREVIATIONS.get(w.lower(), w) for w in text.split())
    return {w for w in fold(expanded).replace("-", " ").split() if w not in _NOISE}


def _kind_of(part: str) -> str:
    folded = " ".join(fold(part).split())
    return next((kind for words, kind in KIND_WORDS if words in folded), "")


def _by_name(part: str, candidates: list[Candidate]) -> list[int]:
    words = _words(part)
    if not words:
        return []
    scored = [(len(words & _words(c.name)) / len(words), -c.depth, c) for c in candidates]
    scored = [s for s in scored if s[0] >= 0.75]
    if not scored:
        return []
    best = max(scored, key=lambda s: (s[0], s[1]))
    ties = [s for s in scored if (s[0], s[1]) == (best[0], best[1])]
    return [best[2].id] if len(ties) == 1 else []


def _by_kind(kind: str, candidates: list[Candidate]) -> list[int]:
    same = [c for c in candidates if c.kind == kind]
    if not same:
        return []
    shallowest = min(c.depth for c in same)
    return [c.id for c in same if c.depth == shallowest]


def match(task: ProposedTask, candidates: list[Candidate]) -> list[int]:
    """The candidate units each named part points at: a named unit by its name, "các …" (all
    of a sort) by the sort of unit, the ones closest below the issuer."""
    found: list[int] = []
    plural = False
    for n, part in enumerate(task.named):
        plural = fold(part).startswith(("cac ", "nhung ")) or (n > 0 and plural)
        kind = _kind_of(part)
        ids = _by_kind(kind, candidates) if plural and kind else _by_name(part, candidates)
        found += [i for i in ids if i not in found]
    return found


def propose_for(text: str, candidates: list[Candidate]) -> list[ProposedTask]:
    """The section's tasks, each with the units it names matched to ``candidates``."""
    tasks = propose(text)
    for task in tasks:
        task.unit_ids = match(task, candidates)
    return tasks
