"""Entering an archive upload in this year's incoming register, when the clerk asks for it."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doimoi.core.errors import ApplicationError
from doimoi.core.views import require_rule
from doimoi.documents.models import Document
from doimoi.documents.services import incoming_register_add
from doimoi.documents.views.common import document as get_document
from doimoi.organizations.models import Unit


def unregistered_units(user: Any, document: Document) -> list[Unit]:
    """Units holding a copy of ``document`` that ``user`` registers for, where it has no arrival
    yet (an archive upload, left out of this year's register): they may enter it now."""
    if document.is_placeholder or document.merged_into_id:
        return []
    held = Unit.objects.filter(document_copies__document=document).distinct().order_by("path")
    registered = set(document.arrivals.values_list("unit_id", flat=True))
    return [
        unit
        for unit in held
        if unit.pk not in registered
        and unit.pk != document.issuer_unit_id
        and user.has_perm("documents.ingest_document", unit)
    ]


@require_POST
@require_rule("documents.view_document", get_document)
def document_register(request: HttpRequest, pk: int) -> HttpResponse:
    """Enter the document in a unit's incoming register today (the unit posted as ``unit``)."""
    document = get_document(request, pk)
    wanted = request.POST.get("unit", "")
    choices = {u.pk: u for u in unregistered_units(request.user, document)}
    unit = choices.get(int(wanted)) if wanted.isdigit() else None
    if unit is None:  # not a unit of the user's that holds it unregistered
        raise Http404
    try:
        entry = incoming_register_add(actor=request.user, unit=unit, document=document)
    except ApplicationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Đã vào sổ văn bản đến của %(unit)s: số đến %(seq)s/%(year)s.")
            % {"unit": unit.name, "seq": entry.seq, "year": entry.year},
        )
    return redirect("documents:document_detail", pk=document.pk)
