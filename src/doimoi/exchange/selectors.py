"""Reads of the exchange app: codes of units, the exchange records of a document a viewer sees."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from doimoi.documents.models import Document
from doimoi.exchange.models import AgencyCode, Direction, ExchangeRecord, Packet, RemoteStatus
from doimoi.organizations.models import Unit


def unit_by_code(code: str) -> Unit | None:
    """The unit whose QCVN 102 or QĐ 20 code this is."""
    code = (code or "").strip()
    if not code:
        return None
    agency = (
        AgencyCode.objects.select_related("unit")
        .filter(Q(code_102=code) | Q(code_qd20=code))
        .first()
    )
    return agency.unit if agency is not None else None


def code_of(unit: Unit | None) -> str:
    """The code ``unit`` writes in packets, or "" when it has none."""
    if unit is None:
        return ""
    agency = AgencyCode.objects.filter(unit=unit).first()
    return agency.code if agency is not None else ""


def coded_units() -> QuerySet[Unit]:
    """Units that can be named as recipients (they have a code)."""
    return Unit.objects.filter(agency__isnull=False).exclude(
        agency__code_102="", agency__code_qd20=""
    )


def records_of(document: Document, viewer: Any) -> QuerySet[ExchangeRecord]:
    """The document's exchange records that ``viewer`` may see."""
    return ExchangeRecord.objects.restrict(viewer).filter(document=document).select_related("unit")


def received_record(document: Document, unit: Unit | None = None) -> ExchangeRecord | None:
    """The record of ``document`` received by ``unit`` (or by any unit when it is not given)."""
    qs = ExchangeRecord.objects.filter(document=document, direction=Direction.INCOMING)
    if unit is not None and qs.filter(unit=unit).exists():
        qs = qs.filter(unit=unit)
    return qs.order_by("pk").first()


def latest_statuses(record: ExchangeRecord) -> list[RemoteStatus]:
    """Each recipient's latest reported status, newest first."""
    seen: dict[str, RemoteStatus] = {}
    for status in record.statuses.all():
        seen.setdefault(status.agency_code, status)
    return list(seen.values())


def statuses_for_unit(document: Document, unit: Unit, viewer: Any) -> list[RemoteStatus]:
    """What ``unit`` (a recipient) reported about ``document``, newest first, as ``viewer``
    may see it."""
    return list(
        RemoteStatus.objects.restrict(viewer)
        .filter(record__document=document, unit=unit)
        .order_by("-at", "-pk")
    )


def sent_statuses(record: ExchangeRecord) -> QuerySet[Packet]:
    return record.packets.filter(direction=Direction.OUTGOING, kind="status")


def panel(document: Document, viewer: Any) -> dict[str, Any]:
    """What the document's page shows of the exchange."""
    records = list(records_of(document, viewer))
    return {
        "records": [
            {
                "record": r,
                "statuses": latest_statuses(r) if r.direction == Direction.OUTGOING else [],
                "sent": list(sent_statuses(r)) if r.direction == Direction.INCOMING else [],
                "packets": list(r.packets.all()[:20]),
            }
            for r in records
        ],
    }
