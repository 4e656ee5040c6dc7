"""Word documents (.docx): body paragraphs and tables in order, then headers; zip bombs refused."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

from django.utils.translation import gettext as _
from docx import Document as open_docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from doimoi.documents.extract.errors import Unreadable
from doimoi.documents.extract.limits import MAX_EXPANSION, MAX_UNPACKED


def check_zip(data: bytes) -> None:
    """Refuse a broken zip, or one that expands far beyond its size (a zip bomb)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise Unreadable(_("Tệp Word (.docx) bị hỏng, không mở được.")) from error
    unpacked = sum(info.file_size for info in infos)
    worst = max((i.file_size / max(i.compress_size, 1) for i in infos), default=0)
    if unpacked > MAX_UNPACKED or (unpacked > 2**20 and worst > MAX_EXPANSION):
        raise Unreadable(
            _("Tệp Word bị từ chối: nội dung nén bung ra quá lớn (%(mb)s MB), nghi là «bom nén».")
            % {"mb": round(unpacked / 2**20)}
        )
    if "word/document.xml" not in {i.filename for i in infos}:
        raise Unreadable(_("Tệp nén này không phải văn bản Word (.docx)."))


def _blocks(parent: Any) -> Iterator[Paragraph | Table]:
    for child in parent.element.body.iterchildren() if hasattr(parent, "element") else []:
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield Paragraph(child, parent)
        elif tag == "tbl":
            yield Table(child, parent)


def _table_lines(table: Table) -> Iterator[str]:
    seen: set[int] = set()
    for row in table.rows:
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell appears once per grid column
                continue
            seen.add(id(cell._tc))
            for paragraph in cell.paragraphs:
                yield paragraph.text
            for inner in cell.tables:
                yield from _table_lines(inner)


def _lines(document: Any) -> Iterator[str]:
    for block in _blocks(document):
        if isinstance(block, Paragraph):
            yield block.text
        else:
            yield from _table_lines(block)


def _header_lines(document: Any) -> Iterator[str]:
    for section in document.sections:
        for part in (section.header, section.first_page_header):
            if part is not None and not part.is_linked_to_previous:
                yield from (p.text for p in part.paragraphs)
                for table in part.tables:
                    yield from _table_lines(table)


def read(data: bytes) -> str:
    """The text of a .docx: headers first (they hold the issuer on some templates), then the body."""
    check_zip(data)
    try:
        document = open_docx(io.BytesIO(data))
        headers = [line for line in _header_lines(document) if line.strip()]
        body = list(_lines(document))
    except Unreadable:
        raise
    except Exception as error:  # python-docx raises many kinds on a broken file
        raise Unreadable(_("Tệp Word (.docx) bị hỏng, không mở được.")) from error
    text = "\n".join([*headers, *body]).strip()
    if not text:
        raise Unreadable(_("Tệp Word không có chữ nào."))
    return text
