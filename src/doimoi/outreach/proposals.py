"""A dissemination plan's parts proposed from its text, for the clerk to confirm: the content items
of section II ("Nội dung tuyên truyền": focus and regular items), the forms of section III
("Hình thức tuyên truyền") among the managed list, and the assignments of section IV ("Tổ chức
thực hiện", read as the directives app reads a plan's tasks). Pure functions, no database.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from doimoi.core.text import fold
from doimoi.documents.plan_text import (
    Candidate,
    ProposedTask,
    item_match,
    paragraphs,
    propose_for,
    section_lines,
)

CONTENT = re.compile(r"^(?:[ivxlc]+\s*[.)]\s*)?noi dung tuyen truyen\b.*$")
FORMS = re.compile(r"^(?:[ivxlc]+\s*[.)]\s*)?(?:cac\s+)?hinh thuc tuyen truyen\b.*$")


@dataclass(frozen=True)
class ProposedItem:
    """One content item as written: its number, the group it sits in (focus, regular), its text."""

    number: str
    group: str
    text: str


@dataclass(frozen=True)
class FormCandidate:
    """A form of the managed list and the words that name it in a plan (folded)."""

    id: int
    keywords: tuple[str, ...]


def _numbered(lines: list[str]) -> list[tuple[int, str, str]]:
    """(line index, number, rest) of each numbered line."""
    found = []
    for i, line in enumerate(lines):
        m = item_match(line)
        if m is not None:
            found.append((i, m[0], m[1]))
    return found


def propose_items(text: str) -> list[ProposedItem]:
    """The content items of section II: the innermost numbered items ("1.1", "2.10"), each under
    its group heading ("Nội dung tuyên truyền trọng tâm"); a plan without groups gives its items."""
    lines = section_lines(text, CONTENT)
    numbered = _numbered(lines)
    deepest = max((n.count(".") for _i, n, _r in numbered), default=0)
    groups = {n: rest for _i, n, rest in numbered if n.count(".") < deepest}
    items = []
    for k, (i, number, rest) in enumerate(numbered):
        if number.count(".") != deepest:
            continue
        end = numbered[k + 1][0] if k + 1 < len(numbered) else len(lines)
        body = " ".join(paragraphs([rest, *lines[i + 1 : end]]).split("\n"))
        group = groups.get(number.rsplit(".", 1)[0], "") if deepest else ""
        items.append(ProposedItem(number=number, group=group, text=body))
    return items


def propose_forms(text: str, forms: Iterable[FormCandidate]) -> list[int]:
    """Ids of the managed forms that section III names, in the order the plan names them."""
    section = fold(" ".join(section_lines(text, FORMS)))
    if not section:
        return []
    found = []
    for form in forms:
        found_at = (re.search(rf"\b{re.escape(fold(k))}\b", section) for k in form.keywords)
        places = [m.start() for m in found_at if m is not None]
        if places:
            found.append((min(places), form.id))
    return [form_id for _place, form_id in sorted(found)]


def propose_assignments(text: str, candidates: list[Candidate]) -> list[ProposedTask]:
    """Section IV's items ("Tổ chức thực hiện"), each with the units it names matched to
    ``candidates`` (the units below the plan's unit)."""
    return propose_for(text, candidates)
