"""Every change to documents: permission, validation, write, ledger event, one transaction.

Other apps call these (keep the signatures stable):

- ``outgoing_register_take(*, actor, unit, type_code, kind, date) -> OutgoingEntry``
- ``outgoing_register_next(*, actor, unit, type_code, kind, date) -> str`` (the next symbol)
- ``document_create_from_text(*, actor, unit, text, confidentiality=None, outgoing=None) -> Document``
- ``citation_add(*, actor, source, target, relation) -> Citation``
- ``copies_deliver(*, actor, document, units, source) -> None``
"""

from doimoi.documents.services.documents import copies_deliver, document_create_from_text
from doimoi.documents.services.merge import document_merge, merge_plan
from doimoi.documents.services.registers import (
    NumberTaken,
    incoming_entry_cancel,
    incoming_entry_update,
    incoming_register_add,
    outgoing_issue,
    outgoing_register_next,
    outgoing_register_take,
    term_of,
)
from doimoi.documents.services.review import (
    citation_add,
    document_classify,
    document_confirm,
    document_confirm_issuer,
)

__all__ = [
    "NumberTaken",
    "citation_add",
    "copies_deliver",
    "document_classify",
    "document_confirm",
    "document_confirm_issuer",
    "document_create_from_text",
    "document_merge",
    "incoming_entry_cancel",
    "incoming_entry_update",
    "incoming_register_add",
    "merge_plan",
    "outgoing_issue",
    "outgoing_register_next",
    "outgoing_register_take",
    "term_of",
]
