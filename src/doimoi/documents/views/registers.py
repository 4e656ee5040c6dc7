"""The incoming and outgoing registers of a unit."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doimoi.core.views import require_rule
from doimoi.documents import selectors
from doimoi.documents.forms import CancelForm, IncomingForm, OutgoingForm
from doimoi.documents.models import IncomingEntry
from doimoi.documents.services import (
    incoming_entry_cancel,
    incoming_entry_update,
    outgoing_register_take,
)
from doimoi.documents.views.common import current_unit, run_form
from doimoi.organizations.models import Unit


def _year(request: HttpRequest) -> int:
    value = request.GET.get("year", "")
    return (
        int(value) if value.isdigit() and 1945 <= int(value) <= 2100 else datetime.date.today().year
    )


def _unit(request: HttpRequest) -> Unit:
    unit = current_unit(request, selectors.register_units(viewer=request.user))
    if unit is None:
        raise PermissionDenied(_("Bạn không giữ vai trò nào trong đơn vị để xem sổ văn bản."))
    return unit


def _unit_for_rule(request: HttpRequest, **_: Any) -> Unit | None:
    return current_unit(request, selectors.register_units(viewer=request.user))


def _context(request: HttpRequest, unit: Unit, year: int) -> dict[str, Any]:
    return {
        "unit": unit,
        "year": year,
        "years": range(datetime.date.today().year, 2009, -1),
        "units": selectors.register_units(viewer=request.user)[:500],
    }


@require_rule("documents.view_register", _unit_for_rule)
def incoming_register(request: HttpRequest) -> HttpResponse:
    """Sổ văn bản đến: arrival number in the year, date received, handler."""
    unit, year = _unit(request), _year(request)
    context = _context(request, unit, year) | {
        "entries": selectors.incoming_register(viewer=request.user, unit=unit, year=year),
        "can_edit": request.user.has_perm("documents.ingest_document", unit),
    }
    return render(request, "documents/incoming_register.html", context)


def _entry(request: HttpRequest, pk: int) -> Unit:
    return get_object_or_404(IncomingEntry.objects.restrict(request.user), pk=pk).unit


@require_rule("documents.ingest_document", _entry)
def incoming_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Correct the date received and the handler of one arrival."""
    entry = get_object_or_404(
        IncomingEntry.objects.restrict(request.user).select_related("document", "unit"), pk=pk
    )
    initial = {"received_on": entry.received_on, "handler": entry.handler}
    form = IncomingForm(request.POST or None, initial=initial, unit=entry.unit)
    if request.method == "POST" and run_form(
        form,
        lambda data: incoming_entry_update(actor=request.user, entry=entry, **data),
    ):
        messages.success(request, _("Đã lưu thông tin văn bản đến."))
        url = reverse("documents:incoming_register")
        return redirect(f"{url}?unit={entry.unit_id}&year={entry.year}")
    context = {"entry": entry, "form": form, "cancel_form": CancelForm()}
    return render(request, "documents/incoming_edit.html", context)


@require_rule("documents.ingest_document", _entry)
@require_POST
def incoming_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    """Cancel a wrong arrival: it stays in the register, marked cancelled, with the reason."""
    entry = get_object_or_404(IncomingEntry.objects.select_related("document", "unit"), pk=pk)
    form = CancelForm(request.POST)
    if run_form(form, lambda data: incoming_entry_cancel(actor=request.user, entry=entry, **data)):
        messages.success(
            request, _("Đã hủy số đến %(seq)s/%(year)s.") % {"seq": entry.seq, "year": entry.year}
        )
        url = reverse("documents:incoming_register")
        return redirect(f"{url}?unit={entry.unit_id}&year={entry.year}")
    initial = {"received_on": entry.received_on, "handler": entry.handler}
    context = {
        "entry": entry,
        "form": IncomingForm(initial=initial, unit=entry.unit),
        "cancel_form": form,
    }
    return render(request, "documents/incoming_edit.html", context, status=400)


@require_rule("documents.view_register", _unit_for_rule)
def outgoing_register(request: HttpRequest) -> HttpResponse:
    """Sổ văn bản đi: the numbers taken, and a form to take the next one."""
    unit, year = _unit(request), _year(request)
    can_take = request.user.has_perm("documents.take_outgoing_number", unit)
    form = OutgoingForm(request.POST or None, initial={"date": datetime.date.today()})
    if request.method == "POST" and can_take:
        entry = run_form(
            form, lambda data: outgoing_register_take(actor=request.user, unit=unit, **data)
        )
        if entry:
            messages.success(request, _("Đã lấy số %(symbol)s.") % {"symbol": entry.symbol})
            return redirect(f"{request.path}?unit={unit.pk}&year={entry.date.year}")
    context = _context(request, unit, year) | {
        "entries": selectors.outgoing_register(viewer=request.user, unit=unit, year=year),
        "form": form if can_take else None,
    }
    return render(
        request, "documents/outgoing_register.html", context, status=400 if form.errors else 200
    )
