"""Committee terms and clearances: the data that numbering and classified access depend on."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from doimoi.core.errors import ApplicationError
from doimoi.documents import events
from doimoi.documents.models import Clearance, CommitteeTerm, Confidentiality
from doimoi.documents.services.common import clean, require
from doimoi.ledger import services as ledger


@transaction.atomic
def term_save(*, actor: Any, term: CommitteeTerm) -> CommitteeTerm:
    """Create or change a committee term; terms of one committee may not overlap."""
    require(actor, "organizations.change_unit", term.unit)
    term.name = clean(term.name)
    if term.end and term.end < term.start:
        raise ApplicationError({"end": _("Ngày kết thúc không được trước ngày bắt đầu.")})
    others = CommitteeTerm.objects.filter(unit=term.unit).exclude(pk=term.pk)
    overlap = others.filter(Q(end__isnull=True) | Q(end__gte=term.start))
    if term.end:
        overlap = overlap.filter(start__lte=term.end)
    clash = overlap.first()
    if clash is not None:
        raise ApplicationError(
            {
                "start": _("Trùng thời gian với nhiệm kỳ %(name)s (từ %(date)s).")
                % {"name": clash.name, "date": date_format(clash.start, "d/m/Y")}
            }
        )
    term.save()
    payload = {"name": term.name, "start": term.start, "end": term.end}
    ledger.append(
        action=events.TERM_SAVED, subject=term, actor=actor, unit=term.unit, payload=payload
    )
    return term


@transaction.atomic
def clearance_save(*, actor: Any, clearance: Clearance) -> Clearance:
    """Grant (or change) a user's clearance for classified documents in a unit's subtree."""
    require(actor, "organizations.change_unit", clearance.unit)
    if clearance.level not in Confidentiality.values or clearance.level == 0:
        raise ApplicationError({"level": _("Mức được xem phải là Mật, Tối mật hoặc Tuyệt mật.")})
    clearance.basis = clean(clearance.basis)
    clearance.save()
    payload = {
        "user": clearance.user_id,
        "level": clearance.level,
        "valid_from": clearance.valid_from,
        "valid_to": clearance.valid_to,
        "basis": clearance.basis,
    }
    ledger.append(
        action=events.CLEARANCE_GRANTED,
        subject=clearance,
        actor=actor,
        unit=clearance.unit,
        payload=payload,
    )
    return clearance
