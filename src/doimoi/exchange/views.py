"""Exchange pages: a document's packets and statuses (a section of its page), sending it as
edXML, telling its sender how a received document stands, a unit's agency codes."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from doimoi.core.views import require_rule
from doimoi.documents import selectors as documents
from doimoi.documents.models import Document
from doimoi.documents.views.common import document as get_document
from doimoi.documents.views.common import run_form
from doimoi.exchange import selectors
from doimoi.exchange.forms import AgencyForm, ExportForm, StatusForm, sent_documents
from doimoi.exchange.models import Direction, ExchangeRecord, Packet
from doimoi.exchange.services import agency_save, document_export, status_send
from doimoi.exchange.services.exports import packet_bytes
from doimoi.organizations.models import Unit


def _visible(request: HttpRequest, pk: int) -> Document:
    try:
        return documents.document_get(viewer=request.user, pk=pk)
    except Document.DoesNotExist as error:
        raise Http404 from error


def _export_form(request: HttpRequest, document: Document, data: Any = None) -> ExportForm | None:
    issuer = document.issuer_unit
    if (
        issuer is None
        or document.confidentiality
        or not request.user.has_perm("documents.ingest_document", issuer)
    ):
        return None
    units = selectors.coded_units().exclude(pk=issuer.pk).order_by("path")
    return ExportForm(data, units=units, sent=sent_documents(issuer).exclude(pk=document.pk))


def document_panel(request: HttpRequest, document: Document) -> str:
    """The exchange section of a document's page."""
    if document.is_placeholder:
        return ""
    context: dict[str, Any] = selectors.panel(document, request.user)
    context |= {
        "document": document,
        "export_form": _export_form(request, document),
        "status_form": StatusForm(),
        "classified": document.confidentiality > 0,
    }
    for row in context["records"]:
        row["can_act"] = row["record"].direction == Direction.INCOMING and request.user.has_perm(
            "documents.ingest_document", row["record"].unit
        )
    return render_to_string("exchange/_document_panel.html", context, request=request)


@require_rule("documents.view_document", get_document)
def document_send(request: HttpRequest, pk: int) -> HttpResponse:
    """Write the document as an edXML packet (to the outbox when a transport is set)."""
    document = _visible(request, pk)
    form = _export_form(request, document, request.POST or None)
    if form is None:
        raise Http404
    if request.method == "POST":
        packet = run_form(
            form,
            lambda d: document_export(
                actor=request.user,
                document=document,
                recipients=list(d["recipients"]),
                business=d["business"],
                reason=d["reason"],
                replaces=d["replaces"],
            ),
        )
        if packet:
            messages.success(request, _("Đã tạo gói tin %(name)s.") % {"name": packet.name})
            return redirect("documents:document_detail", pk=document.pk)
    return render(
        request,
        "exchange/document_send.html",
        {"document": document, "form": form},
        status=400 if form.errors else 200,
    )


@require_rule("documents.view_document", get_document)
def document_status(request: HttpRequest, pk: int, record_pk: int) -> HttpResponse:
    """Tell the sender of a received document how its handling stands."""
    document = _visible(request, pk)
    record = get_object_or_404(
        ExchangeRecord.objects.restrict(request.user),
        pk=record_pk,
        document=document,
        direction=Direction.INCOMING,
    )
    form = StatusForm(request.POST or None)
    if request.method == "POST" and run_form(
        form,
        lambda d: status_send(
            actor=request.user, record=record, code=d["code"], description=d["description"]
        ),
    ):
        messages.success(request, _("Đã gửi trạng thái cho nơi gửi."))
        return redirect("documents:document_detail", pk=document.pk)
    return render(
        request,
        "exchange/document_status.html",
        {"document": document, "record": record, "form": form},
        status=400 if form.errors else 200,
    )


@require_rule("documents.view_document", get_document)
def packet_file(request: HttpRequest, pk: int, packet_pk: int) -> FileResponse:
    """A packet of this document, byte for byte."""
    _visible(request, pk)
    packet = get_object_or_404(
        Packet.objects.restrict(request.user), pk=packet_pk, record__document_id=pk
    )
    return FileResponse(
        iter([packet_bytes(packet)]),
        as_attachment=True,
        filename=packet.name,
        content_type="application/xml",
    )


def _unit(request: HttpRequest, pk: int, **_: Any) -> Unit:
    return get_object_or_404(Unit, pk=pk)


@require_rule("organizations.change_unit", _unit)
def unit_agency(request: HttpRequest, pk: int) -> HttpResponse:
    """Edit a unit's agency codes."""
    unit = get_object_or_404(Unit, pk=pk)
    agency = getattr(unit, "agency", None)
    initial = (
        {f: getattr(agency, f) for f in ("code_102", "code_qd20", "parent_code")} if agency else {}
    )
    form = AgencyForm(request.POST or None, initial=initial)
    if request.method == "POST" and run_form(
        form, lambda d: agency_save(actor=request.user, unit=unit, **d)
    ):
        messages.success(request, _("Đã lưu mã định danh của %(unit)s.") % {"unit": unit.name})
        return redirect("organizations:unit_detail", pk=unit.pk)
    return render(
        request,
        "exchange/unit_agency.html",
        {"unit": unit, "form": form},
        status=400 if form.errors else 200,
    )


def assignment_panel(request: HttpRequest, assignment: Any) -> str:
    """On a recipient's assignment: what that recipient reported of its handling through the
    exchange (the caller's page already checked the viewer may see the assignment)."""
    statuses = selectors.statuses_for_unit(
        assignment.directive.document, assignment.unit, request.user
    )
    if not statuses:
        return ""
    context = {"statuses": statuses, "unit": assignment.unit}
    return render_to_string("exchange/_assignment_panel.html", context, request=request)


def unit_panel(request: HttpRequest, unit: Unit) -> str:
    """On a unit's page: its agency codes, and the link to change them."""
    context = {
        "unit": unit,
        "agency": getattr(unit, "agency", None),
        "can_change": request.user.has_perm("organizations.change_unit", unit),
    }
    return render_to_string("exchange/_unit_panel.html", context, request=request)
