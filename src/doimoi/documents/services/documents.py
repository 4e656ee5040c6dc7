"""Creating documents from text, attaching copies, confirming metadata, linking documents."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from doimoi.background.queue import defer
from doimoi.core.errors import ApplicationError
from doimoi.core.text import fold, nfc
from doimoi.documents import events
from doimoi.documents import tasks as document_tasks
from doimoi.documents.models import (
    Citation,
    Confidentiality,
    Document,
    DocumentCopy,
    DocumentState,
    OutgoingEntry,
    Relation,
    StoredFile,
)
from doimoi.documents.search import backend as search_backend
from doimoi.documents.search import body_of
from doimoi.documents.services import citations
from doimoi.documents.services import store as file_store
from doimoi.documents.services.common import code_from_symbol, require, symbol_key
from doimoi.documents.services.fields import document_fields
from doimoi.documents.services.issuers import match_issuer
from doimoi.documents.services.registers import register_incoming
from doimoi.ledger import services as ledger
from doimoi.organizations.models import Unit
from doimoi.vbparse import parse_all


@dataclass
class Part:
    """One document found in a text: what the parser read and its own text."""

    meta: dict[str, Any]
    text: str
    folded: str = ""  # the text folded for search (computed where the text is read)

    def __post_init__(self) -> None:
        self.folded = self.folded or fold(self.text)


@dataclass
class Outcome:
    """What storing one part did: a new document, a placeholder filled, or a copy attached;
    ``archived``: an old document left out of this year's incoming register."""

    document: Document
    created: bool
    resolved_placeholder: bool = False
    copy: DocumentCopy | None = None
    warnings: list[str] = field(default_factory=list)
    archived: bool = False


def is_archive(document: Document, received: datetime.date | None = None) -> bool:
    """A document dated before the year of the register it would enter (an archive upload)."""
    year = (received or datetime.date.today()).year
    return document.date is not None and document.date.year < year


def arrives(document: Document, unit: Unit, *, older: bool) -> bool:
    """Whether storing ``document`` for ``unit`` enters it in the unit's incoming register:
    a document from elsewhere, and, when it is older than this year, only if asked (``older``)."""
    return document.issuer_unit_id != unit.pk and (older or not is_archive(document))


def split_parts(raw: str) -> list[Part]:
    """The documents in a text, each with its metadata and its own slice of the cleaned text.

    The parser gets the text as extracted (not cleaned first), so what it repaired on the way
    (OCR slips, PDF artefacts, old encodings) stays in each document's warnings.
    """
    return [Part(p.to_dict(), p.text) for p in parse_all(raw)]


def index(document: Document, *, fresh: bool = False, folded: str = "") -> None:
    """(Re)index a document for search (``fresh``: a new row, not indexed before; ``folded``:
    its text already folded); placeholders have nothing to find."""
    if document.state == DocumentState.PLACEHOLDER:
        search_backend().remove(document.pk)
        return
    body = body_of(
        document.reference,
        document.type_name,
        document.issuer_name,
        document.signer_name,
        document.title,
        folded=folded or fold(document.text),
    )
    search_backend().index(document.pk, body, fresh=fresh)


def _issuer(fields: dict[str, Any], holder: Unit) -> Unit | None:
    code = code_from_symbol(fields["kind"], fields["symbol"], fields["type_code"])
    return match_issuer(
        name=fields["issuer_name"],
        code=code,
        day=fields["date"],
        parent=fields["parent_issuer_name"],
        near=holder,
    )


def same_document(
    fields: dict[str, Any], issuer: Unit | None, known: list[Document]
) -> Document | None:
    """A document already here with the same number, symbol, date and issuer (among ``known``,
    the documents with that number and symbol)."""
    if not fields["date"]:
        return None
    name = fold(fields["issuer_name"])
    for document in known:
        if document.state == DocumentState.PLACEHOLDER or document.date != fields["date"]:
            continue
        if issuer is None and name and fold(document.issuer_name) != name:
            continue
        if citations.compatible(document, issuer):
            return document
    return None


def _matchable(actor: Any, unit: Unit, documents: list[Document]) -> list[Document]:
    """The namesakes an upload may become or join: only those the uploader already sees, never
    another unit's unverified received copy. A file only adds to what the uploader's unit holds;
    a made-up header claiming another unit's number makes a new document, not a key to theirs.
    ``actor=None`` is the system itself (the ingest command run by an administrator)."""
    if actor is None or not documents:
        return documents
    ids = [d.pk for d in documents]
    seen = set(Document.objects.restrict(actor).filter(pk__in=ids).values_list("pk", flat=True))
    return [d for d in documents if d.pk in seen and (d.issuer_confirmed or d.unit_id == unit.pk)]


