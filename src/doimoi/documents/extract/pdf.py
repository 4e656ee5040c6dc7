"""PDF: the text layer when there is one, else OCR; encrypted or broken PDFs refused."""

from __future__ import annotations

import io
import logging

import pdfplumber
from django.utils.translation import gettext as _
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from doimoi.documents.extract.errors import Unreadable
from doimoi.documents.extract.ocr import ocr_pdf

MIN_LETTERS = 40  # below this a "text layer" is only page numbers or stray marks

logging.getLogger("pdfminer").setLevel(logging.ERROR)


def _check(data: bytes) -> None:
    try:
        reader = PdfReader(io.BytesIO(data))
        encrypted = reader.is_encrypted
        if not encrypted:
            len(reader.pages)
    except (PyPdfError, ValueError, OSError, KeyError) as error:
        raise Unreadable(_("Tệp PDF bị hỏng, không mở được.")) from error
    if encrypted:
        raise Unreadable(_("Tệp PDF được đặt mật khẩu (mã hóa); hãy gửi bản không đặt mật khẩu."))


def _text_layer(data: bytes) -> str:
    try:
        with pdfplumber.open(io.BytesIO(data)) as document:
            return "\n".join(page.extract_text(layout=False) or "" for page in document.pages)
    except Exception as error:  # pdfminer raises many kinds on a broken file
        raise Unreadable(_("Tệp PDF bị hỏng, không đọc được lớp chữ.")) from error


def read(data: bytes) -> tuple[str, str]:
    """(text, method): the PDF's text layer, or its pages read by OCR when it has none."""
    _check(data)
    text = _text_layer(data)
    if sum(ch.isalpha() for ch in text) >= MIN_LETTERS:
        return text, "pdf"
    return ocr_pdf(data), "ocr"
