"""Making a document a directive, and sending it to the first recipients."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from doimoi.core.errors import ApplicationError
from doimoi.directives import events
from doimoi.directives.models import Directive, Distribution
from doimoi.directives.services.common import dmy, require, today, user_or_none
from doimoi.directives.services.sending import send
from doimoi.directives.services.specs import RequirementSpec, check_requirements
from doimoi.documents import selectors as documents
from doimoi.documents.models import Document
from doimoi.ledger import services as ledger
from doimoi.organizations.closed import in_force, with_successors
from doimoi.organizations.models import Unit


def check_document(actor: Any, document: Document, field: str = "document") -> Document:
    """A real document (not a mere citation) that the actor may see."""
    if actor is not None:
        try:
            document = documents.document_get(viewer=actor, pk=document.pk)
        except Document.DoesNotExist:
            raise ApplicationError({field: _("Bạn không xem được văn bản này.")}) from None
    if document.is_placeholder:
        raise ApplicationError(
            {
                field: _("Văn bản %(ref)s mới chỉ được trích dẫn, chưa có trong hệ thống.")
                % {"ref": document.reference}
            }
        )
    return document


@transaction.atomic
def directive_create(*, actor: Any, document: Document, issuer: Unit) -> Directive:
    """Follow ``document`` as a directive of ``issuer``, which will send it down the tree."""
    require(actor, "directives.create_directive", issuer)
    document = check_document(actor, document)
    day = document.date or today()
    if not in_force(issuer, day):
        message = _("%(unit)s không hoạt động vào ngày %(date)s của văn bản.") % {
            "unit": issuer.name,
            "date": dmy(day),
        }
        raise ApplicationError({"issuer": with_successors(message, issuer, day)})
    if Directive.objects.filter(document=document, issuer=issuer).exists():
        raise ApplicationError(
            {
                "document": _("%(ref)s đã là văn bản chỉ đạo của %(unit)s.")
                % {"ref": document.reference, "unit": issuer.name}
            }
        )
    title = " — ".join(filter(None, [document.reference, document.title]))[:300] or str(document)
    directive = Directive.objects.create(
        document=document, issuer=issuer, title=title, created_by=user_or_none(actor)
    )
    payload = {"document": document.pk, "reference": document.reference, "issuer": issuer.pk}
    ledger.append(
        action=events.DIRECTIVE_CREATED,
        subject=directive,
        actor=actor,
        unit=issuer,
        payload=payload,
    )
    return directive


@transaction.atomic
def directive_distribute(
    *,
    actor: Any,
    directive: Directive,
    recipients: list[Unit],
    requirements: list[RequirementSpec],
    sent_on: datetime.date,
    note: str = "",
) -> Distribution:
    """The issuer sends its directive to ``recipients``, each to meet ``requirements``."""
    require(actor, "directives.distribute_directive", directive)
    dues = check_requirements(requirements, sent_on)
    dist = send(
        actor=actor,
        directive=directive,
        sender=directive.issuer,
        document=directive.document,
        parent=None,
        recipients=recipients,
        dues=dues,
        sent_on=sent_on,
        note=note,
    )
    ledger.append(
        action=events.DIRECTIVE_DISTRIBUTED,
        subject=directive,
        actor=actor,
        unit=directive.issuer,
        payload=sending_payload(dist),
    )
    return dist


def sending_payload(dist: Distribution) -> dict[str, Any]:
    """What the ledger keeps of a sending: who, what, to whom, which deadlines."""
    return {
        "distribution": dist.pk,
        "sender": dist.sender_id,
        "document": dist.document_id,
        "sent_on": dist.sent_on,
        "recipients": list(
            dist.assignments.order_by("unit__path").values_list("unit_id", flat=True)
        ),
        "requirements": [
            {"kind": r.kind, "due": r.due_date, "days": r.due_days, "period": r.period}
            for r in dist.requirements.all()
        ],
    }