def _write(fields: dict[str, Any], target: Document | None) -> Document:
    document = target or Document()
    for name, value in fields.items():
        setattr(document, name, value)
    document.save()
    return document


def store_part(
    part: Part,
    *,
    actor: Any,
    unit: Unit,
    stored_file: StoredFile | None,
    position: int,
    source: str,
    overrides: dict[str, Any] | None = None,
) -> Outcome:
    """Store one document of a file: attach a copy, fill a placeholder, or create it."""
    fields = document_fields(part.meta) | (overrides or {})
    issuer = fields.pop("issuer_unit", None) or _issuer(fields, unit)
    user = actor if actor is not None and actor.is_authenticated else None
    references = part.meta.get("references") or []
    own = (
        (fields["number"], fields["symbol_key"])
        if fields["number"] and fields["symbol_key"]
        else None
    )
    found = citations.lookup(citations.reference_keys(references) | ({own} if own else set()))
    known = _matchable(actor, unit, sorted(found.get(own, []), key=lambda d: d.pk) if own else [])
    existing = same_document(fields, issuer, known)
    if existing is not None:
        copy = _copy(existing, stored_file, position, unit, source, user)
        return Outcome(existing, created=False, copy=copy)
    waiting = citations.placeholders_for(fields, issuer, known)
    fields |= {
        "state": fields.get("state", DocumentState.REVIEW),
        "issuer_unit": issuer,
        "text": nfc(part.text),
        "parsed": {k: part.meta.get(k) for k in ("confidence", "warnings", "references")},
        "unit": unit,
        "created_by": user,
        "issuer_confirmed": issuer is None or issuer.path.startswith(unit.path),
    }
    document = _write(fields, waiting[0] if waiting else None)
    citations.absorb(document, waiting[1:])
    if own is not None:  # drop the placeholders just absorbed into this document
        gone = {p.pk for p in waiting[1:]}
        found[own] = [d for d in found.get(own, []) if d.pk not in gone]
    nesting = part.meta.get("nesting") or []
    citations.link(document, references, fresh=not waiting, known=found, nesting=nesting)
    index(document, fresh=not waiting, folded=part.folded)
    copy = DocumentCopy.objects.create(
        document=document,
        stored_file=stored_file,
        part=position,
        unit=unit,
        source=source,
        created_by=user,
    )
    return Outcome(document, created=True, resolved_placeholder=bool(waiting), copy=copy)


def _copy(
    document: Document,
    stored_file: StoredFile | None,
    position: int,
    unit: Unit,
    source: str,
    user: Any,
) -> DocumentCopy:
    copy, _created = DocumentCopy.objects.get_or_create(
        document=document,
        stored_file=stored_file,
        part=position,
        unit=unit,
        defaults={"source": source, "created_by": user},
    )
    return copy


def copies_deliver(*, actor: Any, document: Document, units: list[Unit], source: str) -> None:
    """Give each unit a copy of a document it was sent (a directive's sending), so that it may
    open it like any document it holds; classified documents still need a clearance to read.

    A step of the caller's action (the sending), whose ledger event names the recipients."""
    first = document.copies.order_by("pk").first()
    stored_file = first.stored_file if first is not None else None
    part = first.part if first is not None else 0
    user = actor if getattr(actor, "is_authenticated", False) else None
    for unit in units:
        _copy(document, stored_file, part, unit, source, user)


def link_parts(outcomes: list[Outcome]) -> None:
    """A file's first document forwards the others that nothing in the file cites yet."""
    if len(outcomes) < 2:
        return
    first = outcomes[0].document
    ids = [o.document.pk for o in outcomes]
    cited = set(
        Citation.objects.filter(source_id__in=ids, target_id__in=ids).values_list(
            "target_id", flat=True
        )
    )
    for outcome in outcomes[1:]:
        doc = outcome.document
        if doc.pk not in cited and doc.pk != first.pk:
            Citation.objects.get_or_create(
                source=first, target=doc, defaults={"relation": Relation.FORWARDS}
            )


def record(outcome: Outcome, *, actor: Any, unit: Unit, source: str, arrival: int | None) -> None:
    """The ledger event for one stored part."""
    document = outcome.document
    action = events.DOCUMENT_INGESTED if outcome.created else events.COPY_ATTACHED
    if source == "composed":
        action = events.DOCUMENT_CREATED
    payload = {
        "reference": document.reference,
        "date": document.date,
        "issuer": document.issuer_name,
        "issuer_unit": document.issuer_unit_id,
        "file": outcome.copy.stored_file_id if outcome.copy else None,
        "resolved_placeholder": outcome.resolved_placeholder,
        "arrival": arrival,
        "source": source,
    }
    ledger.append(action=action, subject=document, actor=actor, unit=unit, payload=payload)


