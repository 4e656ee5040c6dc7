"""The directives section of a document's page: the directives made of it that the viewer sees,
and, for who may send directives, the way to make it one (an issued plan, a forwarded document:
ARCHITECTURE.md, "distributed if it is a directive")."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string

from doimoi.directives import selectors


def document_panel(request: HttpRequest, document: Any) -> str:
    """The directives made of ``document``, and a link to make one; "" when there is neither."""
    if document.is_placeholder:
        return ""
    made = list(selectors.directive_list(viewer=request.user).filter(document=document))
    may_start = request.user.has_perm("directives.start_directive")
    if not made and not may_start:
        return ""
    context = {"document": document, "directives": made, "may_start": may_start}
    return render_to_string("directives/_document_panel.html", context, request=request)
