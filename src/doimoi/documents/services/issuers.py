"""Matching an issuer as written to a unit of the tree: by code, name and date validity (ADR 0003).

Codes such as TU, ĐU, ĐUK are shared by sibling committees, so a code alone never decides:
the name as written must match, the unit must exist on the document's date, and when several
units still fit, the one nearest the unit that holds the document wins, if it is nearer than the rest.
"""

from __future__ import annotations

import copy
import datetime
from dataclasses import dataclass

from django.db.models import Q

from doimoi.core.text import fold
from doimoi.documents.services.cache import kept
from doimoi.organizations.models import Unit

# Words every committee's name has; they say nothing about which one is meant.
_NOISE = frozenset({"cua", "va", "cac", "ban", "thuong", "vu"})


@dataclass(frozen=True)
class Match:
    """A candidate unit and how well it fits (share of the written name's words found)."""

    unit: Unit
    score: float
    nearness: int


def unit_of(pk: int | None) -> Unit | None:
    """The unit ``pk`` (kept while the units are unchanged), a copy of its own for the caller."""
    if pk is None:
        return None
    unit = kept(("unit", pk), lambda: Unit.objects.filter(pk=pk).first())
    return copy.copy(unit) if unit is not None else None


def _words(text: str) -> set[str]:
    return {w for w in fold(text).replace(",", " ").split() if w not in _NOISE}


def _alive(unit: Unit, day: datetime.date | None) -> bool:
    if day is None:
        return True
    return unit.valid_from <= day and (unit.valid_to is None or unit.valid_to > day)


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n // Unit.steplen


def _above(unit: Unit) -> set[str]:
    """The words of the names of the units above ``unit`` (kept while the units are unchanged)."""
    return kept(
        ("above", unit.pk),
        lambda: _words(" ".join(a.name for a in Unit.objects.get_ancestors(unit))),
    )


def _score(unit: Unit, name_words: set[str], parent_words: set[str]) -> float:
    if not name_words:
        return 0.5
    own = _words(" ".join([unit.name, unit.short_name]))
    found = len(name_words & own) / len(name_words)
    if parent_words:
        found += 0.1 * len(parent_words & _above(unit)) / len(parent_words)
    return found


def _by_code(code: str) -> list[Unit]:
    """Units signing with ``code``, and the bodies under them that sign with their committee's
    code ("Bộ Chính trị" signs /TW), at any date."""
    # folded, so an OCR'd "DUK" still finds "ĐUK"
    units = list(Unit.objects.filter(code_folded=fold(code)).order_by("path")[:200])
    if not units:
        return []
    inside = Q()
    for unit in units:
        inside |= Q(path__under=unit.path, depth=unit.depth + 1)
    return units + list(Unit.objects.filter(inside, code="")[:200])


def _by_name(name_words: set[str]) -> list[Unit]:
    qs = Unit.objects.all()
    for word in sorted(name_words, key=len, reverse=True)[:2]:
        qs = qs.filter(name_folded__contains=word)
    return list(qs[:200])


def candidates(
    *,
    name: str,
    code: str,
    day: datetime.date | None,
    parent: str = "",
    near: Unit | None = None,
) -> list[Match]:
    """Units that could be the issuer, best first."""
    name_words, parent_words = _words(name), _words(parent)
    if code:
        units = kept(("by_code", code), lambda: _by_code(code))
    elif name_words:
        units = kept(("by_name", frozenset(name_words)), lambda: _by_name(name_words))
    else:
        return []
    # A body that signs with its committee's code wins only when its own name fits better.
    matches = [
        Match(
            u,
            _score(u, name_words, parent_words) - (0.01 if code and not u.code else 0),
            _common_prefix(u.path, near.path) if near else 0,
        )
        for u in units
        if _alive(u, day)
    ]
    return sorted(matches, key=lambda m: (-m.score, -m.nearness, m.unit.path))


def match_issuer(
    *,
    name: str,
    code: str,
    day: datetime.date | None,
    parent: str = "",
    near: Unit | None = None,
) -> Unit | None:
    """The one unit that issued a document, or None when no unit (or more than one) fits.

    Kept in this process while the units are unchanged (``cache.kept``): a file citing several
    issuers matched them on every upload, 1-3 statements and the scoring each. The caller gets
    its own copy of the unit, so nothing it sets on it reaches another caller."""
    key = ("issuer", name, code, day, parent, (near.pk, near.path) if near else None)
    unit = kept(key, lambda: _match(name=name, code=code, day=day, parent=parent, near=near))
    return copy.copy(unit) if unit is not None else None


def _match(
    *, name: str, code: str, day: datetime.date | None, parent: str, near: Unit | None
) -> Unit | None:
    found = candidates(name=name, code=code, day=day, parent=parent, near=near)
    good = [m for m in found if m.score >= (0.75 if code else 0.99)]
    if not good:
        return None
    best = good[0]
    rivals = [m for m in good[1:] if (m.score, m.nearness) == (best.score, best.nearness)]
    return None if rivals else best.unit
