"""Citations become typed edges; a cited document not yet here becomes a placeholder.

Party numbers restart with each committee term, so "14-KL/TW" names different documents in
different terms: a citation resolves by number, symbol and the cited date, or when no date is
cited, by the term; two documents whose dates differ are never merged.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.db import connection
from django.db.models import Max, Min, Q, QuerySet

from doimoi.core.statements import Statement, Statements, bound, with_stand_ins
from doimoi.documents.models import Citation, Document, DocumentState, Relation
from doimoi.documents.selectors import UNSHOWN
from doimoi.documents.services.common import canonical_number, clean, code_from_symbol, symbol_key
from doimoi.documents.services.fields import kind_of_symbol, parse_date
from doimoi.documents.services.issuers import match_issuer, unit_of
from doimoi.documents.services.registers import has_terms, term_of
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
        | Q(issuer_unit__path__under=issuer.path)
        | Q(issuer_unit__path__in=above)
    )


def _undated_fits(
    placeholder: Document, date: datetime.date | None, issuer: Unit | None, *, arriving: bool
) -> bool:
    """Whether an undated placeholder may stand for a document dated ``date`` (``arriving``:
    every citer came after it) or for a citation made on ``date`` (every citer in the same term).
    Terms are intervals, so the earliest and the latest citer decide for all of them."""
    committee = issuer or placeholder.issuer_unit
    if not arriving and (placeholder.kind != "party" or not has_terms(committee)):
        return True  # one term only (no term data): every citation fits
    span = placeholder.cited_by.aggregate(first=Min("source__date"), last=Max("source__date"))
    first, last = span["first"], span["last"]
    if arriving and date and first and first < date:
        return False
    if placeholder.kind != "party":
        return True
    return same_term(date, first, committee) and same_term(date, last, committee)


def namesakes(fields: dict[str, Any]) -> list[Document]:
    """Every document (or placeholder) with the number and symbol of ``fields``, in one query."""
    if not (fields.get("number") and fields.get("symbol_key")):
        return []
    key = (fields["number"], fields["symbol_key"])
    return sorted(lookup({key}).get(key, []), key=lambda d: d.pk)


def placeholders_for(
    fields: dict[str, Any], issuer: Unit | None, known: list[Document] | None = None
) -> list[Document]:
    """Placeholders the arriving document answers: dated ones of its date, fitting undated ones."""
    date = fields.get("date")
    candidates = namesakes(fields) if known is None else known
    found = [
        p
        for p in candidates
        if p.state == DocumentState.PLACEHOLDER
        and p.date in (date, None)
        and compatible(p, issuer)
        and (p.date or _undated_fits(p, date, issuer, arriving=True))
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


def compatible(document: Document, issuer: Unit | None) -> bool:
    """In Python, what ``compatible_issuer`` does in SQL."""
    other = document.issuer_unit
    if issuer is None or other is None:
        return True
    return other.path.startswith(issuer.path) or issuer.path.startswith(other.path)


def _undated_target(source: Document, same: list[Document], issuer: Unit | None) -> Document | None:
    earlier = [d for d in same if d.date is None or source.date is None or d.date <= source.date]
    real = [d for d in earlier if d.state != DocumentState.PLACEHOLDER and d.date]
    if len(real) > 1:
        real = [d for d in real if same_term(d.date, source.date, d.issuer_unit or issuer)]
    if len(real) == 1:
        return real[0]
    waiting = [d for d in earlier if d.state == DocumentState.PLACEHOLDER and d.date is None]
    return next((p for p in waiting if _undated_fits(p, source.date, issuer, arriving=False)), None)


def _key(ref: dict[str, Any]) -> tuple[str, str]:
    number = canonical_number(clean(ref.get("number")))[:16]
    return number, symbol_key(clean(ref.get("symbol")).replace(" ", "")[:64])


Known = dict[tuple[str, str], list[Document]]


def lookup(keys: set[tuple[str, str]]) -> Known:
    """Documents (and placeholders) under each (number, symbol key), in one query, without
    their texts and parses (matching reads neither, and a cited plan's text can be 100 kB).

    Every document stored asks it: its statement is compiled once per count of numbers and of
    symbols (building and compiling the queryset cost it several times what running it does),
    and each document's issuer is the unit kept by ``issuers.unit_of``, not a join."""
    keys = {k for k in keys if k[0] or k[1]}
    if not keys:
        return {}
    numbers, symbols = sorted({n for n, _k in keys}), sorted({k for _n, k in keys})
    sql, stand_ins = _LOOKUP.get(
        (connection.alias, len(numbers), len(symbols)),
        lambda: _lookup_statement(len(numbers), len(symbols)),
    )
    actual = dict(zip(_stand_ins("n", len(numbers)), numbers, strict=True))
    actual |= dict(zip(_stand_ins("s", len(symbols)), symbols, strict=True))
    found: Known = {}
    for document in Document.objects.raw(sql, bound(stand_ins, actual)):
        key = (document.number, document.symbol_key)
        if key in keys:
            issuer = unit_of(document.issuer_unit_id)
            Document.issuer_unit.field.set_cached_value(document, issuer)
            found.setdefault(key, []).append(document)
    return found


_LOOKUP = Statements(256)


def _stand_ins(prefix: str, count: int) -> list[str]:
    return [f"doimoi.lookup.{prefix}{i}" for i in range(count)]


def _lookup_statement(numbers: int, symbols: int) -> Statement:
    """``lookup``'s statement, with stand-ins for its numbers and symbol keys."""
    by_numbers, by_symbols = _stand_ins("n", numbers), _stand_ins("s", symbols)
    rows = (
        Document.objects.filter(
            number__in=by_numbers,
            symbol_key__in=by_symbols,
            merged_into=None,  # a merged duplicate is its kept document now
        )
        .defer(*UNSHOWN)
        .order_by("state", "pk")
    )
    return with_stand_ins(rows, [*by_numbers, *by_symbols])


def reference_keys(refs: list[dict[str, Any]]) -> set[tuple[str, str]]:
    return {_key(ref) for ref in refs if ref.get("symbol")}


def _known(source: Document, refs: list[dict[str, Any]]) -> Known:
    """Documents already here under the numbers and symbols ``refs`` cite, in one query."""
    found = lookup(reference_keys(refs))
    return {k: [d for d in docs if d.pk != source.pk] for k, docs in found.items()}


def resolve(
    source: Document,
    ref: dict[str, Any],
    known: dict[tuple[str, str], list[Document]] | None = None,
) -> Document | None:
    """The document ``ref`` names (found, or a new placeholder); None for a citation of itself.

    The cited issuer is matched to a unit only when needed: to tell apart several documents with
    the same number, symbol and date, or to record it on a new placeholder."""
    number = canonical_number(clean(ref.get("number")))[:16]
    symbol = clean(ref.get("symbol")).replace(" ", "")[:64]
    if not symbol:
        return None
    key = symbol_key(symbol)
    if number == source.number and key == source.symbol_key:
        return None
    date = parse_date(ref.get("date"))
    if known is None:
        known = _known(source, [ref])
    same = known.get((number, key), [])
    if date is not None and len([d for d in same if d.date == date]) == 1:
        return next(d for d in same if d.date == date)
    issuer = _cited_issuer(source, ref, symbol, date)
    same = [d for d in same if compatible(d, issuer)]
    if date is not None:
        hit = next((d for d in same if d.date == date), None)
    else:
        hit = _undated_target(source, same, issuer)
    return hit or _placeholder(source, number, symbol, date, issuer, ref)


def _cited_issuer(
    source: Document, ref: dict[str, Any], symbol: str, date: datetime.date | None
) -> Unit | None:
    code = code_from_symbol(kind_of_symbol(symbol), symbol, clean(ref.get("type_code")))
    near = source.issuer_unit or source.unit
    return match_issuer(
        name=clean(ref.get("issuer")), code=code, day=date or source.date, near=near
    )


def link(
    source: Document,
    refs: Iterable[dict[str, Any]],
    *,
    fresh: bool = False,
    known: Known | None = None,
    nesting: Iterable[dict[str, Any]] = (),
) -> list[Citation]:
    """Edges from ``source`` to each document it cites (strongest relation kept per target);
    ``fresh``: a new row, so it has no edges yet; ``known``: the ``lookup`` of the cited keys;
    ``nesting``: the parser's pairs (cited X said to implement cited Y) for placeholders."""
    chosen: dict[int, tuple[Document, dict[str, Any]]] = {}
    refs = list(refs)
    if known is None:
        known = _known(source, refs)
    else:
        known = {k: [d for d in docs if d.pk != source.pk] for k, docs in known.items()}
    for ref in refs:
        target = resolve(source, ref, known)
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
            cited_as=target.reference[:128],
            cited_date=parse_date(ref.get("date")),
            cited_issuer=clean(ref.get("issuer"))[:255],
            position=position,
        )
        for position, (target, ref) in enumerate(chosen.values())
    ]
    existing = {} if fresh else {c.target_id: c for c in Citation.objects.filter(source=source)}
    for edge in edges:  # the document's own words replace what another text said of it
        said = existing.get(edge.target_id)
        if said is not None and said.via_id is not None:
            said.relation, said.via = edge.relation, None
            said.save(update_fields=["relation", "via"])
    created = Citation.objects.bulk_create([e for e in edges if e.target_id not in existing])
    _nest(source, chosen, edges, nesting)
    return created


