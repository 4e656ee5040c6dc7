"""The list with search, a document's page with its graph, its review, its original file."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib import messages
from django.core.paginator import Page, Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doimoi.core import panels
from doimoi.core.views import HtmxHttpRequest, link_parts, require_rule
from doimoi.documents import graph, selectors
from doimoi.documents.extract.ocr import MAX_PAGES, page_preview
from doimoi.documents.forms import IssuerUnitForm, ReviewForm, SearchForm
from doimoi.documents.models import Document, DocumentCopy
from doimoi.documents.parser_warnings import warning_texts
from doimoi.documents.services import document_confirm, document_confirm_issuer
from doimoi.documents.services import store as file_store
from doimoi.documents.services.common import code_from_symbol
from doimoi.documents.services.issuers import candidates
from doimoi.documents.views.arrivals import unregistered_units
from doimoi.documents.views.common import document as get_document
from doimoi.documents.views.common import run_form
from doimoi.documents.views.hits import hit_rows
from doimoi.organizations import services as org_services

LOW_CONFIDENCE = 0.8
# Fields every document has: a missing one is worth a look. Marks and the parent body often are absent.
EXPECTED = frozenset(
    {
        "number",
        "symbol",
        "type_name",
        "issuer_name",
        "date",
        "title",
        "signing_authority",
        "signer_title",
        "signer_name",
    }
)
PARSED_NAMES = {
    "type_name": "type",
    "issuer_name": "issuer",
    "parent_issuer_name": "parent_issuer",
}


def _visible(request: HttpRequest, pk: int) -> Document:
    try:
        return selectors.document_get(viewer=request.user, pk=pk)
    except Document.DoesNotExist as error:
        raise Http404 from error


def _search_input(form: SearchForm) -> tuple[str, dict[str, Any]]:
    """The query and the filters chosen (none when the form is empty or wrong)."""
    if not form.is_valid():
        return "", {}
    data = form.cleaned_data
    filters = {k: data[k] for k in ("type_code", "kind", "year", "unit", "issuer") if data[k]}
    if data["confidentiality"] is not None:
        filters["confidentiality"] = data["confidentiality"]
    return data["q"], filters


def _typing(request: HtmxHttpRequest) -> bool:
    """The results refresh while the user types (the type-ahead box): the last word is read as a
    prefix. A search sent (the button, Enter, a link) matches whole words."""
    return bool(request.htmx) and request.headers.get("X-Doimoi-Typing") == "1"


class Counted(Paginator):
    """A paginator told its count (``selectors.document_count``); no rows are read, nor their
    queryset built, for a list that has none (the empty queryset's statement was still built and
    compiled)."""

    def __init__(self, rows: Any, per_page: int, *, count: int) -> None:
        super().__init__(rows.defer(*selectors.UNSHOWN) if count else [], per_page)
        self.__dict__["count"] = count  # Paginator.count is a cached property

    def page(self, number: Any) -> Any:
        if self.count == 0:
            return Page([], self.validate_number(number), self)
        return super().page(number)


@require_rule("documents.view_documents")
def document_list(request: HtmxHttpRequest) -> HttpResponse:
    """All documents the user may see, or those matching the search, with filters."""
    codes = selectors.type_codes(viewer=request.user)
    form = SearchForm(request.GET or None, viewer=request.user, type_codes=codes)
    query, filters = _search_input(form)
    page = request.GET.get("page", "")
    page_no = int(page) if page.isdigit() and int(page) > 0 else 1
    keep = request.GET.copy()
    keep.pop("page", None)
    context: dict[str, Any] = {
        "form": form,
        "query": query,
        "keep": keep.urlencode(),
        "page_no": page_no,
        "filtering": bool(filters),
    }
    if query:
        context["search"] = selectors.document_search(
            viewer=request.user,
            query=query,
            limit=20,
            offset=(page_no - 1) * 20,
            prefix=_typing(request),
            **filters,
        )
    else:
        count = selectors.document_count(viewer=request.user, **filters)
        rows = selectors.document_list(viewer=request.user, **filters) if count else None
        context["page"] = Counted(rows, 25, count=count).get_page(page_no)
    context["can_ingest"] = request.user.has_perm("documents.ingest_any")
    context["detail_head"], context["detail_tail"] = link_parts("documents:document_detail")
    if query:
        parts = context["detail_head"], context["detail_tail"]
        context["hit_rows"] = hit_rows(context["search"].hits, *parts)
    template = "documents/document_list.html"
    if request.htmx and not request.htmx.boosted:
        template += "#results"
    return render(request, template, context)


@require_rule("documents.view_document", get_document)
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A document: its metadata, what it answers to and what answered it, its copies."""
    document = _visible(request, pk)
    if document.merged_into_id is not None:
        return _to_kept(request, document)
    picture = graph.document_graph(viewer=request.user, document=document)
    context = {
        "document": document,
        "svg": graph.render_svg(picture, _("Quan hệ trích dẫn của %(ref)s") % {"ref": document}),
        "outline": graph.outline(picture, document.pk),
        "copies": document.copies.restrict(request.user).select_related("unit", "stored_file"),
        "arrivals": document.arrivals.restrict(request.user).select_related("unit", "handler"),
        "can_review": request.user.has_perm("documents.change_document", document),
        "panels": panels.render("documents.document", request, document),
        "can_confirm_issuer": request.user.has_perm("documents.confirm_issuer", document),
        "namesakes": selectors.document_namesakes(viewer=request.user, document=document),
        "unregistered": unregistered_units(request.user, document),
    }
    return render(request, "documents/document_detail.html", context)


