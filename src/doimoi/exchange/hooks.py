"""Where the exchange follows the rest of doimoi: .edxml files in every ingest path, and the
actions on a received document that its sender is told about (QĐ 28/2018 status messages)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from doimoi.core import panels
from doimoi.documents.services import packets
from doimoi.exchange import edxml
from doimoi.exchange.selectors import received_record
from doimoi.exchange.services.exports import status_auto
from doimoi.exchange.services.imports import packet_import
from doimoi.ledger.registry import follow


def _registered(event: Any, entry: Any) -> None:
    record = received_record(entry.document, entry.unit)
    status_auto(record, "03", _("Đã vào sổ văn bản đến, số đến %(seq)s.") % {"seq": entry.seq})


def _assigned(event: Any, entry: Any) -> None:
    if (
        entry.handler is None
        or (event.payload.get("before") or {}).get("handler") == entry.handler_id
    ):
        return
    record = received_record(entry.document, entry.unit)
    status_auto(record, "04", _("Đã phân công %(name)s xử lý.") % {"name": entry.handler.full_name})


def _assignment_moved(assignment: Any) -> None:
    record = received_record(assignment.directive.document, assignment.unit)
    if assignment.state == "done":
        status_auto(record, "06", _("Đã hoàn thành xử lý."))
    else:
        status_auto(record, "05", _("Đang xử lý."))


def _acknowledged(event: Any, assignment: Any) -> None:
    _assignment_moved(assignment)


def _reported(event: Any, report: Any) -> None:
    _assignment_moved(report.assignment)


def install() -> None:
    from doimoi.exchange.views import assignment_panel, document_panel, unit_panel

    packets.register(packets.PacketReader(accepts=edxml.is_edxml, ingest=packet_import))
    panels.register("documents.document", document_panel)
    panels.register("directives.assignment", assignment_panel)
    panels.register("organizations.unit", unit_panel)
    follow("documents.incoming.registered", _registered)
    follow("documents.incoming.updated", _assigned)
    follow("directives.assignment.acknowledged", _acknowledged)
    follow("directives.report.submitted", _reported)
    follow("directives.report.accepted", _reported)
