"""Real files of every format, made from the seed documents (LibreOffice, pdftoppm, pypdf)."""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
import zipfile
from functools import cache
from pathlib import Path

from docx import Document as new_docx
from docx.shared import Pt
from PIL import Image
from pypdf import PdfReader, PdfWriter

CORPUS = Path(__file__).resolve().parents[2] / "src/doimoi/documents/demo_corpus"
SEEDS = sorted(CORPUS.glob("*.txt"))
PLAN_64, PLAN_39, DISPATCH_287 = SEEDS  # 64-KH/ThU; 39-KH/ĐUK; 287-CV/ĐUK + 1335-CV/TU + 14-KL/TW


def seed_text(path: Path = PLAN_64) -> str:
    return path.read_text(encoding="utf-8")


def docx_bytes(text: str, *, header: str = "") -> bytes:
    """A Word file with one paragraph per line, the first block set in a two-column table."""
    document = new_docx()
    document.styles["Normal"].font.name = "Times New Roman"
    document.styles["Normal"].font.size = Pt(13)
    if header:
        document.sections[0].header.paragraphs[0].text = header
    lines = [line.strip() for line in text.splitlines()]
    for line in lines:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _soffice(data: bytes, suffix: str, target: str) -> bytes:
    binary = shutil.which("soffice")
    assert binary, "LibreOffice (soffice) is needed to make .doc and .pdf test files"
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / f"in{suffix}"
        source.write_bytes(data)
        profile = Path(tmp, "profile").as_uri()
        subprocess.run(
            [
                binary,
                f"-env:UserInstallation={profile}",
                "--headless",
                "--convert-to",
                target,
                "--outdir",
                tmp,
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        return next(Path(tmp).glob(f"in.{target.split(':')[0]}")).read_bytes()


@cache
def pdf_bytes(path: Path = PLAN_64) -> bytes:
    """A PDF with a text layer, rendered from the seed by LibreOffice."""
    return _soffice(docx_bytes(seed_text(path)), ".docx", "pdf")


@cache
def doc_bytes(path: Path = PLAN_64) -> bytes:
    """An old Word 97 .doc made by LibreOffice."""
    return _soffice(docx_bytes(seed_text(path)), ".docx", "doc:MS Word 97")


@cache
def page_png(path: Path = PLAN_64, dpi: int = 300) -> bytes:
    """The first page of the seed's PDF rasterized by pdftoppm (a scan without a text layer)."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "in.pdf"
        source.write_bytes(pdf_bytes(path))
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                str(dpi),
                "-gray",
                "-png",
                "-f",
                "1",
                "-l",
                "1",
                str(source),
                str(Path(tmp) / "page"),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        return next(Path(tmp).glob("page*.png")).read_bytes()


def scanned_pdf(path: Path = PLAN_64) -> bytes:
    """An image-only PDF of the seed's first page (what a scanner produces)."""
    out = io.BytesIO()
    Image.open(io.BytesIO(page_png(path))).convert("L").save(out, "PDF", resolution=300)
    return out.getvalue()


def encrypted_pdf(path: Path = PLAN_64) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes(path))))
    writer.encrypt(user_password="mat-khau", owner_password="chu-so-huu")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def zip_bomb_docx(unpacked_mb: int = 300) -> bytes:
    """A .docx whose document.xml inflates to ``unpacked_mb`` MB from a few hundred kB."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"\0" * 2**20
            for _ in range(unpacked_mb):
                member.write(chunk)
    return out.getvalue()


def corrupt_docx() -> bytes:
    whole = docx_bytes(seed_text())
    return whole[: len(whole) // 2]


def encode_cp1258(text: str) -> bytes:
    """Windows-1258 writes tone marks as combining characters after the base letter."""
    import unicodedata

    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", ch)
            base, tones = decomposed[0], decomposed[1:]
            base = unicodedata.normalize("NFC", base + tones[:-1]) if len(tones) > 1 else base
            out += (base + tones[-1:]).encode("cp1258", errors="replace")
    return out