def store_parts(
    parts: list[Part],
    *,
    actor: Any,
    unit: Unit,
    stored_file: StoredFile | None,
    source: str,
    overrides: dict[str, Any] | None = None,
    register: bool = True,
    older: bool = True,
) -> list[Outcome]:
    """Store every document of one file or text (inside the caller's transaction).

    ``register``: enter the documents from elsewhere in the unit's incoming register; ``older``:
    those dated before this year too (an upload asks the clerk; a packet is an arrival today)."""
    outcomes = []
    for position, part in enumerate(parts):
        outcome = store_part(
            part,
            actor=actor,
            unit=unit,
            stored_file=stored_file,
            position=position,
            source=source,
            overrides=overrides if position == 0 else None,
        )
        arrival = None
        if register and arrives(outcome.document, unit, older=older):
            arrival = register_incoming(
                unit, outcome.document, outcome.copy, actor, new=outcome.created
            ).seq
        elif register and outcome.document.issuer_unit_id != unit.pk:
            outcome.archived = True
        record(outcome, actor=actor, unit=unit, source=source, arrival=arrival)
        outcomes.append(outcome)
    link_parts(outcomes)
    return outcomes


@transaction.atomic
def document_create_from_text(
    *,
    actor: Any,
    unit: Unit,
    text: str,
    confidentiality: int | None = None,
    outgoing: OutgoingEntry | None = None,
    register_incoming: bool = False,
    files: Sequence[tuple[str, bytes]] = (),
) -> Document:
    """Create the document(s) a text holds, held by ``unit``; return the first (main) one.

    For documents a unit composes (plans, dispatches, urging dispatches): the number and symbol
    come from ``outgoing`` when given (taken earlier with ``outgoing_register_take``).
    Citations in the text become edges; a later document in the text is linked to the first.
    ``files`` (name, bytes): the printed forms (DOCX, PDF), kept as the unit's copies.
    """
    require(actor, "documents.ingest_document", unit)
    raw = nfc(text or "")
    if not raw:
        raise ApplicationError({"text": _("Nội dung văn bản trống.")})
    overrides = _overrides(unit, confidentiality, outgoing)
    parts = split_parts(raw)
    source = "composed" if outgoing is not None or not register_incoming else "text"
    outcomes = store_parts(
        parts,
        actor=actor,
        unit=unit,
        stored_file=None,
        source=source,
        overrides=overrides,
        register=register_incoming,
    )
    document = outcomes[0].document
    if outgoing is not None:
        OutgoingEntry.objects.filter(pk=outgoing.pk).update(document=document)
    printed = {name.lower().rsplit(".", 1)[-1]: attach_file(document, name, data, unit, actor)
               for name, data in files}  # fmt: skip
    if "docx" in printed and "pdf" not in printed:  # its PDF: LibreOffice, after the commit
        defer(document_tasks.print_pdf, printed["docx"].pk)
    return document


def attach_file(document: Document, name: str, data: bytes, unit: Unit, actor: Any) -> DocumentCopy:
    """Keep a printed form of a composed document as a copy held by ``unit`` (bytes stored once;
    if the transaction fails, content-addressed bytes may stay behind, unreferenced)."""
    sha256 = file_store.digest(data)
    stored = StoredFile.objects.filter(sha256=sha256).first()
    if stored is None:
        stored, _written = file_store.put(data, name, sha256)
    user = actor if actor is not None and actor.is_authenticated else None
    return _copy(document, stored, 0, unit, "composed", user)


def _overrides(
    unit: Unit, confidentiality: int | None, outgoing: OutgoingEntry | None
) -> dict[str, Any]:
    overrides: dict[str, Any] = {}
    if confidentiality is not None:
        if confidentiality not in Confidentiality.values:
            raise ApplicationError({"confidentiality": _("Độ mật không hợp lệ.")})
        overrides["confidentiality"] = confidentiality
    if outgoing is not None:
        if outgoing.unit_id != unit.pk:
            raise ApplicationError({"outgoing": _("Số văn bản đi thuộc sổ của đơn vị khác.")})
        _number, _sep, symbol = outgoing.symbol.partition("-" if outgoing.kind == "party" else "/")
        overrides |= {
            "number": outgoing.number,
            "symbol": symbol,
            "symbol_key": symbol_key(symbol),
            "kind": outgoing.kind,
            "date": outgoing.date,
            "issuer_unit": unit,
            # what the unit composed and numbered from its own register: nothing left to check
            "state": DocumentState.CONFIRMED,
        }
    return overrides
