"""Object getters the permission decorators use, and the form-to-service glue."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from django import forms
from django.db.models import Q
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from doimoi.core.errors import ApplicationError
from doimoi.documents.models import Document, IngestJob
from doimoi.organizations.models import Unit


def document(request: HttpRequest, pk: int, **_: Any) -> Document:
    """The document, if the user may see it (a hidden one answers 404 like a missing one)."""
    return get_object_or_404(Document.objects.restrict(request.user, "view"), pk=pk)


def job(request: HttpRequest, pk: int, **_: Any) -> IngestJob:
    return get_object_or_404(IngestJob.objects.restrict(request.user, "view"), pk=pk)


def current_unit(request: HttpRequest, choices: Any) -> Unit | None:
    """The unit named in ?unit=, else the unit chosen in the switcher, if among ``choices``;
    else the first of them working today (else the first)."""
    wanted = request.GET.get("unit") or request.POST.get("unit") or request.session.get("unit_id")
    if wanted and str(wanted).isdigit():
        found = choices.filter(pk=int(wanted)).first()
        if found is not None:
            return found
    today = datetime.date.today()  # by default, a unit working today before a closed one
    working = choices.filter(
        Q(valid_to__isnull=True) | Q(valid_to__gt=today), valid_from__lte=today
    )
    return working.first() or choices.first()


def run_form(form: forms.Form, action: Callable[[dict[str, Any]], Any]) -> Any:
    """Validate ``form`` and call the service; a refusal goes back onto the field at fault."""
    if not form.is_valid():
        return None
    try:
        return action(form.cleaned_data)
    except ApplicationError as error:
        for field, errs in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errs)
        return None