def _ref_key(ref: dict[str, Any]) -> tuple[str, str]:
    return (clean(ref.get("number")), clean(ref.get("symbol")).upper())


def _nest(
    source: Document,
    chosen: dict[int, tuple[Document, dict[str, Any]]],
    edges: list[Citation],
    nesting: Iterable[dict[str, Any]],
) -> list[Citation]:
    """X implements Y, as ``source``'s text says, when X is only a placeholder here: that
    sentence is all we know of X, so the edge is recorded as read from ``source`` (``via``)."""
    by_key = {_ref_key(ref): target for target, ref in chosen.values()}
    said = {edge.target_id: edge for edge in edges}
    fresh: dict[tuple[int, int], Citation] = {}
    for pair in nesting:
        upstream = by_key.get(_ref_key(pair.get("source") or {}))
        target = by_key.get(_ref_key(pair.get("target") or {}))
        if upstream is None or target is None or upstream.pk == target.pk:
            continue
        if upstream.state != DocumentState.PLACEHOLDER:
            continue
        edge = said[target.pk]
        fresh.setdefault(
            (upstream.pk, target.pk),
            Citation(
                source=upstream,
                target=target,
                relation=Relation.IMPLEMENTS,
                cited_as=target.reference[:128],
                cited_date=edge.cited_date,
                cited_issuer=edge.cited_issuer,
                via=source,
            ),
        )
    new = [
        edge
        for edge in fresh.values()
        if not Citation.objects.filter(source=edge.source, target=edge.target).exists()
    ]
    return Citation.objects.bulk_create(new)


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
