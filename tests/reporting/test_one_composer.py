"""Acceptance 5: no module outside the composer writes DOCX, writes XLSX or runs LibreOffice, and
the party layout is written once. (Reading Word or Excel files, as ingest does, is not writing.)"""

from __future__ import annotations

import io
import re
from pathlib import Path

from openpyxl import load_workbook

from doimoi.compose.sheets import Book

SRC = Path(__file__).resolve().parents[2] / "src" / "doimoi"
COMPOSER = SRC / "compose"
# reads Word files (ingest); it never saves one
READERS = {SRC / "documents" / "extract" / "docx.py"}
WRITES_DOCX = re.compile(
    r"^\s*(from|import)\s+(docx|docxtpl)\b|import_module\(\s*[\"'](docx|docxtpl)\b", re.M
)
WRITES_XLSX = re.compile(r"\bWorkbook\s*\(")  # a new workbook; reading (load_workbook) is fine
# other writers of office files or PDFs: one composer means none of them either
OTHER_WRITERS = re.compile(
    r"^\s*(from|import)\s+(xlsxwriter|reportlab|weasyprint|fpdf|odf|docxcompose)\b", re.M
)
# the program by any of its names (as a command is written: lower case, quoted), or its flags
RUNS_OFFICE = re.compile(r"soffice|[\"'](libreoffice|lowriter|unoconv)\b|--convert-to|--headless")
MOTTO = re.compile(r"ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")


def _sources() -> list[Path]:
    return [
        p for p in SRC.rglob("*.py") if COMPOSER not in p.parents and "migrations" not in p.parts
    ]


def test_only_the_composer_writes_documents_and_runs_libreoffice() -> None:
    offenders = []
    for path in _sources():
        text = path.read_text("utf-8")
        if WRITES_DOCX.search(text) and path not in READERS:
            offenders.append(f"{path.relative_to(SRC)}: python-docx")
        if path in READERS and ".save(" in text:
            offenders.append(f"{path.relative_to(SRC)}: saves a Word file")
        if WRITES_XLSX.search(text):
            offenders.append(f"{path.relative_to(SRC)}: writes XLSX")
        if OTHER_WRITERS.search(text):
            offenders.append(f"{path.relative_to(SRC)}: writes office files or PDF")
        if RUNS_OFFICE.search(text):
            offenders.append(f"{path.relative_to(SRC)}: LibreOffice")
    assert offenders == []
    assert len(_sources()) > 100  # the walk saw the code base


# The parser must know the mottos to read them; demo modules hold document texts as data (as the
# seeds do), written as a paper copy reads, not a layout.
KNOWS_THE_MOTTO = (SRC / "vbparse",)


def _lays_out(path: Path) -> bool:
    if any(folder in path.parents for folder in KNOWS_THE_MOTTO) or path.name.startswith("demo"):
        return False
    return bool(MOTTO.search(path.read_text("utf-8")))


def test_the_party_layout_is_written_once() -> None:
    assert not (SRC / "directives" / "output" / "party_layout.py").exists()
    assert [str(p.relative_to(SRC)) for p in _sources() if _lays_out(p)] == []


def test_cells_that_look_like_formulas_are_written_as_text() -> None:
    book = Book()
    book.sheet("Bảng", ["Cột"], [["=1+1"], ["+84 912"], ["-3"], ["@SUM(A1)"], ["bình thường"], [5]])
    sheet = load_workbook(io.BytesIO(book.save())).active
    values = [(c.value, c.data_type) for (c,) in sheet.iter_rows(min_row=2)]
    assert values[:4] == [("=1+1", "s"), ("+84 912", "s"), ("-3", "s"), ("@SUM(A1)", "s")]
    assert values[4:] == [("bình thường", "s"), (5, "n")]
