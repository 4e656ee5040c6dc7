"""A scanned page: a seed rendered to PDF by LibreOffice, rasterized by pdftoppm, read by
Tesseract with the Vietnamese model; its number, symbol and date must come out right."""

from __future__ import annotations

import shutil
import subprocess
from typing import Any

import pytest

from doimoi.documents.models import Document
from doimoi.documents.services.ingest import ingest_file
from tests.conftest import require
from tests.documents import files


def _tools() -> None:
    require(bool(shutil.which("soffice")), "LibreOffice (soffice) is not installed")
    require(bool(shutil.which("pdftoppm")), "Poppler (pdftoppm) is not installed")
    require(bool(shutil.which("tesseract")), "Tesseract is not installed")
    langs = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True).stdout
    require("vie" in langs.split(), "Tesseract's Vietnamese model (tesseract-ocr-vie) is missing")


@pytest.mark.parametrize(
    ("seed", "reference", "date"),
    [(files.PLAN_64, "64-KH/ThU", "2022-05-04"), (files.PLAN_39, "39-KH/ĐUK", "2022-05-09")],
)
def test_a_scanned_page_is_read_by_ocr(
    demo: dict[str, Any], persona: Any, seed: Any, reference: str, date: str
) -> None:
    _tools()
    scan = files.scanned_pdf(seed)  # image only: no text layer
    result = ingest_file(
        actor=persona("admin"),
        unit=demo["Tỉnh ủy Lâm Đồng"],
        name="scan.pdf",
        data=scan,
        source="t",
    )
    assert result.status == "stored", result.message
    document = Document.objects.get(pk=result.documents[0]["id"])
    assert (document.reference, str(document.date)) == (reference, date)
