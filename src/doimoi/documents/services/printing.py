"""The PDF of a composed document stored with its Word file only (a decision, an urging letter,
numbered inside their own action's transaction): printed by a background task after the commit,
since LibreOffice takes seconds, and kept as another copy held by the same unit."""

from __future__ import annotations

import logging

from django.db import transaction

from doimoi.compose.convert import ConversionError, docx_to_pdf
from doimoi.documents.models import DocumentCopy
from doimoi.documents.services import store as file_store
from doimoi.documents.services.documents import attach_file

log = logging.getLogger(__name__)


def pdf_name(docx_name: str) -> str:
    return docx_name.rsplit(".", 1)[0] + ".pdf"


def printed_pdf_add(copy_id: int) -> str:
    """Print the Word copy ``copy_id`` as PDF beside it: 'done', 'skipped' (gone, or printed
    already) or 'failed' (LibreOffice missing or refusing; the Word file stays)."""
    copy = DocumentCopy.objects.select_related("document", "stored_file", "unit").filter(pk=copy_id)
    found = copy.first()
    if found is None or found.stored_file is None:
        return "skipped"
    name = pdf_name(found.stored_file.original_name)
    siblings = DocumentCopy.objects.filter(document=found.document, unit=found.unit)
    if siblings.filter(stored_file__original_name=name).exists():
        return "skipped"
    try:
        pdf = docx_to_pdf(file_store.read(found.stored_file))
    except ConversionError as error:
        log.warning("no PDF for %s: %s", found.stored_file.original_name, error)
        return "failed"
    with transaction.atomic():
        attach_file(found.document, name, pdf, found.unit, None)
    return "done"
