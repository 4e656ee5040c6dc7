"""Issuing the protection dossier: the deciding unit's next "BC" number, the Word file and its PDF
printed with that number, then the number taken and the dossier stored as the unit's outgoing
document with both files — one short transaction, one ledger event on the case. LibreOffice runs
outside the transaction (seconds); if another document took the number meanwhile, it prints again.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from doimoi import compose
from doimoi.compose.convert import ConversionError, docx_to_pdf
from doimoi.core.errors import ApplicationError
from doimoi.documents import services as documents
from doimoi.documents.models import Document
from doimoi.initiatives import dossier
from doimoi.initiatives.events import DOSSIER_ISSUED
from doimoi.initiatives.models import Case
from doimoi.initiatives.states import CaseState
from doimoi.ledger import services as ledger

TYPE_CODE = "BC"


def _printed(c: compose.Composition) -> tuple[bytes, bytes]:
    docx = compose.render_docx(c)
    try:
        return docx, docx_to_pdf(docx)
    except ConversionError as error:
        raise ApplicationError(
            {"__all__": _("Không tạo được bản PDF (LibreOffice): hồ sơ chưa được ban hành.")}
        ) from error


@transaction.atomic
def _store(actor: Any, case: Case, c: compose.Composition, files: tuple[bytes, bytes]) -> Document:
    unit = dossier.issuing_unit(case)
    entry = documents.outgoing_register_take(
        actor=actor,
        unit=unit,
        type_code=TYPE_CODE,
        kind=c.kind,
        date=c.date,
        title=c.title,
        printed_as=c.reference,
    )
    stem = f"ho-so-bao-ve-{entry.symbol.replace('/', '-')}"
    document = documents.document_create_from_text(
        actor=actor,
        unit=unit,
        text=compose.plain_text(c),
        outgoing=entry,
        files=[(f"{stem}.docx", files[0]), (f"{stem}.pdf", files[1])],
    )
    payload = {"reference": entry.symbol, "document": document.pk}
    ledger.append(action=DOSSIER_ISSUED, subject=case, actor=actor, unit=unit, payload=payload)
    return document


def dossier_issue(*, actor: Any, case: Case, day: datetime.date) -> Document:
    """Issue ``case``'s protection dossier, numbered from its deciding unit's outgoing register."""
    if case.state == CaseState.DRAFT:
        raise ApplicationError({"__all__": _("Dự thảo chưa gửi chưa có hồ sơ.")})
    unit = dossier.issuing_unit(case)

    def print_ahead() -> tuple[compose.Composition, tuple[bytes, bytes]]:
        c = dossier.composition(case, day)
        c.reference = documents.outgoing_register_next(
            actor=actor, unit=unit, type_code=TYPE_CODE, kind=c.kind, date=day
        )
        return c, _printed(c)

    return documents.outgoing_issue(print_ahead, lambda printed: _store(actor, case, *printed))
