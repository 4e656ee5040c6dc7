"""Issuing a composed document: the next number of the unit's outgoing register, the Word file
and its PDF, the document stored (parsed back, citations linked) with both files — one
transaction, one ledger event; a PDF that cannot be made stops the issue and takes no number."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from doimoi import compose
from doimoi.compose.convert import ConversionError, docx_to_pdf
from doimoi.compose.model import AUTHOR_MARK
from doimoi.core.errors import ApplicationError
from doimoi.documents import services as documents
from doimoi.documents.models import Document
from doimoi.ledger import services as ledger
from doimoi.organizations.models import Unit
from doimoi.reporting import events
from doimoi.reporting.kinds import TEMPLATES, Context, compose_from, type_code


@dataclass(frozen=True)
class Printed:
    """A composition in its three forms."""

    text: str
    docx: bytes
    pdf: bytes


def check(ctx: Context) -> None:
    """Refuse a composition with a required field empty or a placeholder left in it."""
    missing = [
        (name, label)
        for name, label in (
            ("title", _("Trích yếu")),
            ("place", _("Địa danh")),
            ("signer_title", _("Chức vụ người ký")),
            ("signer_name", _("Họ tên người ký")),
        )
        if not str(getattr(ctx, name)).strip()
    ]
    if missing:
        raise ApplicationError(
            {name: _("Ghi %(field)s.") % {"field": label} for name, label in missing}
        )
    if "«" in ctx.title or "«" in ctx.body:
        raise ApplicationError(
            {
                "body": _(
                    "Còn chỗ «…» chưa điền trong trích yếu hoặc nội dung: điền trước khi ban hành."
                )
            }
        )
    if AUTHOR_MARK in ctx.body:
        raise ApplicationError(
            {
                "body": _(
                    "Còn đoạn đánh dấu %(mark)s: viết nhận định rồi xóa dấu trước khi ban hành."
                )
                % {"mark": AUTHOR_MARK}
            }
        )


def print_forms(c: compose.Composition) -> Printed:
    """Text, DOCX and PDF of ``c``; a refusal names what failed."""
    docx = compose.render_docx(c)
    try:
        pdf = docx_to_pdf(docx)
    except ConversionError as error:
        raise ApplicationError(
            {"__all__": _("Không tạo được bản PDF (LibreOffice): chưa ban hành, chưa lấy số.")}
        ) from error
    return Printed(compose.plain_text(c), docx, pdf)


def file_stem(reference: str, template_key: str) -> str:
    return f"{template_key}-{reference.replace('/', '-')}"


NumberTaken = documents.NumberTaken  # the issue's own name for the register's refusal


def issue_print(
    *, actor: Any, unit: Unit, template_key: str, ctx: Context, day: datetime.date
) -> Printed:
    """Print ``ctx`` with the number the unit's register gives next, holding no lock and no
    transaction while LibreOffice runs (seconds: on SQLite a transaction would block every
    other writer meanwhile)."""
    template = TEMPLATES[template_key]
    check(ctx)
    ctx.reference = documents.outgoing_register_next(
        actor=actor, unit=unit, type_code=type_code(template, ctx.kind), kind=ctx.kind, date=day
    )
    ctx.day = day
    return print_forms(compose_from(template, ctx))


@transaction.atomic
def issue_store(
    *,
    actor: Any,
    unit: Unit,
    template_key: str,
    ctx: Context,
    day: datetime.date,
    printed: Printed,
    then: Callable[[Document], None] | None = None,
) -> Document:
    """Take the number printed ahead and store the document with its files, in one transaction
    (with ``then``, the caller's own row: an issue job marked done); NumberTaken if another
    issue took that number first."""
    template = TEMPLATES[template_key]
    entry = documents.outgoing_register_take(
        actor=actor,
        unit=unit,
        type_code=type_code(template, ctx.kind),
        kind=ctx.kind,
        date=day,
        title=ctx.title,
        printed_as=ctx.reference,
    )
    stem = file_stem(entry.symbol, template_key)
    document = documents.document_create_from_text(
        actor=actor,
        unit=unit,
        text=printed.text,
        outgoing=entry,
        files=[(f"{stem}.docx", printed.docx), (f"{stem}.pdf", printed.pdf)],
    )
    payload = {"template": template_key, "reference": entry.symbol, "document": document.pk}
    ledger.append(
        action=events.DOCUMENT_ISSUED, subject=document, actor=actor, unit=unit, payload=payload
    )
    if then is not None:
        then(document)
    return document


def document_issue(
    *,
    actor: Any,
    unit: Unit,
    template_key: str,
    ctx: Context,
    day: datetime.date,
    then: Callable[[Document], None] | None = None,
) -> Document:
    """Issue the document of ``template_key`` that ``unit`` composed, numbered today: printed
    with the next number, then that number taken and the document stored in one short
    transaction; printed again if another issue took the number meanwhile."""
    return documents.outgoing_issue(
        lambda: issue_print(actor=actor, unit=unit, template_key=template_key, ctx=ctx, day=day),
        lambda printed: issue_store(
            actor=actor,
            unit=unit,
            template_key=template_key,
            ctx=ctx,
            day=day,
            printed=printed,
            then=then,
        ),
    )
