"""The upload page: files sent one by one with a progress bar each, read in the background.

Without JavaScript the form posts every file at once; with it, each file is uploaded by itself
(so each shows its own progress), then the batch starts and its page follows the reading.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doimoi.core.errors import ApplicationError
from doimoi.core.views import HtmxHttpRequest, require_rule
from doimoi.documents import selectors
from doimoi.documents.extract import max_bytes
from doimoi.documents.forms import IngestForm
from doimoi.documents.models import IngestJob, JobStatus
from doimoi.documents.services import jobs
from doimoi.documents.views.common import current_unit
from doimoi.documents.views.common import job as get_job


def _urls(job: IngestJob) -> dict[str, Any]:
    return {
        "job": job.pk,
        "add": reverse("documents:ingest_job_add", args=[job.pk]),
        "start": reverse("documents:ingest_job_start", args=[job.pk]),
        "page": reverse("documents:ingest_job", args=[job.pk]),
    }


def _form(request: HttpRequest) -> IngestForm:
    units = selectors.ingest_units(viewer=request.user)
    initial = {"unit": current_unit(request, units)}
    return IngestForm(request.POST or None, initial=initial, units=units)


@require_rule("documents.ingest_any")
def ingest_page(request: HttpRequest) -> HttpResponse:
    """Choose the receiving unit and the files (drag and drop, or the file picker)."""
    form = _form(request)
    if request.method == "POST" and form.is_valid():
        files = request.FILES.getlist("files")
        if files:
            job = jobs.ingest_job_create(
                actor=request.user,
                unit=form.cleaned_data["unit"],
                register_old=form.cleaned_data["register_old"],
            )
            for upload in files:
                jobs.ingest_job_add(
                    actor=request.user,
                    job=job,
                    name=upload.name or "",
                    size=upload.size or 0,
                    chunks=upload.chunks(),
                )
            jobs.ingest_job_start(actor=request.user, job=job)
            return redirect("documents:ingest_job", pk=job.pk)
        form.add_error(None, _("Chưa chọn tệp nào để nhập."))
    context = {
        "form": form,
        "jobs": selectors.recent_jobs(viewer=request.user),
        "max_mb": round(max_bytes() / 2**20),
    }
    return render(request, "documents/ingest.html", context, status=400 if form.errors else 200)


@require_rule("documents.ingest_any")
@require_POST
def ingest_job_new(request: HttpRequest) -> JsonResponse:
    """Open a batch (JavaScript upload): the addresses to send files to and to start it."""
    form = _form(request)
    if not form.is_valid():
        return JsonResponse({"errors": form.errors}, status=400)
    job = jobs.ingest_job_create(
        actor=request.user,
        unit=form.cleaned_data["unit"],
        register_old=form.cleaned_data["register_old"],
    )
    return JsonResponse(_urls(job), status=201)


@require_rule("documents.view_ingest_job", get_job)
@require_POST
def ingest_job_add(request: HttpRequest, pk: int) -> JsonResponse:
    """Receive one file of the batch."""
    job = get_job(request, pk)
    upload = request.FILES.get("file")
    if upload is None:
        return JsonResponse({"error": _("Không nhận được tệp.")}, status=400)
    try:
        item = jobs.ingest_job_add(
            actor=request.user,
            job=job,
            name=upload.name or "",
            size=upload.size or 0,
            chunks=upload.chunks(),
        )
    except ApplicationError as error:
        return JsonResponse({"error": " ".join(error.messages)}, status=409)
    return JsonResponse(
        {"item": item.pk, "status": item.status, "message": item.message}, status=201
    )


@require_rule("documents.view_ingest_job", get_job)
@require_POST
def ingest_job_start(request: HttpRequest, pk: int) -> JsonResponse:
    """Start reading the batch in the background."""
    job = get_job(request, pk)
    try:
        jobs.ingest_job_start(actor=request.user, job=job)
    except ApplicationError as error:
        return JsonResponse({"error": " ".join(error.messages)}, status=409)
    return JsonResponse({"page": reverse("documents:ingest_job", args=[job.pk])})


@require_rule("documents.view_ingest_job", get_job)
def ingest_job(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """A batch's progress, file by file; the page polls this while the batch runs."""
    job = get_job(request, pk)
    items = list(job.items.all())
    done = sum(1 for i in items if i.status not in ("pending", "running"))
    context = {
        "job": job,
        "items": items,
        "done": done,
        "total": len(items),
        "running": job.status in (JobStatus.QUEUED, JobStatus.RUNNING, JobStatus.OPEN),
        "created": sum(1 for i in items for d in i.documents if d.get("created")),
    }
    template = "documents/ingest_job.html"
    if request.htmx and not request.htmx.boosted:
        template += "#progress"
    return render(request, template, context)
