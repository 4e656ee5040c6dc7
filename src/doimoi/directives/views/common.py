"""Helpers of the directives pages: object getters for the rules, running a service from a form."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from doimoi.core.errors import ApplicationError
from doimoi.core.views import once_per_request
from doimoi.directives.forms.answers import apply_error
from doimoi.directives.models import Assignment, CascadeStamp, Directive, Report, UrgingDispatch
from doimoi.documents.selectors import documents_with_access, unshown
from doimoi.organizations.models import Unit


@once_per_request
def directive_of(request: HttpRequest, pk: int, **_kwargs: Any) -> Directive:
    """The directive, with its cascade stamps' tokens (``cascade_token``, ``timeline_token``)
    read in the same statement, before anything its page counts."""
    stamp = CascadeStamp.objects.filter(directive_id=OuterRef("pk"))
    qs = Directive.objects.restrict(request.user).select_related("document", "issuer")
    qs = qs.defer(*unshown("document"))  # the page names the document, it never shows its text
    tokens = {
        "cascade_token": Subquery(stamp.values("token")[:1]),
        "timeline_token": Subquery(stamp.values("timeline_token")[:1]),
    }
    return get_object_or_404(qs.annotate(**tokens), pk=pk)


@once_per_request
def assignment_of(request: HttpRequest, pk: int, **_kwargs: Any) -> Assignment:
    related = ("directive", "unit", "sender", "distribution__document")
    return get_object_or_404(
        Assignment.objects.restrict(request.user).select_related(*related), pk=pk
    )


@once_per_request
def assignment_page_of(request: HttpRequest, pk: int, **_kwargs: Any) -> Assignment:
    """The assignment with every document its page names (the directive's, the one received,
    the unit's plan and forwarding dispatch), without their texts and each with ``open`` (the
    viewer may open it), read in one statement after the assignment's: joined to it, they cost
    PostgreSQL's planner more than the whole read (a join of ten tables)."""
    related = ("directive", "distribution", "unit", "sender")
    a = get_object_or_404(Assignment.objects.restrict(request.user).select_related(*related), pk=pk)
    named = {
        "plan_document": a.plan_document_id,
        "forward_document": a.forward_document_id,
    }
    ids = {a.directive.document_id, a.distribution.document_id, *named.values()} - {None}
    read = documents_with_access(viewer=request.user, ids=ids)  # type: ignore[arg-type]
    a.directive.document = read[a.directive.document_id]
    a.distribution.document = read[a.distribution.document_id]
    for field, document in named.items():
        if document is not None:
            setattr(a, field, read[document])
    return a


def report_assignment_of(request: HttpRequest, pk: int, **_kwargs: Any) -> Assignment:
    report = get_object_or_404(
        Report.objects.restrict(request.user).select_related("assignment"), pk=pk
    )
    return report.assignment


def urging_directive_of(request: HttpRequest, pk: int, **_kwargs: Any) -> Directive:
    urging = get_object_or_404(UrgingDispatch.objects.select_related("directive"), pk=pk)
    return get_object_or_404(Directive.objects.restrict(request.user), pk=urging.directive_id)


def unit_of(request: HttpRequest, pk: int, **_kwargs: Any) -> Unit:
    return get_object_or_404(Unit, pk=pk)


def run(request: HttpRequest, form: forms.Form, action: Callable[[], Any], success: str) -> Any:
    """Validate ``form`` and call the service; put a refusal back on the field at fault."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        with transaction.atomic():  # a pasted document and the answer it makes land together
            result = action()
    except ApplicationError as error:
        apply_error(form, error)
        return None
    messages.success(request, success)
    return result


def status(request: HttpRequest) -> int:
    """400 for a form sent back with errors, so scripts and tests see the refusal."""
    return 400 if request.method == "POST" else 200