def _to_kept(request: HttpRequest, document: Document) -> HttpResponse:
    """A merged duplicate's page leads to the document it was merged into."""
    messages.info(
        request,
        _("Văn bản #%(n)s đã được gộp vào %(ref)s (cùng một văn bản).")
        % {"n": document.pk, "ref": document.merged_into},
    )
    return redirect("documents:document_detail", pk=document.merged_into_id)


@require_POST
@require_rule("documents.confirm_issuer", get_document)
def document_issuer_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    """The issuer's clerk confirms that a copy another unit uploaded is the issuer's document."""
    document_confirm_issuer(actor=request.user, document=_visible(request, pk))
    messages.success(request, _("Đã xác nhận văn bản là của đơn vị ban hành."))
    return redirect("documents:document_detail", pk=pk)


@require_rule("documents.view_document", get_document)
def document_file(request: HttpRequest, pk: int, copy_pk: int) -> FileResponse:
    """The original file of a copy, byte for byte."""
    copy = get_object_or_404(
        DocumentCopy.objects.restrict(request.user),
        pk=copy_pk,
        document_id=pk,
        stored_file__isnull=False,
    )
    stored = copy.stored_file
    assert stored is not None
    data = file_store.read(stored)
    return FileResponse(
        iter([data]),
        as_attachment=True,
        filename=stored.original_name,
        content_type=stored.content_type or "application/octet-stream",
    )


@require_rule("documents.view_document", get_document)
def document_page(request: HttpRequest, pk: int, copy_pk: int) -> HttpResponse:
    """Page ``?trang=N`` of a copy's file as an image, shown beside the text read from it."""
    copy = get_object_or_404(
        DocumentCopy.objects.restrict(request.user),
        pk=copy_pk,
        document_id=pk,
        stored_file__isnull=False,
    )
    stored = copy.stored_file
    assert stored is not None
    number = request.GET.get("trang", "1")
    page = int(number) if number.isdigit() and 0 < int(number) <= MAX_PAGES else 1
    image = page_preview(file_store.read(stored), stored.content_type or "", page)
    if image is None:
        raise Http404
    return HttpResponse(image, content_type="image/png")


