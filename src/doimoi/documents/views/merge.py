"""Merging the same document stored twice: the page that says what will happen, then does it."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from doimoi.core.views import require_rule
from doimoi.documents.forms import MergeForm
from doimoi.documents.models import Document
from doimoi.documents.services import document_merge, merge_plan
from doimoi.documents.services.merge import default_reason
from doimoi.documents.views.common import run_form


def _changeable(request: HttpRequest, pk: int) -> Document:
    """A document the user may change, unmerged (another unit's, or a hidden one: 404)."""
    qs = Document.objects.restrict(request.user, "change").filter(merged_into=None)
    return get_object_or_404(qs.select_related("unit", "issuer_unit"), pk=pk)


def _pair(request: HttpRequest, pk: int, into: int, **_: Any) -> Document:
    _changeable(request, into)
    return _changeable(request, pk)


@require_rule("documents.change_document", _pair)
def document_merge_page(request: HttpRequest, pk: int, into: int) -> HttpResponse:
    """Show what merging ``pk`` into ``into`` does; on confirmation, do it."""
    document, kept = _changeable(request, pk), _changeable(request, into)
    form = MergeForm(request.POST or None, initial={"reason": default_reason(document, kept)})
    if request.method == "POST" and run_form(
        form,
        lambda data: document_merge(
            actor=request.user, document=document, into=kept, reason=data["reason"]
        ),
    ):
        messages.success(
            request,
            _("Đã gộp: %(ref)s nay là một văn bản với các bản lưu của cả hai.") % {"ref": kept},
        )
        return redirect("documents:document_detail", pk=kept.pk)
    context = {
        "document": document,
        "kept": kept,
        "plan": merge_plan(document, kept),
        "form": form,
    }
    status = 400 if form.is_bound else 200
    return render(request, "documents/document_merge.html", context, status=status)
