"""A person checks what the parser read: corrections and confirmation, and manual links."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from doimoi.core.errors import ApplicationError
from doimoi.core.services import locked
from doimoi.documents import events
from doimoi.documents.models import Citation, Confidentiality, Document, DocumentState, Relation
from doimoi.documents.models.documents import INGEST_ROLES
from doimoi.documents.services import citations
from doimoi.documents.services.common import canonical_number, clean, require, symbol_key
from doimoi.documents.services.documents import index
from doimoi.ledger import services as ledger
from doimoi.organizations.models import Unit
from doimoi.organizations.scope import scope_of

EDITABLE = (
    "kind",
    "number",
    "symbol",
    "type_code",
    "type_name",
    "issuer_name",
    "parent_issuer_name",
    "issuer_unit",
    "place",
    "date",
    "title",
    "signing_authority",
    "signer_title",
    "signer_name",
    "confidentiality",
    "urgency",
)


def _cleaned(data: dict[str, Any]) -> dict[str, Any]:
    out = {k: clean(v) if isinstance(v, str) else v for k, v in data.items() if k in EDITABLE}
    if "number" in out:
        out["number"] = canonical_number(out["number"])
    if "symbol" in out:
        out["symbol"] = out["symbol"].replace(" ", "")
    return out


MAX_TITLE = 1000  # a trích yếu is a line or three; more is the parser reading the body


def _check_required(document: Document, data: dict[str, Any]) -> None:
    """A confirmed document has its number and symbol, and a title of reasonable length."""
    errors = {}
    if not data.get("number", document.number):
        errors["number"] = _("Cần nhập số văn bản (ví dụ 14 trong «14-KL/TW»).")
    if not data.get("symbol", document.symbol):
        errors["symbol"] = _("Cần nhập ký hiệu văn bản (ví dụ KL/TW trong «14-KL/TW»).")
    title = data.get("title", document.title) or ""
    if len(title) > MAX_TITLE:
        errors["title"] = _(
            "Trích yếu dài %(n)s ký tự, tối đa %(max)s: có thể hệ thống đã đọc cả nội dung văn bản "
            "vào trích yếu; hãy chỉ giữ phần trích yếu."
        ) % {"n": f"{len(title):,}".replace(",", "."), "max": f"{MAX_TITLE:,}".replace(",", ".")}
    if errors:
        raise ApplicationError(errors)


def _check(document: Document, data: dict[str, Any]) -> None:
    _check_required(document, data)
    date = data.get("date", document.date)
    unit: Unit | None = data.get("issuer_unit", document.issuer_unit)
    if date and unit and (date < unit.valid_from or (unit.valid_to and date >= unit.valid_to)):
        raise ApplicationError(
            {
                "issuer_unit": _("Đơn vị «%(unit)s» không hoạt động vào ngày ban hành văn bản.")
                % {"unit": unit.name}
            }
        )
    if date and date > datetime.date.today():
        raise ApplicationError({"date": _("Ngày ban hành không được sau hôm nay.")})
    if data.get("number") and not data.get("symbol", document.symbol):
        raise ApplicationError({"symbol": _("Có số văn bản thì phải có ký hiệu.")})


def _value(value: Any) -> Any:
    return value.pk if isinstance(value, Unit) else value


@transaction.atomic
def document_confirm(*, actor: Any, document: Document, data: dict[str, Any]) -> Document:
    """Save the reviewed metadata of ``document`` and mark it confirmed; the ledger keeps who
    confirmed which values and what they changed."""
    require(actor, "documents.change_document", document)
    document = locked(Document.objects).get(pk=document.pk)
    if document.state == DocumentState.PLACEHOLDER:
        raise ApplicationError({"document": _("Văn bản chưa có ở đây, chỉ được trích dẫn.")})
    data = _cleaned(data)
    _check(document, data)
    changes = {
        k: [_value(getattr(document, k)), _value(v)]
        for k, v in data.items()
        if getattr(document, k) != v
    }
    for name, value in data.items():
        setattr(document, name, value)
    document.symbol_key = symbol_key(document.symbol)
    document.state = DocumentState.CONFIRMED
    document.issuer_confirmed = _issuer_confirmed(actor, document, "issuer_unit" in changes)
    document.save()
    fields = {"number": document.number, "symbol_key": document.symbol_key, "date": document.date}
    waiting = citations.placeholders_for(fields, document.issuer_unit)
    citations.absorb(document, _seen(actor, waiting))
    index(document)
    confirmed = {k: _value(getattr(document, k)) for k in EDITABLE}
    ledger.append(
        action=events.DOCUMENT_CONFIRMED,
        subject=document,
        actor=actor,
        unit=document.unit,
        payload={"changed": changes, "confirmed": confirmed},
    )
    return document


def _issuer_confirmed(actor: Any, document: Document, issuer_changed: bool) -> bool:
    """The issuer's own people confirm a document is theirs; naming another issuer unconfirms."""
    issuer = document.issuer_unit
    if issuer is None or actor is None or scope_of(actor).covers(issuer, INGEST_ROLES):
        return True
    return document.issuer_confirmed and not issuer_changed


