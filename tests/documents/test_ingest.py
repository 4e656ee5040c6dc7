"""Ingest: every format offices hold, the same file or document twice, and each bad input."""

from __future__ import annotations

import io
import shutil
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from PIL import Image

from doimoi.background.worker import drain
from doimoi.documents.models import (
    Citation,
    Document,
    DocumentCopy,
    IncomingEntry,
    IngestJob,
    StoredFile,
)
from doimoi.documents.services import jobs
from doimoi.documents.services.ingest import ingest_file
from doimoi.ledger.models import LedgerEvent
from doimoi.vbparse.legacy import encode_tcvn3, encode_vni
from tests.conftest import require
from tests.documents import files
from tests.documents.conftest import stored_files

TEXT = files.seed_text(files.PLAN_64)


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.open(io.BytesIO(files.page_png())).convert("L").save(out, "JPEG", quality=90)
    return out.getvalue()


FORMATS = {
    "ke-hoach.txt": lambda: TEXT.encode("utf-8"),
    "ke-hoach-utf16.txt": lambda: TEXT.encode("utf-16"),
    "ke-hoach-tcvn3.txt": lambda: encode_tcvn3(TEXT),
    "ke-hoach-vni.txt": lambda: encode_vni(TEXT),
    "ke-hoach-1258.txt": lambda: files.encode_cp1258(TEXT),
    "ke-hoach.md": lambda: ("**" + TEXT.replace("\n\n", "\n") + "**").encode("utf-8"),
    "ke-hoach.docx": lambda: files.docx_bytes(TEXT),
    "ke-hoach.doc": lambda: files.doc_bytes(),
    "ke-hoach.pdf": lambda: files.pdf_bytes(),
    "ke-hoach-scan.pdf": lambda: files.scanned_pdf(),
    "ke-hoach.png": lambda: files.page_png(),
    "ke-hoach.jpg": _jpeg,
}


@pytest.fixture
def admin(persona: Any) -> Any:
    return persona("admin")


def _ingest(admin: Any, unit: Any, name: str, data: bytes) -> Any:
    return ingest_file(actor=admin, unit=unit, name=name, data=data, source="test")


NEEDS = {".doc": ["soffice"], ".pdf": ["soffice"], ".png": ["soffice", "pdftoppm", "tesseract"]}
NEEDS[".jpg"] = NEEDS["ke-hoach-scan.pdf"] = NEEDS[".png"]


@pytest.mark.parametrize("name", list(FORMATS))
def test_each_format_gives_the_document(demo: dict[str, Any], admin: Any, name: str) -> None:
    for tool in NEEDS.get(name, NEEDS.get(Path(name).suffix, [])):
        require(bool(shutil.which(tool)), f"{tool} is not installed")
    result = _ingest(admin, demo["Tỉnh ủy Lâm Đồng"], name, FORMATS[name]())
    assert result.status == "stored", result.message
    document = Document.objects.get(pk=result.documents[0]["id"])
    assert (document.reference, str(document.date)) == ("64-KH/ThU", "2022-05-04")
    assert document.issuer_unit == demo["Thành ủy Bảo Lộc"]


def test_original_is_kept_byte_for_byte_once(
    demo: dict[str, Any], admin: Any, _private_file_store: Path
) -> None:
    data = files.docx_bytes(TEXT)
    first = _ingest(admin, demo["Tỉnh ủy Lâm Đồng"], "a.docx", data)
    stored = StoredFile.objects.get()
    assert (_private_file_store / stored.path).read_bytes() == data
    again = _ingest(admin, demo["Tỉnh ủy Lâm Đồng"], "a-copy.docx", data)
    assert (first.status, again.status) == ("stored", "duplicate")
    assert "đã được nhập" in again.message
    assert StoredFile.objects.count() == 1 and Document.objects.filter(number="64").count() == 1


def test_same_document_in_another_file_becomes_a_copy(demo: dict[str, Any], admin: Any) -> None:
    unit = demo["Tỉnh ủy Lâm Đồng"]
    _ingest(admin, unit, "a.txt", TEXT.encode())
    result = _ingest(admin, unit, "a.pdf", files.pdf_bytes())
    assert result.status == "copy"
    document = Document.objects.get(number="64")
    assert document.copies.count() == 2 and StoredFile.objects.count() == 2


def test_a_file_with_three_documents_gives_three_linked_documents(
    demo: dict[str, Any], admin: Any, ledger_probe: Any
) -> None:
    result = ingest_file(  # 2022 documents: they enter today's register because the clerk asks
        actor=admin,
        unit=demo["Tỉnh ủy Lâm Đồng"],
        name="cv.txt",
        data=files.DISPATCH_287.read_bytes(),
        source="test",
        register_old=True,
    )
    refs = [d["reference"] for d in result.documents]
    assert refs == ["287-CV/ĐUK", "1335-CV/TU", "14-KL/TW"]
    edges = {
        (c.source.reference, c.relation, c.target.reference)
        for c in Citation.objects.select_related("source", "target")
    }
    assert ("287-CV/ĐUK", "forwards", "1335-CV/TU") in edges
    assert ("1335-CV/TU", "implements", "14-KL/TW") in edges
    for d in Document.objects.filter(pk__in=[d["id"] for d in result.documents]):
        ledger_probe.assert_recorded("documents.document.ingested", d)
    assert (
        IncomingEntry.objects.filter(unit=demo["Tỉnh ủy Lâm Đồng"]).count() == 2
    )  # 1335 is its own


