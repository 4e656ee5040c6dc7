"""The registers: numbers taken for outgoing documents, arrival numbers for incoming ones.

Party documents are numbered from 01 for each type within each committee term (HD 36 1.3.1);
state documents from 01 each calendar year, classified ones in their own series (ND 30 art. 15).
A counter row per series is locked while a number is taken, so two requests never get the same
number, and the entry is written in the same transaction, so a number is never lost either.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.db import connection, transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from doimoi.core.errors import ApplicationError
from doimoi.core.services import locked
from doimoi.documents import events
from doimoi.documents.models import (
    CommitteeTerm,
    Document,
    DocumentCopy,
    DocumentKind,
    IncomingEntry,
    OutgoingEntry,
    RegisterCounter,
)
from doimoi.documents.services.cache import memo
from doimoi.documents.services.common import clean, issuer_code, require
from doimoi.ledger import services as ledger
from doimoi.organizations.closed import require_in_force
from doimoi.organizations.models import Person, Unit
from doimoi.organizations.selectors import people_of_unit


@dataclass(frozen=True)
class Term:
    """The committee term a date falls in (from the data, or by default from the unit's start)."""

    unit: Unit
    name: str
    start: datetime.date
    end: datetime.date | None


def committee_of(unit: Unit) -> Unit:
    """The unit whose code and term a unit numbers under: itself, or its nearest coded ancestor."""
    if unit.code:
        return unit
    ancestor = Unit.objects.get_ancestors(unit).exclude(code="").order_by("-depth").first()
    return ancestor or unit


def _terms(unit: Unit) -> tuple[Unit, list[CommitteeTerm]]:
    committee = committee_of(unit)
    return committee, list(CommitteeTerm.objects.filter(unit=committee).order_by("-start"))


def has_terms(unit: Unit | None) -> bool:
    """Whether terms are recorded for ``unit``'s committee (else one term from its start)."""
    return unit is not None and bool(memo(("terms", unit.pk), lambda: _terms(unit))[1])


def term_of(unit: Unit, day: datetime.date) -> Term:
    """The term of ``unit``'s committee on ``day``; without term data, one term from its start
    (or from the day after the last recorded term ended)."""
    committee, known = memo(("terms", unit.pk), lambda: _terms(unit))
    terms = [t for t in known if t.start <= day]
    for term in terms:
        if term.end is None or term.end >= day:
            return Term(committee, term.name, term.start, term.end)
    earlier = terms[0] if terms else None
    start = (earlier.end + datetime.timedelta(days=1)) if earlier and earlier.end else None
    start = start or committee.valid_from
    return Term(committee, _("từ %(date)s") % {"date": date_format(start, "d/m/Y")}, start, None)


_TAKE = (
    f"UPDATE {RegisterCounter._meta.db_table} SET last = last + 1 "
    "WHERE unit_id = %s AND series = %s RETURNING last"
)


def next_number(unit: Unit, series: str) -> int:
    """Take the next number of ``series`` for ``unit`` (inside the caller's transaction).

    The UPDATE locks the counter row until the transaction ends, so a parallel request waits
    for this one and then gets the next number."""
    for _attempt in range(2):
        with connection.cursor() as cursor:
            cursor.execute(_TAKE, [unit.pk, series])
            row = cursor.fetchone()
        if row is not None:
            return int(row[0])
        RegisterCounter.objects.bulk_create(
            [RegisterCounter(unit=unit, series=series)], ignore_conflicts=True
        )
    raise RuntimeError(f"register counter {unit.pk}/{series} could not be created")


def _check_outgoing(unit: Unit, kind: str, type_code: str, date: datetime.date) -> str:
    if kind not in DocumentKind.values:
        raise ApplicationError(
            {"kind": _("Khối văn bản phải là «party» (Đảng) hoặc «state» (nhà nước).")}
        )
    if kind == DocumentKind.PARTY and not type_code:
        raise ApplicationError(
            {"type_code": _("Văn bản của Đảng phải có mã loại (công văn là CV).")}
        )
    require_in_force(unit, date, field="date")
    code = issuer_code(unit)
    if not code:
        raise ApplicationError(
            {"unit": _("Đơn vị «%(unit)s» chưa có ký hiệu cơ quan ban hành.") % {"unit": unit.name}}
        )
    return code


def _series(unit: Unit, kind: str, type_code: str, date: datetime.date, secret: bool) -> str:
    if kind == DocumentKind.PARTY:
        return f"out:party:{type_code}:{term_of(unit, date).start.isoformat()}"
    return f"out:state:{date.year}" + (":secret" if secret else "")


def _symbol(kind: str, number: str, type_code: str, code: str) -> str:
    if kind == DocumentKind.PARTY:
        return f"{number}-{type_code}/{code}"
    return f"{number}/{type_code}-{code}" if type_code else f"{number}/{code}"


def outgoing_register_next(
    *,
    actor: Any,
    unit: Unit,
    type_code: str,
    kind: str,
    date: datetime.date,
    confidentiality: int = 0,
) -> str:
    """The symbol ``outgoing_register_take`` would give next, nothing written or held: a
    composer prints it ahead (LibreOffice takes seconds), then takes the number and compares."""
    require(actor, "documents.take_outgoing_number", unit)
    type_code = clean(type_code)
    code = _check_outgoing(unit, kind, type_code, date)
    series = _series(unit, kind, type_code, date, confidentiality > 0)
    counter = RegisterCounter.objects.filter(unit=unit, series=series)
    last = counter.values_list("last", flat=True).first() or 0
    return _symbol(kind, f"{last + 1:02d}", type_code, code)


@transaction.atomic
def outgoing_register_take(
    *,
    actor: Any,
    unit: Unit,
    type_code: str,
    kind: str,
    date: datetime.date,
    title: str = "",
    confidentiality: int = 0,
    printed_as: str = "",
) -> OutgoingEntry:
    """Take the next number of ``unit``'s outgoing register for a document of ``type_code``;
    ``NumberTaken`` if it is not ``printed_as``, the symbol a composer printed ahead."""
    require(actor, "documents.take_outgoing_number", unit)
    type_code = clean(type_code)
    code = _check_outgoing(unit, kind, type_code, date)
    series = _series(unit, kind, type_code, date, confidentiality > 0)
    seq = next_number(unit, series)
    number = f"{seq:02d}"
    entry = OutgoingEntry.objects.create(
        unit=unit,
        series=series,
        seq=seq,
        number=number,
        symbol=_symbol(kind, number, type_code, code),
        kind=kind,
        type_code=type_code,
        date=date,
        title=clean(title),
        confidentiality=confidentiality,
        taken_by=actor if actor is not None and actor.is_authenticated else None,
    )
    if printed_as and entry.symbol != printed_as:
        raise NumberTaken(entry.symbol)
    payload = {"symbol": entry.symbol, "series": series, "date": date, "title": entry.title}
    ledger.append(
        action=events.OUTGOING_NUMBERED, subject=entry, actor=actor, unit=unit, payload=payload
    )
    return entry


ISSUE_ATTEMPTS = 5
P = TypeVar("P")


class NumberTaken(Exception):
    """Another document took the number printed ahead while this one was printing."""


def outgoing_issue(print_ahead: Callable[[], P], store: Callable[[P], Document]) -> Document:
    """Issue a composed document: ``print_ahead`` prints it with ``outgoing_register_next``'s
    number, holding no lock and no transaction while LibreOffice runs (seconds: on SQLite a
    transaction would block every other writer); ``store`` takes that number
    (``outgoing_register_take(printed_as=…)``) and stores the document in one short transaction.
    Printed again if another document took the number meanwhile."""
    for _attempt in range(ISSUE_ATTEMPTS):
        printed = print_ahead()
        try:
            return store(printed)
        except NumberTaken:
            continue
    raise ApplicationError(
        {"__all__": _("Sổ văn bản đi đang được dùng liên tục: ban hành lại sau ít phút.")}
    )


def register_incoming(
    unit: Unit,
    document: Document,
    copy: DocumentCopy | None,
    actor: Any,
    received_on: datetime.date | None = None,
    handler: Person | None = None,
    *,
    new: bool = False,
) -> IncomingEntry:
    """Enter a document in the unit's incoming register once (the caller records the event);
    ``new``: the document was just created, so it cannot be in the register yet."""
    existing = None if new else IncomingEntry.objects.filter(unit=unit, document=document).first()
    if existing is not None:
        return existing
    received = received_on or datetime.date.today()
    return IncomingEntry.objects.create(
        unit=unit,
        year=received.year,
        seq=next_number(unit, f"in:{received.year}"),
        document=document,
        copy=copy,
        received_on=received,
        handler=handler,
        registered_by=actor if actor is not None and actor.is_authenticated else None,
    )


def _check_handler(unit: Unit, handler: Person | None) -> None:
    """A document is handled by someone of the unit that received it, never by an outsider."""
    if handler is not None and not people_of_unit(unit=unit).filter(pk=handler.pk).exists():
        raise ApplicationError(
            {"handler": _("Người xử lý phải là người của %(unit)s.") % {"unit": unit.name}}
        )


@transaction.atomic
def incoming_register_add(
    *,
    actor: Any,
    unit: Unit,
    document: Document,
    received_on: datetime.date | None = None,
    handler: Person | None = None,
) -> IncomingEntry:
    """Enter ``document`` in ``unit``'s incoming register with the next arrival number of the year."""
    require(actor, "documents.ingest_document", unit)
    _check_handler(unit, handler)
    if IncomingEntry.objects.filter(unit=unit, document=document).exists():
        raise ApplicationError(
            {"document": _("Văn bản này đã được vào sổ văn bản đến của đơn vị.")}
        )
    entry = register_incoming(unit, document, None, actor, received_on, handler)
    payload = {"seq": entry.seq, "year": entry.year, "document": document.pk}
    ledger.append(
        action=events.INCOMING_REGISTERED, subject=entry, actor=actor, unit=unit, payload=payload
    )
    return entry


@transaction.atomic
def incoming_entry_update(
    *,
    actor: Any,
    entry: IncomingEntry,
    received_on: datetime.date,
    handler: Person | None,
) -> IncomingEntry:
    """Correct the date received and the handler of an incoming entry (its number stays)."""
    require(actor, "documents.ingest_document", entry.unit)
    _check_handler(entry.unit, handler)
    before = {"received_on": entry.received_on, "handler": entry.handler_id}
    entry.received_on, entry.handler = received_on, handler
    entry.save(update_fields=["received_on", "handler"])
    payload = {"before": before, "received_on": received_on, "handler": entry.handler_id}
    ledger.append(
        action=events.INCOMING_UPDATED, subject=entry, actor=actor, unit=entry.unit, payload=payload
    )
    return entry


@transaction.atomic
def incoming_entry_cancel(*, actor: Any, entry: IncomingEntry, reason: str) -> IncomingEntry:
    """Cancel a wrong arrival (a duplicate, a document entered by mistake): the entry stays in
    the register with its number, marked cancelled with the reason."""
    require(actor, "documents.ingest_document", entry.unit)
    entry = locked(IncomingEntry.objects).get(pk=entry.pk)
    reason = clean(reason)
    if entry.cancelled_on is not None:
        raise ApplicationError(
            {
                "reason": _("Số đến này đã hủy ngày %(date)s.")
                % {"date": entry.cancelled_on.strftime("%d/%m/%Y")}
            }
        )
    if not reason:
        raise ApplicationError(
            {"reason": _("Ghi lý do hủy, ví dụ «trùng với số đến 12: cùng văn bản, bản PDF».")}
        )
    entry.cancelled_on, entry.cancel_reason = datetime.date.today(), reason
    entry.save(update_fields=["cancelled_on", "cancel_reason"])
    ledger.append(
        action=events.INCOMING_CANCELLED,
        subject=entry,
        actor=actor,
        unit=entry.unit,
        payload={"seq": entry.seq, "year": entry.year, "reason": reason},
    )
    return entry
