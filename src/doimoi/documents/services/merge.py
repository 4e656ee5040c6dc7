"""One document stored twice becomes one document with two copies.

The same paper scanned twice (a PNG photo and a PDF scan) can be read differently by OCR (a date
or an issuer the stamp hides), so ingest cannot tell it is the same document and stores a second
one with the same number. The clerk sees the namesakes on the document's page and merges them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from doimoi.core.errors import ApplicationError
from doimoi.core.services import locked
from doimoi.documents import events
from doimoi.documents.models import (
    Citation,
    Document,
    DocumentCopy,
    IncomingEntry,
    OutgoingEntry,
)
from doimoi.documents.search import backend as search_backend
from doimoi.documents.services.common import clean, require
from doimoi.documents.services.registers import incoming_entry_cancel
from doimoi.ledger import services as ledger


@dataclass
class MergePlan:
    """What a merge will do, shown to the clerk before it is done."""

    copies: list[DocumentCopy] = field(default_factory=list)
    cancel: list[tuple[IncomingEntry, IncomingEntry]] = field(default_factory=list)  # (dup, kept)
    move: list[IncomingEntry] = field(default_factory=list)


def merge_plan(document: Document, into: Document) -> MergePlan:
    """The copies that move, the arrivals cancelled (the unit has the kept document's arrival)
    and the arrivals carried over (the unit registered only the duplicate)."""
    kept = {e.unit_id: e for e in into.arrivals.filter(cancelled_on=None)}
    plan = MergePlan(copies=list(document.copies.select_related("unit", "stored_file")))
    for entry in document.arrivals.filter(cancelled_on=None).select_related("unit"):
        if entry.unit_id in kept:
            plan.cancel.append((entry, kept[entry.unit_id]))
        else:
            plan.move.append(entry)
    return plan


def default_reason(document: Document, into: Document) -> str:
    return _("Trùng văn bản %(ref)s: cùng một văn bản, nhận thêm bản khác (gộp văn bản).") % {
        "ref": into.reference
    }


def _check(actor: Any, document: Document, into: Document) -> None:
    require(actor, "documents.change_document", document)
    require(actor, "documents.change_document", into)
    if document.pk == into.pk or document.merged_into_id or into.merged_into_id:
        raise ApplicationError({"document": _("Văn bản này không gộp được (đã gộp trước đó).")})
    if document.is_placeholder or into.is_placeholder:
        raise ApplicationError({"document": _("Văn bản chỉ được trích dẫn, chưa gộp được.")})
    if document.unit_id != into.unit_id:  # each unit's record is its own (issue 10)
        raise ApplicationError({"document": _("Chỉ gộp hai văn bản do cùng một đơn vị lưu giữ.")})
    if (document.number, document.symbol_key) != (into.number, into.symbol_key):
        raise ApplicationError(
            {"document": _("Chỉ gộp hai bản của cùng một văn bản (cùng số, ký hiệu).")}
        )


def _move_copies(document: Document, into: Document) -> int:
    moved = 0
    for copy in document.copies.all():
        twin = into.copies.filter(
            stored_file=copy.stored_file, part=copy.part, unit=copy.unit
        ).first()
        if twin is None:
            DocumentCopy.objects.filter(pk=copy.pk).update(document=into)
            moved += 1
        else:  # the kept document already has this very copy: its arrival points to the twin
            IncomingEntry.objects.filter(copy=copy).update(copy=twin)
            copy.delete()
    return moved


def _move_citations(document: Document, into: Document) -> None:
    """The duplicate's links become the kept document's (once each, never to itself)."""
    for cite in Citation.objects.filter(source=document):
        taken = Citation.objects.filter(source=into, target=cite.target_id).exists()
        if taken or cite.target_id == into.pk:
            cite.delete()
        else:
            Citation.objects.filter(pk=cite.pk).update(source=into)
    for cite in Citation.objects.filter(target=document):
        taken = Citation.objects.filter(source=cite.source_id, target=into).exists()
        if taken or cite.source_id == into.pk:
            cite.delete()
        else:
            Citation.objects.filter(pk=cite.pk).update(target=into)
    Citation.objects.filter(via=document).update(via=into)


@transaction.atomic
def document_merge(*, actor: Any, document: Document, into: Document, reason: str) -> Document:
    """Merge ``document`` into ``into`` (the same document stored twice): its copies become the
    kept document's; its arrival in a unit that registered the kept one is cancelled with
    ``reason`` (kept in the register, ledgered), an arrival only it had is carried over; its
    links move; its row stays, marked as merged. Returns the kept document."""
    rows = locked(Document.objects).in_bulk([document.pk, into.pk])
    document, into = rows[document.pk], rows[into.pk]
    _check(actor, document, into)
    reason = clean(reason)
    if not reason:
        raise ApplicationError({"reason": _("Ghi lý do gộp (lý do hủy số đến trùng).")})
    plan = merge_plan(document, into)
    cancelled = [
        incoming_entry_cancel(
            actor=actor,
            entry=dup,
            reason=_("%(reason)s Số đến giữ lại: %(seq)s/%(year)s.")
            % {"reason": reason, "seq": kept.seq, "year": kept.year},
        )
        for dup, kept in plan.cancel
    ]
    IncomingEntry.objects.filter(pk__in=[e.pk for e in plan.move]).update(document=into)
    OutgoingEntry.objects.filter(document=document).update(document=into)
    moved = _move_copies(document, into)
    _move_citations(document, into)
    Document.objects.filter(pk=document.pk).update(merged_into=into)
    search_backend().remove(document.pk)
    payload = {
        "merged": document.pk,
        "reference": document.reference,
        "date": document.date,
        "copies": moved,
        "cancelled": [f"{e.seq}/{e.year}" for e in cancelled],
        "carried": [f"{e.seq}/{e.year}" for e in plan.move],
        "reason": reason,
    }
    ledger.append(
        action=events.DOCUMENT_MERGED, subject=into, actor=actor, unit=into.unit, payload=payload
    )
    return into
