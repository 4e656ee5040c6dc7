"""Services of the exchange app (each owns its transaction and writes its ledger event).

- ``agency_save(*, actor, unit, code_102, code_qd20, parent_code)``, ``agencies_import_xlsx``
- ``packet_import(*, actor, unit, name, data, source)`` → ``FileResult`` (documents and statuses)
- ``document_export(*, actor, document, business, ...)`` → ``Packet``
- ``status_send(*, actor, record, code, description)`` → ``Packet``
- ``inbox_poll(*, transport=None)`` → results
"""

from doimoi.exchange.services.agencies import agencies_import_xlsx, agency_save, validate_code
from doimoi.exchange.services.exports import document_export, status_send
from doimoi.exchange.services.imports import packet_import
from doimoi.exchange.services.poll import inbox_poll

__all__ = [
    "agencies_import_xlsx",
    "agency_save",
    "document_export",
    "inbox_poll",
    "packet_import",
    "status_send",
    "validate_code",
]
