"""Ingest: one file in, its documents out (or a clear message), nothing half-stored.

A pipeline of small steps: limits → same file seen before? → extract text → split and parse →
store the original and the documents in one transaction (the bytes are removed again if it
fails) → index for search. The web, the API, the command and the background runner all call
``ingest_file``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, connection, transaction
from django.utils.translation import gettext as _

from doimoi.documents.extract import Unreadable, extract, max_bytes
from doimoi.documents.models import Document, DocumentCopy, ItemStatus, StoredFile
from doimoi.documents.services import cache, packets, store
from doimoi.documents.services.common import require
from doimoi.documents.services.documents import (
    Outcome,
    Part,
    arrives,
    record,
    split_parts,
    store_parts,
)
from doimoi.documents.services.registers import register_incoming
from doimoi.organizations.models import ScopeStamp, Unit

log = logging.getLogger(__name__)


@dataclass
class FileResult:
    """What became of one file: a status, a message for the person, the documents touched."""

    name: str
    status: str
    message: str = ""
    size: int = 0
    documents: list[dict[str, Any]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status != ItemStatus.FAILED

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "status": self.status,
            "message": self.message,
            "size": self.size,
            "documents": self.documents,
        }


def _summary(document: Document, created: bool) -> dict[str, Any]:
    return {
        "id": document.pk,
        "reference": document.reference,
        "date": document.date.isoformat() if document.date else None,
        "title": document.title[:200],
        "created": created,
    }


def too_large(size: int) -> str | None:
    """The message for a file over the configured limit, else None."""
    limit = max_bytes()
    if size <= limit:
        return None
    return _("Tệp quá lớn (%(size)s MB); giới hạn là %(limit)s MB.") % {
        "size": round(size / 2**20, 1),
        "limit": round(limit / 2**20),
    }


def _seen_before(
    stored: StoredFile, unit: Unit, actor: Any, source: str, name: str, older: bool
) -> FileResult:
    """The same bytes again: nothing new stored; a unit that had no copy gets one (and enters
    it in its incoming register, an old document only when asked: ``older``).

    Only where the uploader can already see every document of the file: the same bytes held by
    another committee never open its records (issue 10); they are read again as the uploader's
    own received documents, stored once.
    """
    copies = list(stored.copies.select_related("document").order_by("part"))
    documents = list(dict.fromkeys(c.document for c in copies))
    visible = Document.objects.restrict(actor).filter(pk__in=[d.pk for d in documents])
    if actor is not None and visible.count() < len(documents):
        return _read_again(stored, unit, actor, source, name, older)
    if any(c.unit_id == unit.pk for c in copies):
        message = _("Tệp này đã được nhập trước đây (%(date)s); không lưu lại lần nữa.") % {
            "date": stored.created_at.strftime("%d/%m/%Y")
        }
        return FileResult(
            name,
            ItemStatus.DUPLICATE,
            message,
            stored.size,
            [_summary(d, False) for d in documents],
        )
    user = actor if actor is not None and actor.is_authenticated else None
    with transaction.atomic():
        for copy in copies:
            mine, _new = DocumentCopy.objects.get_or_create(
                document=copy.document,
                stored_file=stored,
                part=copy.part,
                unit=unit,
                defaults={"source": source, "created_by": user},
            )
            arrival = None
            if arrives(copy.document, unit, older=older):
                arrival = register_incoming(unit, copy.document, mine, actor).seq
            record(
                Outcome(copy.document, False, copy=mine),
                actor=actor,
                unit=unit,
                source=source,
                arrival=arrival,
            )
    message = _("Tệp đã có trong kho; đã ghi nhận bản lưu cho đơn vị này.")
    return FileResult(
        name, ItemStatus.COPY, message, stored.size, [_summary(d, False) for d in documents]
    )


def _read_again(
    stored: StoredFile, unit: Unit, actor: Any, source: str, name: str, older: bool
) -> FileResult:
    """Another unit's file with the same bytes: its documents as the uploader's own (the file is
    kept once; the copies are the uploader's)."""
    prepared = prepare(name, store.read(stored))
    if prepared.error:
        return FileResult(name, ItemStatus.FAILED, prepared.error, stored.size)
    with transaction.atomic():
        outcomes = store_parts(
            prepared.parts,
            actor=actor,
            unit=unit,
            stored_file=stored,
            source=source,
            older=older,
        )
    return _result(name, stored.size, outcomes, prepared.warnings)


def _store(prepared: Prepared, actor: Any, unit: Unit, source: str, older: bool) -> list[Outcome]:
    written: str | None = None
    try:
        with transaction.atomic():
            stored, written = store.put(prepared.data, prepared.name, prepared.sha)
            return store_parts(
                prepared.parts,
                actor=actor,
                unit=unit,
                stored_file=stored,
                source=source,
                older=older,
            )
    except BaseException:
        store.discard(written)
        raise


def _result(name: str, size: int, outcomes: list[Outcome], warnings: list[str]) -> FileResult:
    created = [o for o in outcomes if o.created]
    status = ItemStatus.STORED if created else ItemStatus.COPY
    if created:
        message = _("Đã lưu %(n)s văn bản.") % {"n": len(created)}
    else:
        message = _("Văn bản đã có; tệp được lưu thêm như một bản khác của văn bản.")
    attached = len(outcomes) - len(created)
    if created and attached:
        message += " " + _("%(n)s văn bản đã có được nhận thêm bản.") % {"n": attached}
    if archived := [o.document for o in outcomes if o.archived]:
        message += " " + _(
            "Văn bản ban hành trước năm nay (%(refs)s): không vào sổ văn bản đến năm nay; "
            "vào sổ khi cần ở trang kiểm tra văn bản."
        ) % {"refs": ", ".join(d.reference or str(d.pk) for d in archived)}
    if warnings:
        message += " " + "; ".join(warnings[:3])
    return FileResult(
        name, status, message, size, [_summary(o.document, o.created) for o in outcomes]
    )


@dataclass
class Prepared:
    """A file read and parsed, not yet stored: the part of ingest that needs no database, so a
    batch can prepare files in other processes while this one stores them."""

    name: str
    data: bytes
    sha: str
    parts: list[Part] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str = ""


def prepare(name: str, data: bytes) -> Prepared:
    """Check the limits, extract the text, split and parse it (no database)."""
    prepared = Prepared(name, data, store.digest(data))
    if packets.reader_for(name, data) is not None:
        return prepared  # a packet: its reader does everything when it is stored
    if message := too_large(len(data)):
        prepared.error = message
        return prepared
    try:
        extracted = extract(data, name)
    except Unreadable as error:
        prepared.error = error.message
        return prepared
    prepared.parts, prepared.warnings = split_parts(extracted.text), extracted.warnings
    return prepared


def _stored_file(sha256: str) -> StoredFile | None:
    """The stored file with these bytes, if any; read with the units' stamp (which matching
    the issuers needs next) in one statement, the file itself only when there is one."""
    quote, meta = connection.ops.quote_name, StoredFile._meta
    sql = (
        f"SELECT {ScopeStamp.token_sql()}, (SELECT {quote('id')} FROM {quote(meta.db_table)} "
        f"WHERE {quote(str(meta.get_field('sha256').column))} = %s)"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [sha256])
        token, found = cursor.fetchone()
    cache.units_stamp(str(token) if token else None)
    return StoredFile.objects.get(pk=found) if found is not None else None


def ingest_file(
    *, actor: Any, unit: Unit, name: str, data: bytes, source: str, register_old: bool = False
) -> FileResult:
    """Ingest one file for ``unit``; never raises for a bad file (the result says what is wrong).

    A document dated before this year (an archive upload) enters this year's incoming register
    only when the clerk asks (``register_old``)."""
    require(actor, "documents.ingest_document", unit)
    if (reader := packets.reader_for(name, data)) is not None:  # an edXML packet, say
        result: FileResult = reader.ingest(
            actor=actor, unit=unit, name=name, data=data, source=source
        )
        return result
    with cache.batch():  # a file citing its own issuer's code looks the code up once
        stored = _stored_file(store.digest(data))
        if stored is not None:  # seen before: no need to read it again
            return _seen_before(stored, unit, actor, source, name, register_old)
        return _ingest_new(actor, unit, prepare(name, data), source, register_old)


def ingest_upload(
    *,
    actor: Any,
    unit: Unit,
    name: str,
    size: int,
    read: Callable[[int], bytes],
    source: str,
    register_old: bool = False,
) -> FileResult:
    """Ingest an uploaded file without ever reading more of it than the size limit allows:
    one over the limit is refused by its size; ``read(n)`` reads at most ``n`` bytes."""
    require(actor, "documents.ingest_document", unit)
    if message := too_large(size):
        return FileResult(name, ItemStatus.FAILED, message, size)
    data = read(max_bytes() + 1)
    if message := too_large(len(data)):
        return FileResult(name, ItemStatus.FAILED, message, len(data))
    return ingest_file(
        actor=actor, unit=unit, name=name, data=data, source=source, register_old=register_old
    )


def ingest_prepared(
    *, actor: Any, unit: Unit, prepared: Prepared, source: str, register_old: bool = False
) -> FileResult:
    """Store a prepared file: its original and its documents, in one transaction."""
    require(actor, "documents.ingest_document", unit)
    if packets.reader_for(prepared.name, prepared.data) is not None:
        return ingest_file(
            actor=actor,
            unit=unit,
            name=prepared.name,
            data=prepared.data,
            source=source,
            register_old=register_old,
        )
    if prepared.error:
        return FileResult(prepared.name, ItemStatus.FAILED, prepared.error, len(prepared.data))
    with cache.batch():
        stored = _stored_file(prepared.sha)
        if stored is not None:
            return _seen_before(stored, unit, actor, source, prepared.name, register_old)
        return _ingest_new(actor, unit, prepared, source, register_old)


def _ingest_new(
    actor: Any, unit: Unit, prepared: Prepared, source: str, register_old: bool
) -> FileResult:
    """Store a prepared file whose bytes are not in the store (the caller looked them up)."""
    name, size = prepared.name, len(prepared.data)
    if prepared.error:
        return FileResult(name, ItemStatus.FAILED, prepared.error, size)
    try:
        outcomes = _store(prepared, actor, unit, source, register_old)
    except Exception as error:
        stored = StoredFile.objects.filter(sha256=prepared.sha).first()
        if isinstance(error, IntegrityError) and stored is not None:
            # a parallel request stored it
            return _seen_before(stored, unit, actor, source, name, register_old)
        log.exception("ingest failed for %s", name)
        message = _(
            "Lỗi không mong đợi khi đọc tệp; tệp không được lưu. Hãy báo quản trị hệ thống."
        )
        return FileResult(name, ItemStatus.FAILED, message, size)
    return _result(name, size, outcomes, prepared.warnings)
