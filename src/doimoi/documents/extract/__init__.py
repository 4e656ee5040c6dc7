"""From a file's bytes to its text: every format offices hold, each bad input named clearly.

``extract(data, name)`` returns the text and how it was read, or raises ``Unreadable`` with a
message for the person who sent the file. Nothing here touches the database or the file store.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from doimoi.documents.extract import docx, office, pdf, plain
from doimoi.documents.extract.errors import Unreadable
from doimoi.documents.extract.limits import max_bytes
from doimoi.documents.extract.ocr import ocr_image

__all__ = ["Extracted", "Unreadable", "extract", "max_bytes", "sniff"]

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
IMAGE_MAGIC = {b"\x89PNG\r\n\x1a\n": "png", b"\xff\xd8\xff": "jpeg"}


@dataclass
class Extracted:
    """A file's text and how it was read (text, docx, doc, pdf, ocr)."""

    text: str
    method: str
    warnings: list[str] = field(default_factory=list)


def sniff(data: bytes, name: str) -> str:
    """The file's format, from its first bytes (the name only breaks ties)."""
    lower = name.lower()
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if data.startswith(OLE2):
        return "doc"
    if any(data.startswith(magic) for magic in IMAGE_MAGIC):
        return "image"
    if lower.endswith((".docx", ".pdf", ".doc", ".png", ".jpg", ".jpeg")):
        return "mismatch"
    return "text"


def extract(data: bytes, name: str) -> Extracted:
    """The text of one file; raises ``Unreadable`` for empty, too large or broken files."""
    if not data.strip():
        raise Unreadable(_("Tệp rỗng, không có nội dung."))
    limit = max_bytes()
    if len(data) > limit:
        raise Unreadable(
            _("Tệp quá lớn (%(size)s MB); giới hạn là %(limit)s MB.")
            % {"size": round(len(data) / 2**20, 1), "limit": round(limit / 2**20)}
        )
    kind = sniff(data, name)
    if kind == "pdf":
        text, method = pdf.read(data)
        return Extracted(text, method)
    if kind == "docx":
        return Extracted(docx.read(data), "docx")
    if kind == "doc":
        return Extracted(office.read_doc(data), "doc")
    if kind == "image":
        return Extracted(ocr_image(data), "ocr")
    if kind == "mismatch":
        raise Unreadable(
            _("Tệp mang đuôi %(ext)s nhưng nội dung không phải định dạng đó (tệp hỏng?).")
            % {"ext": name.rsplit(".", 1)[-1]}
        )
    text, warnings = plain.read(data)
    return Extracted(text, "text", warnings)
