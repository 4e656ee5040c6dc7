"""Written decisions: numbered from the deciding unit's outgoing register, or as entered.

Left blank, the number comes from the unit's outgoing register (``documents`` app) and the
decision is stored there as a document. A unit that has closed cannot number any more: the user
enters the number and symbol of the decision as it was issued on paper.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from doimoi.compose import plain_text, render_docx
from doimoi.core.errors import ApplicationError
from doimoi.documents.services import document_create_from_text, outgoing_register_take
from doimoi.initiatives.models import Decision
from doimoi.initiatives.services.common import (
    Context,
    clean_text,
    deciding_unit,
    not_in_future,
)
from doimoi.initiatives.services.decision_text import decision_composition
from doimoi.organizations.models import Unit, UnitKind

DECISION_TYPE_CODE = "QĐ"


def register_usable(unit: Unit, day: datetime.date) -> bool:
    """Whether ``unit``'s outgoing register can number a decision dated ``day``."""
    return unit.valid_from <= day and (unit.valid_to is None or day < unit.valid_to)


def _refused(error: Exception) -> ApplicationError:
    reason = " ".join(getattr(error, "messages", [str(error)]))
    return ApplicationError(
        {
            "decision_symbol": _(
                "Sổ văn bản đi không cấp được số (%(reason)s). Nhập số, ký hiệu đã ban hành."
            )
            % {"reason": reason}
        }
    )


def _from_register(
    ctx: Context, unit: Unit, kind: str, content: str, reasons: str
) -> dict[str, Any]:
    """Take the next number of ``unit``'s register and store the decision as its document."""
    day = ctx.data["decided_on"]
    try:
        entry = outgoing_register_take(
            actor=ctx.actor,
            unit=unit,
            type_code=DECISION_TYPE_CODE,
            kind="state" if unit.kind == UnitKind.STATE_BODY else "party",
            date=day,
        )
        composed = decision_composition(
            case=ctx.case,
            unit=unit,
            kind=kind,
            symbol=entry.symbol,
            day=day,
            content=content,
            reasons=reasons,
            signer=ctx.person,
        )
        word = (f"quyet-dinh-{entry.symbol.replace('/', '-')}.docx", render_docx(composed))
        document = document_create_from_text(
            actor=ctx.actor, unit=unit, text=plain_text(composed), outgoing=entry, files=[word]
        )
    except (ApplicationError, PermissionDenied) as error:
        raise _refused(error) from error
    return {
        "number": entry.number,
        "symbol": entry.symbol,
        "register_entry": entry,
        "document": document,
    }


def _closed(unit: Unit) -> ApplicationError:
    return ApplicationError(
        {
            "decision_symbol": _(
                "%(unit)s không còn hoạt động vào ngày quyết định nên sổ văn bản đi không cấp số "
                "được. Nhập số, ký hiệu của quyết định đã ban hành."
            )
            % {"unit": unit.name}
        }
    )


def issue_decision(
    ctx: Context, kind: str, *, content: str = "", reasons: str = "", override: bool = False
) -> Decision:
    """Write the decision of kind ``kind`` dated ``data["decided_on"]``, with its number."""
    decided_on = ctx.data["decided_on"]
    not_in_future("decided_on", decided_on)
    unit = deciding_unit(ctx.case)
    content, reasons = clean_text(content), clean_text(reasons)
    symbol = clean_text(ctx.data.get("decision_symbol") or "")
    if symbol:
        numbering: dict[str, Any] = {"number": _number_of(symbol), "symbol": symbol}
    elif register_usable(unit, decided_on):
        numbering = _from_register(ctx, unit, kind, content, reasons)
    else:
        raise _closed(unit)
    return Decision.objects.create(
        case=ctx.case,
        kind=kind,
        unit=unit,
        decided_on=decided_on,
        signer=ctx.person,
        content=content,
        reasons=reasons,
        override=override,
        **numbering,
    )


def _number_of(symbol: str) -> str:
    head = symbol.split("/")[0]
    return head.split("-")[0].strip()[:16]


def decision_payload(decision: Decision) -> dict[str, Any]:
    """What the ledger keeps of a decision."""
    return {
        "decision": {
            "id": decision.pk,
            "kind": decision.kind,
            "symbol": decision.symbol,
            "numbered_from_register": decision.register_entry_id is not None,
            "document": decision.document_id,
            "decided_on": decision.decided_on,
            "unit": decision.unit.name,
            "signer": decision.signer.full_name if decision.signer else "",
            "content": decision.content,
            "reasons": decision.reasons,
            "override": decision.override,
        }
    }
