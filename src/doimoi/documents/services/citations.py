"""Citations become typed edges; a cited document not yet here becomes a placeholder.

Party numbers restart with each committee term, so "14-KL/TW" names different documents in
different terms: a citation resolves by number, symbol and the cited date, or when no date is
cited, by the term; two documents whose dates differ are never merged.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.db.models import Q, QuerySet

from doimoi.documents.models import Citation, Document, DocumentState, Relation
from doimoi.documents.services import nesting
from doimoi.documents.services.common import canonical_number, clean, code_from_symbol, symbol_key
from doimoi.documents.services.fields import kind_of_symbol, parse_date
from doimoi.documents.services.issuers import match_issuer
from doimoi.documents.services.registers import term_of
from doimoi.organizations.models import Unit

STRENGTH = {
    Relation.REPLACES: 6,
    Relation.AMENDS: 5,
    Relation.IMPLEMENTS: 4,
    Relation.BASIS: 3,
    Relation.FORWARDS: 2,
    Relation.CITES: 1,
}


def same_term(a: datetime.date | None, b: datetime.date | None, committee: Unit | None) -> bool:
    """Whether two dates fall in one term of ``committee`` (unknown → assume they do)."""
    if a is None or b is None or committee is None:
        return True
    return term_of(committee, a).start == term_of(committee, b).start


def compatible_issuer(qs: QuerySet[Document], issuer: Unit | None) -> QuerySet[Document]:
    """Documents whose issuer is unknown, or in the line of ``issuer`` (above or below it:
    "Bộ Chính trị" and "Ban Chấp hành Trung ương" both sign /TW)."""
    if issuer is None:
        return qs
    above = [issuer.path[:i] for i in range(Unit.steplen, len(issuer.path), Unit.steplen)]
    return qs.filter(
        Q(issuer_unit__isnull=True)
        | Q(issuer_unit__path__startswith=issuer.path)
        | Q(issuer_unit__path__in=above)
    )


def _undated_fits(
    placeholder: Document, date: datetime.date | None, issuer: Unit | None, *, arriving: bool
) -> bool:
    """Whether an undated placeholder may stand for a document dated ``date`` (``arriving``:
    every citer came after it) or for a citation made on ``date`` (every citer in the same term)."""
    committee = issuer or placeholder.issuer_unit
    for source_date in placeholder.cited_by.values_list("source__date", flat=True):
        if arriving and date and source_date and source_date < date:
            return False
        if placeholder.kind == "party" and not same_term(date, source_date, committee):
            return False
    return True


def placeholders_for(fields: dict[str, Any], issuer: Unit | None) -> list[Document]:
    """Placeholders the arriving document answers: dated ones of its date, fitting undated ones."""
    if not (fields.get("number") and fields.get("symbol_key")):
        return []
    qs = Document.objects.filter(
        state=DocumentState.PLACEHOLDER,
        number=fields["number"],
        symbol_key=fields["symbol_key"],
    )
    date = fields.get("date")
    qs = compatible_issuer(qs.filter(Q(date=date) | Q(date__isnull=True)), issuer)
    found = [
        p
        for p in qs.order_by("date", "pk")
        if p.date or _undated_fits(p, date, issuer, arriving=True)
    ]
    return sorted(found, key=lambda p: (p.date is None, p.pk))


def _placeholder(
    source: Document,
    number: str,
    symbol: str,
    date: datetime.date | None,
    issuer: Unit | None,
    ref: dict[str, Any],
) -> Document:
    return Document.objects.create(
        state=DocumentState.PLACEHOLDER,
        kind=kind_of_symbol(symbol),
        number=number,
        symbol=symbol,
        symbol_key=symbol_key(symbol),
        type_code=clean(ref.get("type_code"))[:16],
        type_name=clean(ref.get("type"))[:64],
        issuer_name=clean(ref.get("issuer"))[:255],
        issuer_unit=issuer,
        date=date,
        unit=source.unit,
    )


def _undated_target(
    source: Document, same: QuerySet[Document], issuer: Unit | None
) -> Document | None:
    earlier = [d for d in same if d.date is None or source.date is None or d.date <= source.date]
    real = [d for d in earlier if d.state != DocumentState.PLACEHOLDER and d.date]
    if len(real) > 1:
        real = [d for d in real if same_term(d.date, source.date, d.issuer_unit or issuer)]
    if len(real) == 1:
        return real[0]
    waiting = [d for d in earlier if d.state == DocumentState.PLACEHOLDER and d.date is None]
    return next((p for p in waiting if _undated_fits(p, source.date, issuer, arriving=False)), None)


def resolve(source: Document, ref: dict[str, Any]) -> Document | None:
    """The document ``ref`` names (found, or a new placeholder); None for a citation of itself."""
    number = canonical_number(clean(ref.get("number")))[:16]
    symbol = clean(ref.get("symbol")).replace(" ", "")[:64]
    if not symbol:
        return None
    key = symbol_key(symbol)
    if number == source.number and key == source.symbol_key:
        return None
    date = parse_date(ref.get("date"))
    code = code_from_symbol(kind_of_symbol(symbol), symbol, clean(ref.get("type_code")))
    near = source.issuer_unit or source.unit
    issuer = match_issuer(
        name=clean(ref.get("issuer")), code=code, day=date or source.date, near=near
    )
    same = compatible_issuer(
        Document.objects.filter(number=number, symbol_key=key).exclude(pk=source.pk), issuer
    )
    if date is not None:
        found = same.filter(date=date).order_by("state", "pk").first()
    else:
        found = _undated_target(source, same, issuer)
    return found or _placeholder(source, number, symbol, date, issuer, ref)


def link(source: Document, refs: Iterable[dict[str, Any]]) -> list[Citation]:
    """Edges from ``source`` to each document it cites (strongest relation kept per target)."""
    chosen: dict[int, tuple[Document, dict[str, Any]]] = {}
    for ref in refs:
        target = resolve(source, ref)
        if target is None:
            continue
        previous = chosen.get(target.pk)
        if previous is None or _strength(ref) > _strength(previous[1]):
            chosen[target.pk] = (target, ref)
    edges = [
        Citation(
            source=source,
            target=target,
            relation=_relation(ref),
            cited_as=clean(f"{ref.get('number') or ''}-{ref.get('symbol')}")[:128],
            cited_date=parse_date(ref.get("date")),
            cited_issuer=clean(ref.get("issuer"))[:255],
            position=position,
        )
        for position, (target, ref) in enumerate(chosen.values())
    ]
    existing = {c.target_id: c for c in Citation.objects.filter(source=source)}
    for edge in edges:  # the document's own words replace what another text said of it
        known = existing.get(edge.target_id)
        if known is not None and known.via_id is not None:
            known.relation, known.via = edge.relation, None
            known.save(update_fields=["relation", "via"])
    created = Citation.objects.bulk_create([e for e in edges if e.target_id not in existing])
    nesting.infer(source, edges)
    return created


def _relation(ref: dict[str, Any]) -> str:
    value = ref.get("relation") or Relation.CITES
    return value if value in Relation.values else Relation.CITES


def _strength(ref: dict[str, Any]) -> int:
    return STRENGTH.get(Relation(_relation(ref)), 0)


def absorb(kept: Document, others: list[Document]) -> None:
    """Point the citations of the placeholders ``others`` at ``kept``, then drop them."""
    for other in others:
        for edge in Citation.objects.filter(target=other):
            if (
                edge.source_id == kept.pk
                or Citation.objects.filter(source_id=edge.source_id, target=kept).exists()
            ):
                edge.delete()
            else:
                edge.target = kept
                edge.save(update_fields=["target"])
        other.delete()