def _seen(actor: Any, documents: list[Document]) -> list[Document]:
    """Only placeholders the actor sees are filled (never another unit's)."""
    if actor is None or not documents:
        return documents
    ids = set(
        Document.objects.restrict(actor)
        .filter(pk__in=[d.pk for d in documents])
        .values_list("pk", flat=True)
    )
    return [d for d in documents if d.pk in ids]


@transaction.atomic
def document_confirm_issuer(*, actor: Any, document: Document) -> Document:
    """The issuer's clerk confirms that a copy another unit received and uploaded is theirs."""
    require(actor, "documents.view_document", document)
    issuer = document.issuer_unit
    if issuer is None or not scope_of(actor).covers(issuer, INGEST_ROLES):
        raise PermissionDenied(_("Chỉ cơ quan ban hành mới xác nhận được văn bản là của mình."))
    document = locked(Document.objects).get(pk=document.pk)
    if document.issuer_confirmed:
        return document
    document.issuer_confirmed = True
    document.save(update_fields=["issuer_confirmed", "updated_at"])
    ledger.append(
        action=events.ISSUER_CONFIRMED,
        subject=document,
        actor=actor,
        unit=issuer,
        payload={"reference": document.reference, "holder": document.unit_id},
    )
    return document


@transaction.atomic
def document_classify(*, actor: Any, document: Document, level: int) -> Document:
    """Set a document's classification (độ mật) — only those who may change it, cleared for
    both the old and the new level, so nobody declassifies what they may not read."""
    require(actor, "documents.change_document", document)
    if level not in Confidentiality.values:
        raise ApplicationError({"confidentiality": _("Độ mật không hợp lệ.")})
    if actor is not None and scope_of(actor).level_over(document.unit) < level:
        raise ApplicationError(
            {"confidentiality": _("Bạn không được xem văn bản ở độ mật này, nên không đặt được.")}
        )
    document = locked(Document.objects).get(pk=document.pk)
    before = document.confidentiality
    if before == level:
        return document
    document.confidentiality = level
    document.save(update_fields=["confidentiality", "updated_at"])
    ledger.append(
        action=events.DOCUMENT_CLASSIFIED,
        subject=document,
        actor=actor,
        unit=document.unit,
        payload={"from": before, "to": level},
    )
    return document


@transaction.atomic
def citation_add(*, actor: Any, source: Document, target: Document, relation: str) -> Citation:
    """Record that ``source`` answers to ``target`` (a unit's plan implementing a directive, …)."""
    require(actor, "documents.change_document", source)
    if source.pk == target.pk:
        raise ApplicationError({"target": _("Văn bản không thể trích dẫn chính nó.")})
    if relation not in Relation.values:
        raise ApplicationError({"relation": _("Quan hệ giữa hai văn bản không hợp lệ.")})
    citation, created = Citation.objects.get_or_create(
        source=source, target=target, defaults={"relation": relation, "cited_as": target.reference}
    )
    if not created and citation.relation != relation:
        citation.relation = relation
        citation.save(update_fields=["relation"])
    payload = {"target": target.pk, "reference": target.reference, "relation": relation}
    ledger.append(
        action=events.CITATION_ADDED, subject=source, actor=actor, unit=source.unit, payload=payload
    )
    return citation
