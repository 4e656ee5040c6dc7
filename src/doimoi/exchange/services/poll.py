"""The exchange inbox: packets waiting in the transport are taken in for the unit they name."""

from __future__ import annotations

import logging
from typing import Any

from django.utils.translation import gettext as _

from doimoi.documents.models import ItemStatus
from doimoi.documents.services import cache
from doimoi.documents.services.ingest import FileResult
from doimoi.exchange import edxml, transport
from doimoi.exchange.models import Direction, ExchangeRecord
from doimoi.exchange.selectors import unit_by_code
from doimoi.exchange.services.imports import packet_import
from doimoi.organizations.models import Unit

log = logging.getLogger(__name__)


def addressee(data: bytes) -> Unit | None:
    """The unit here a packet is for: a document's first recipient with a code known here; a
    status's document's sender."""
    try:
        packet = edxml.read(data)
    except edxml.BadPacket:
        return None
    if isinstance(packet, edxml.StatusPacket):
        record = ExchangeRecord.objects.filter(
            edxml_id=packet.response_for.document_id, direction=Direction.OUTGOING
        ).first()
        return record.unit if record is not None else None
    for organ in packet.header.recipients:
        unit = unit_by_code(organ.organ_id)
        if unit is not None:
            return unit
    return None


def inbox_poll(*, via: Any = None) -> list[FileResult]:
    """Take in every packet waiting in the inbox (the configured transport unless ``via``);
    each is filed as done or failed, so the next poll does not see it again."""
    chosen = via or transport.configured()
    if chosen is None:
        return []
    results = []
    with cache.batch():
        for arrival in chosen.receive():
            results.append(_take(arrival))
    return results


def _take(arrival: transport.Arrival) -> FileResult:
    """Take one arrival in, then file it as done or failed."""
    unit = addressee(arrival.data)
    if unit is None:
        try:
            edxml.read(arrival.data)
            message = _("Không có đơn vị nhận nào ở đây mang mã định danh trong gói tin.")
        except edxml.BadPacket as error:
            message = error.message
        result = FileResult(arrival.name, ItemStatus.FAILED, message, len(arrival.data))
    else:
        result = packet_import(
            actor=None, unit=unit, name=arrival.name, data=arrival.data, source="exchange"
        )
    if not result.ok:
        log.warning("exchange inbox: %s refused: %s", arrival.name, result.message)
    arrival.done(result.ok)
    return result
