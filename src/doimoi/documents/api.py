"""REST endpoints of the documents app (mounted under /api/v1/documents/).

``POST /ingest`` (multipart ``files``, ``unit``): a small batch is read at once and the results
returned; a large one (or ``background=true``) runs as a background job, answered 202 with the
job's address, whose progress ``GET /ingest/{job}`` reports.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

import ninja
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import File, Form, Query, Router, Schema
from ninja.errors import HttpError
from ninja.files import UploadedFile
from pydantic import BaseModel, ConfigDict

from doimoi.core.errors import ApplicationError
from doimoi.documents import selectors, services
from doimoi.documents.models import Document, IngestJob
from doimoi.documents.services import cache, jobs
from doimoi.documents.services.ingest import ingest_upload
from doimoi.organizations.models import Unit

router = Router(tags=["documents"])
# Newer django-ninja names an explicit status; older versions take a (status, body) tuple.
Status: Any = getattr(ninja, "Status", None)
INLINE_MAX_FILES = 10


class ErrorOut(Schema):
    detail: str


class FileOut(Schema):
    name: str
    status: str
    message: str
    size: int
    documents: list[dict[str, Any]]


class IngestOut(Schema):
    job: int | None = None
    status: str
    progress_url: str | None = None
    files: list[FileOut] = []


class JobOut(Schema):
    job: int
    status: str
    total: int
    done: int
    files: list[FileOut]


class CitationOut(Schema):
    id: int
    reference: str
    relation: str
    placeholder: bool


# A plain pydantic model, not ninja's Schema: ninja wraps each row a Schema validates in an
# attribute getter, about 2 ms of Python for the search's 100 hits on a quiet machine against
# 0.1 for this; the answer and the OpenAPI schema are the same. (No docstring: it would
# become the schema's description.)
class DocumentOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    state: str
    kind: str
    reference: str
    number: str
    symbol: str
    type_code: str
    type_name: str
    issuer_name: str
    issuer_unit: int | None
    date: date | None
    title: str
    confidentiality: int
    urgency: str


class DocumentDetailOut(DocumentOut):
    cites: list[CitationOut]
    cited_by: list[CitationOut]


def _document_out(d: Document) -> dict[str, Any]:
    fields = [f for f in DocumentOut.model_fields if f not in ("reference", "issuer_unit")]
    return {f: getattr(d, f) for f in fields} | {
        "reference": d.reference,
        "issuer_unit": d.issuer_unit_id,
    }


def _status(code: int, body: dict[str, Any]) -> Any:
    return Status(code, body) if Status is not None else (code, body)


def _unit(request: HttpRequest, unit_id: int) -> Unit:
    unit = get_object_or_404(Unit, pk=unit_id)
    if not request.user.has_perm("documents.ingest_document", unit):
        raise HttpError(403, "Bạn không có quyền nhập văn bản cho đơn vị này.")
    return unit


@router.post("/ingest", response={200: IngestOut, 202: IngestOut, 403: ErrorOut, 404: ErrorOut})
def ingest(
    request: HttpRequest,
    unit: Form[int],
    files: File[list[UploadedFile]],
    background: Form[bool] = False,
    register_old: Form[bool] = False,
) -> Any:
    """Ingest the uploaded files for ``unit``; ``register_old``: documents dated before this
    year enter this year's incoming register too (by default an archive upload does not)."""
    holder = _unit(request, unit)
    if background or len(files) > INLINE_MAX_FILES:
        job = jobs.ingest_job_create(
            actor=request.user, unit=holder, source="api", register_old=register_old
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
        url = f"/api/v1/documents/ingest/{job.pk}"
        return _status(202, {"job": job.pk, "status": job.status, "progress_url": url})
    with cache.batch():
        results = [
            ingest_upload(
                actor=request.user,
                unit=holder,
                name=f.name or "",
                size=f.size or 0,
                read=f.read,
                source="api",
                register_old=register_old,
            ).as_dict()
            for f in files
        ]
    return _status(200, {"status": "done", "files": results})


@router.get("/ingest/{job_id}", response={200: JobOut, 404: ErrorOut})
def ingest_progress(request: HttpRequest, job_id: int) -> dict[str, Any]:
    """Progress of a background ingest job."""
    job = get_object_or_404(IngestJob.objects.restrict(request.user), pk=job_id)
    items = list(job.items.all())
    done = sum(1 for i in items if i.status not in ("pending", "running"))
    files = [
        {
            "name": i.name,
            "status": i.status,
            "message": i.message,
            "size": i.size,
            "documents": i.documents,
        }
        for i in items
    ]
    return {"job": job.pk, "status": job.status, "total": len(items), "done": done, "files": files}


@router.get("/", response=list[DocumentOut])
def document_list(
    request: HttpRequest,
    q: str = "",
    type_code: str = "",
    kind: str = "",
    year: Annotated[int | None, Query(ge=1, le=9998)] = None,
) -> list[dict[str, Any]]:
    """Documents the user may see (first 100), or those matching ``q`` (accents ignored)."""
    filters: dict[str, Any] = {"type_code": type_code, "kind": kind, "year": year}
    if q:
        page = selectors.document_search(
            viewer=request.user, query=q, limit=100, snippets=False, **filters
        )
        return [_document_out(h.document) for h in page.hits]
    return [_document_out(d) for d in selectors.document_list(viewer=request.user, **filters)[:100]]


def _edges(qs: Any, attr: str) -> list[dict[str, Any]]:
    return [
        {
            "id": getattr(c, attr).pk,
            "reference": getattr(c, attr).reference,
            "relation": c.relation,
            "placeholder": getattr(c, attr).is_placeholder,
        }
        for c in qs
    ]


class ClassifyIn(Schema):
    confidentiality: int


@router.post(
    "/{document_id}/confidentiality",
    response={200: DocumentOut, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut},
)
def document_classify(request: HttpRequest, document_id: int, data: ClassifyIn) -> Any:
    """Set a document's classification (0 thường, 1 mật, 2 tối mật, 3 tuyệt mật)."""
    try:
        document = selectors.document_get(viewer=request.user, pk=document_id)
        document = services.document_classify(
            actor=request.user, document=document, level=data.confidentiality
        )
    except Document.DoesNotExist as error:
        raise HttpError(404, "Không tìm thấy văn bản.") from error
    except PermissionDenied as error:
        raise HttpError(403, str(error) or "Không có quyền.") from error
    except ApplicationError as error:
        raise HttpError(400, _messages(error)) from error
    return _document_out(document)


def _messages(error: ApplicationError) -> str:
    return "; ".join(f"{k}: {' '.join(v)}" for k, v in error.message_dict.items())


@router.get("/{document_id}", response={200: DocumentDetailOut, 404: ErrorOut})
def document_detail(request: HttpRequest, document_id: int) -> dict[str, Any]:
    """One document with what it cites and what cites it."""
    try:
        document = selectors.document_get(viewer=request.user, pk=document_id)
    except Document.DoesNotExist as error:
        raise HttpError(404, "Không tìm thấy văn bản.") from error
    except PermissionDenied as error:
        raise HttpError(403, str(error)) from error
    cites = document.citations.select_related("target")
    cited_by = document.cited_by.select_related("source")
    return _document_out(document) | {
        "cites": _edges(cites, "target"),
        "cited_by": _edges(cited_by, "source"),
    }