def _page_image(document: Document, viewer: Any) -> DocumentCopy | None:
    """The viewer's copy whose file can be shown as page images (a scan, or a PDF), if any."""
    for copy in document.copies.restrict(viewer).select_related("stored_file").order_by("pk"):
        kind = copy.stored_file.content_type if copy.stored_file else ""
        if kind.startswith("image/") or kind == "application/pdf":
            return copy
    return None


def _initial(document: Document) -> dict[str, Any]:
    names = list(ReviewForm.base_fields)
    return {name: getattr(document, name) for name in names}


def _low(document: Document) -> set[str]:
    confidence = (document.parsed or {}).get("confidence") or {}
    low = set()
    for name in ReviewForm.base_fields:
        key = PARSED_NAMES.get(name, name)
        present = getattr(document, name) not in (None, "", 0)
        if key in confidence and confidence[key] < LOW_CONFIDENCE and (present or name in EXPECTED):
            low.add(name)
    return low


def _issuer_candidates(document: Document) -> list[Any]:
    code = code_from_symbol(document.kind, document.symbol, document.type_code)
    return candidates(
        name=document.issuer_name,
        code=code,
        day=document.date,
        parent=document.parent_issuer_name,
        near=document.unit,
    )[:8]


def _disagreements(document: Document, form: ReviewForm) -> list[dict[str, str]]:
    """Fields where the sender's packet header and the document's own text differ."""
    found = (document.parsed or {}).get("disagreements") or {}
    return [
        {"label": str(form.fields[name].label if name in form.fields else name)} | values
        for name, values in found.items()
    ]


@require_rule("documents.change_document", get_document)
def document_review(request: HttpRequest, pk: int) -> HttpResponse:
    """The text beside every field the parser read; saving confirms them (in the ledger)."""
    document = _visible(request, pk)
    if document.merged_into_id is not None:
        return _to_kept(request, document)
    initial = _initial(document)
    if request.GET.get("issuer", "").isdigit():
        initial["issuer_unit"] = int(request.GET["issuer"])
    form = ReviewForm(request.POST or None, initial=initial, viewer=request.user)
    if request.method == "POST" and run_form(
        form, lambda data: document_confirm(actor=request.user, document=document, data=data)
    ):
        messages.success(request, _("Đã lưu và xác nhận thông tin văn bản."))
        return redirect("documents:document_detail", pk=document.pk)
    context = {
        "document": document,
        "form": form,
        "low": _low(document),
        "candidates": _issuer_candidates(document),
        "warnings": warning_texts((document.parsed or {}).get("warnings") or []),
        "disagreements": _disagreements(document, form),
        "page_copy": _page_image(document, request.user),
        "namesakes": selectors.document_namesakes(viewer=request.user, document=document),
        "unregistered": unregistered_units(request.user, document),
    }
    return render(
        request, "documents/document_review.html", context, status=400 if form.errors else 200
    )


@require_rule("documents.change_document", get_document)
def issuer_new(request: HttpRequest, pk: int) -> HttpResponse:
    """Add the issuing unit to the tree when it is missing, then go back to the review."""
    document = _visible(request, pk)
    initial = {
        "name": document.issuer_name,
        "code": code_from_symbol(document.kind, document.symbol, document.type_code),
        "valid_from": document.date or datetime.date.today(),
    }
    form = IssuerUnitForm(request.POST or None, initial=initial, viewer=request.user)
    created = request.method == "POST" and run_form(
        form,
        lambda data: org_services.unit_create(
            actor=request.user, parent=data.pop("parent"), **data
        ),
    )
    if created:
        messages.success(
            request, _("Đã thêm đơn vị «%(unit)s» vào cây tổ chức.") % {"unit": created}
        )
        url = reverse("documents:document_review", args=[document.pk])
        return redirect(f"{url}?issuer={created.pk}")
    return render(request, "documents/issuer_new.html", {"document": document, "form": form})
