"""Scans: Tesseract with the Vietnamese model (Debian tesseract-ocr-vie), pages from pdftoppm."""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from doimoi.documents.extract.errors import Unreadable
from doimoi.documents.extract.limits import SUBPROCESS_TIMEOUT, tesseract

DPI = 300
MAX_PAGES = 50


def available() -> bool:
    """Whether OCR can run here (Tesseract with the Vietnamese model)."""
    command = tesseract()
    return bool(command) and shutil.which(command) is not None


def _unavailable(what: str) -> Unreadable:
    return Unreadable(
        _("%(what)s cần nhận dạng chữ (OCR) nhưng máy chủ chưa cài Tesseract tiếng Việt.")
        % {"what": what}
    )


def _tesseract(image: Path) -> str:
    try:
        done = subprocess.run(
            [
                shutil.which(tesseract()) or "tesseract",
                str(image),
                "stdout",
                "-l",
                "vie",
                "--psm",
                "4",
            ],
            capture_output=True,
            timeout=SUBPROCESS_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise Unreadable(_("Nhận dạng chữ (OCR) quá lâu, đã dừng.")) from error
    if done.returncode != 0:
        raise Unreadable(_("Nhận dạng chữ (OCR) thất bại: %(err)s") % {"err": done.stderr[:200]})
    return done.stdout.decode("utf-8", errors="replace")


def ocr_image(data: bytes) -> str:
    """The text of a scanned page image (PNG, JPEG)."""
    if not available():
        raise _unavailable(_("Ảnh quét"))
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            with tempfile.TemporaryDirectory(prefix="doimoi-ocr-") as tmp:
                page = Path(tmp) / "page.png"
                image.convert("L").save(page)
                return _non_empty(_tesseract(page))
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise Unreadable(_("Ảnh bị hỏng hoặc quá lớn, không mở được.")) from error


def ocr_pdf(data: bytes) -> str:
    """The text of a scanned PDF: each page rasterized by pdftoppm, then read by Tesseract."""
    if not available() or not shutil.which("pdftoppm"):
        raise _unavailable(_("PDF không có lớp chữ"))
    with tempfile.TemporaryDirectory(prefix="doimoi-ocr-") as tmp:
        source = Path(tmp) / "input.pdf"
        source.write_bytes(data)
        try:
            subprocess.run(
                [
                    "pdftoppm",
                    "-r",
                    str(DPI),
                    "-gray",
                    "-png",
                    "-l",
                    str(MAX_PAGES),
                    str(source),
                    str(Path(tmp) / "page"),
                ],
                capture_output=True,
                timeout=SUBPROCESS_TIMEOUT,
                check=False,
            )
        except subprocess.TimeoutExpired as error:
            raise Unreadable(_("Chuyển trang PDF thành ảnh quá lâu, đã dừng.")) from error
        pages = sorted(Path(tmp).glob("page*.png"))
        if not pages:
            raise Unreadable(_("Tệp PDF bị hỏng, không chuyển được thành ảnh để nhận dạng chữ."))
        return _non_empty("\n".join(_tesseract(page) for page in pages))


def _non_empty(text: str) -> str:
    if not text.strip():
        raise Unreadable(_("Nhận dạng chữ (OCR) không tìm thấy chữ nào trên trang."))
    return text


PREVIEW_DPI = 100


def page_preview(data: bytes, content_type: str, page: int = 1) -> bytes | None:
    """One page of a stored file as a PNG, to show beside the text read from it: an image as it
    is (PNG) or converted, a PDF page rasterized by pdftoppm; None for other files."""
    if content_type.startswith("image/"):
        try:
            with Image.open(io.BytesIO(data)) as image:
                out = io.BytesIO()
                image.convert("RGB").save(out, format="PNG")
                return out.getvalue()
        except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
            return None
    if content_type != "application/pdf" or not shutil.which("pdftoppm"):
        return None
    with tempfile.TemporaryDirectory(prefix="doimoi-page-") as tmp:
        source = Path(tmp) / "input.pdf"
        source.write_bytes(data)
        command = ["pdftoppm", "-r", str(PREVIEW_DPI), "-png", "-f", str(page), "-l", str(page)]
        try:
            subprocess.run(
                [*command, "-singlefile", str(source), str(Path(tmp) / "page")],
                capture_output=True,
                timeout=SUBPROCESS_TIMEOUT,
                check=False,
            )
        except subprocess.TimeoutExpired:
            return None
        png = Path(tmp) / "page.png"
        return png.read_bytes() if png.exists() else None
