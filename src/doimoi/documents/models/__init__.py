"""The documents app's data: documents and their copies, citations, registers, access, ingest jobs."""

from doimoi.documents.models.access import Clearance, CommitteeTerm
from doimoi.documents.models.documents import (
    Citation,
    Confidentiality,
    Document,
    DocumentCopy,
    DocumentKind,
    DocumentState,
    Relation,
    StoredFile,
    Urgency,
)
from doimoi.documents.models.ingest import IngestItem, IngestJob, ItemStatus, JobStatus
from doimoi.documents.models.registers import IncomingEntry, OutgoingEntry, RegisterCounter

__all__ = [
    "Citation",
    "Clearance",
    "CommitteeTerm",
    "Confidentiality",
    "Document",
    "DocumentCopy",
    "DocumentKind",
    "DocumentState",
    "IncomingEntry",
    "IngestItem",
    "IngestJob",
    "ItemStatus",
    "JobStatus",
    "OutgoingEntry",
    "RegisterCounter",
    "Relation",
    "StoredFile",
    "Urgency",
]