def _bad_inputs(settings: Any) -> dict[str, tuple[bytes, str]]:
    return {
        "rong.txt": (b"", "rỗng"),
        "rac.bin": (bytes(range(256)) * 64, "không phải văn bản"),
        "qua-lon.txt": (b"x" * (3 * 2**20), "quá lớn"),
        "mat-khau.pdf": (files.encrypted_pdf(), "mật khẩu"),
        "hong.docx": (files.corrupt_docx(), "bị hỏng"),
        "bom.docx": (files.zip_bomb_docx(30), "bom nén"),
        "scan-khong-ocr.pdf": (files.scanned_pdf(), "OCR"),
    }


def _state(root: Path) -> tuple[Any, ...]:
    counts = tuple(
        m.objects.count()
        for m in (Document, DocumentCopy, StoredFile, Citation, IncomingEntry, LedgerEvent)
    )
    return (*counts, tuple(stored_files(root)))


def test_each_bad_input_is_named_and_the_batch_goes_on(
    demo: dict[str, Any],
    admin: Any,
    settings: Any,
    _private_file_store: Path,
    django_capture_on_commit_callbacks: Any,
) -> None:
    settings.DOIMOI_INGEST_MAX_MB = 2
    bad = _bad_inputs(settings)
    settings.DOIMOI_TESSERACT = ""  # OCR not installed on this server
    unit = demo["Tỉnh ủy Lâm Đồng"]
    job = jobs.ingest_job_create(actor=admin, unit=unit)
    batch = [("dau.txt", files.PLAN_39.read_bytes()), *((n, d) for n, (d, _m) in bad.items())]
    batch.append(("cuoi.txt", TEXT.encode()))
    for name, data in batch:
        jobs.ingest_job_add(actor=admin, job=job, name=name, size=len(data), chunks=[data])
    with django_capture_on_commit_callbacks(execute=True):
        jobs.ingest_job_start(actor=admin, job=job)
    assert IngestJob.objects.get(pk=job.pk).status == "queued"
    assert drain() == 1  # the batch is one task on the queue
    items = {i.name: i for i in IngestJob.objects.get(pk=job.pk).items.all()}
    assert IngestJob.objects.get(pk=job.pk).status == "done"
    assert (items["dau.txt"].status, items["cuoi.txt"].status) == ("stored", "stored")
    for name, (_data, words) in bad.items():
        assert items[name].status == "failed", name
        assert words in items[name].message, (name, items[name].message)
    assert not list((_private_file_store / "ingest-staging").rglob("*.*"))


@pytest.mark.parametrize(
    "name",
    [
        "rong.txt",
        "rac.bin",
        "mat-khau.pdf",
        "hong.docx",
        "bom.docx",
        "qua-lon.txt",
        "scan-khong-ocr.pdf",
    ],
)
def test_a_bad_input_changes_nothing(
    demo: dict[str, Any], admin: Any, settings: Any, _private_file_store: Path, name: str
) -> None:
    settings.DOIMOI_INGEST_MAX_MB = 2
    data, words = _bad_inputs(settings)[name]
    settings.DOIMOI_TESSERACT = ""
    before = _state(_private_file_store)
    result = _ingest(admin, demo["Tỉnh ủy Lâm Đồng"], name, data)
    assert (result.status, words in result.message) == ("failed", True), result.message
    assert _state(_private_file_store) == before


def _refuse_citations() -> None:
    """Make the database refuse citation rows: a failure after the file and document are written."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "CREATE TEMP TRIGGER refuse BEFORE INSERT ON documents_citation "
                "BEGIN SELECT RAISE(ABORT, 'refused'); END"
            )
        else:
            cursor.execute(
                "CREATE FUNCTION pg_temp.refuse() RETURNS trigger AS "
                "$$ BEGIN RAISE EXCEPTION 'refused'; END $$ LANGUAGE plpgsql"
            )
            cursor.execute(
                "CREATE TRIGGER refuse BEFORE INSERT ON documents_citation "
                "FOR EACH ROW EXECUTE FUNCTION pg_temp.refuse()"
            )


def test_a_failure_while_storing_leaves_no_bytes_behind(
    demo: dict[str, Any], admin: Any, _private_file_store: Path
) -> None:
    unit = demo["Tỉnh ủy Lâm Đồng"]
    before = _state(_private_file_store)
    _refuse_citations()
    result = _ingest(admin, unit, "ke-hoach.txt", TEXT.encode())
    assert result.status == "failed" and "không được lưu" in result.message
    assert _state(_private_file_store) == before
