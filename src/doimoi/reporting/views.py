"""The compose page: choose a unit and a template, prefill from the document answered, edit with
a live preview (htmx), download a draft, or issue with the next number."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_htmx.http import HttpResponseClientRedirect

from doimoi import compose
from doimoi.compose import lines as L
from doimoi.compose import text as T
from doimoi.core.errors import ApplicationError
from doimoi.core.views import HtmxHttpRequest, require_rule
from doimoi.reporting import drafting, jobs
from doimoi.reporting.forms import ComposeForm
from doimoi.reporting.kinds import TEMPLATES, compose_from
from doimoi.reporting.models import IssueJob, IssueStatus

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _form(request: HttpRequest) -> ComposeForm:
    units = drafting.units_for(request.user)
    data = request.POST if request.method == "POST" else None
    first = units.first()
    initial: dict[str, Any] = {"template": "plan", "source": request.GET.get("van_ban", "")}
    if first is not None:
        initial |= {"unit": first} | drafting.initial(first, "plan", None, timezone.localdate())
    return ComposeForm(data, units=units, initial=initial)


def _composition(request: HttpRequest, form: ComposeForm) -> compose.Composition | None:
    if not form.is_valid():
        return None
    data, day = form.cleaned_data, timezone.localdate()
    source = drafting.source_find(request.user, data["source"])
    ctx = drafting.context(data["unit"], data, source, day)
    return compose_from(TEMPLATES[data["template"]], ctx)


def paper(c: compose.Composition) -> dict[str, Any]:
    """The pieces of the preview, laid out as on paper."""
    return {
        "c": c,
        "issuer_block": T.issuer_block(c),
        "motto_block": T.motto_block(c),
        "title_block": T.title_block(c),
        "kinh_gui": L.kinh_gui_lines(c),
        "recipients": L.recipient_lines(c),
        "signature": [line for line in T.signature_block(c) if line],
        "rules": c.rules,
    }


def _prefill(request: HttpRequest, form: ComposeForm) -> ComposeForm:
    """The form again, with the template's title, body and recipients for the chosen unit."""
    form.is_valid()
    data = form.cleaned_data
    unit, key = data.get("unit"), data.get("template") or "plan"
    if unit is None:
        return form
    source = drafting.source_find(request.user, data.get("source", ""))
    if data.get("source") and source is None:
        messages.warning(
            request,
            _("Không tìm thấy văn bản %(ref)s trong phạm vi được xem.") % {"ref": data["source"]},
        )
    values = drafting.initial(unit, key, source, timezone.localdate(), data.get("option") or "")
    fresh = {**{k: v for k, v in request.POST.items()}, **values}
    return ComposeForm(fresh, units=drafting.units_for(request.user))


def _issue(request: HttpRequest, form: ComposeForm) -> HttpResponse | None:
    """Queue the issue (numbering and printing run in the background); its page follows it."""
    if not form.is_valid():
        return None
    data = form.cleaned_data
    try:
        job = jobs.document_issue_request(
            actor=request.user,
            unit=data["unit"],
            template_key=data["template"],
            fields=data,
            day=timezone.localdate(),
        )
    except ApplicationError as error:
        for field, text in error.message_dict.items():
            form.add_error(None if field not in form.fields else field, text)
        return None
    return redirect("reporting:issue_job", pk=job.pk)


def _job(request: HttpRequest, pk: int, **_: Any) -> IssueJob:
    return get_object_or_404(IssueJob.objects.restrict(request.user, "view"), pk=pk)


@require_rule("reporting.view_issue_job", _job)
def issue_job(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """An issue's progress, polled while it runs; once done, the document issued."""
    job = _job(request, pk)
    if job.status == IssueStatus.DONE and job.document is not None:
        ref = job.document.reference
        messages.success(request, _("Đã ban hành văn bản số %(ref)s.") % {"ref": ref})
        target = reverse("documents:document_detail", args=[job.document.pk])
        if request.htmx:
            return HttpResponseClientRedirect(target)
        return redirect(target)
    template = "reporting/issue_job.html"
    if request.htmx and not request.htmx.boosted:
        template += "#progress"
    return render(request, template, {"job": job})


def _draft(c: compose.Composition) -> HttpResponse:
    response = HttpResponse(compose.render_docx(c), content_type=DOCX_TYPE)
    response["Content-Disposition"] = 'attachment; filename="du-thao.docx"'
    return response


@require_rule("reporting.compose_document")
def compose_page(request: HttpRequest) -> HttpResponse:
    """Compose a document; "action" is prefill, draft or issue."""
    form = _form(request)
    action = request.POST.get("action", "")
    if action == "prefill":
        form = _prefill(request, form)
    elif action == "issue":
        done = _issue(request, form)
        if done is not None:
            return done
    elif action == "draft":
        c = _composition(request, form)
        if c is not None:
            return _draft(c)
    c = _composition(request, form) if form.is_bound else None
    context = {"form": form, "paper": paper(c) if c else None}
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "reporting/compose.html", context, status=status)


@require_rule("reporting.compose_document")
def compose_preview(request: HttpRequest) -> HttpResponse:
    """The preview alone (htmx), as the author types."""
    form = ComposeForm(request.POST or None, units=drafting.units_for(request.user))
    c = _composition(request, form)
    return render(request, "reporting/compose.html#preview", {"paper": paper(c) if c else None})
