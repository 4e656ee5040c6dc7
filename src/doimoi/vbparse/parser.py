"""Putting it together: one text (or bytes) in, the metadata of each document in it out."""

from __future__ import annotations

from doimoi.vbparse.header import Header, read_header
from doimoi.vbparse.headless import read_headless
from doimoi.vbparse.lines import parse_number, split_motto
from doimoi.vbparse.model import Document, Recipient
from doimoi.vbparse.nesting import nest
from doimoi.vbparse.normalize import clean
from doimoi.vbparse.recipients import find_noi_nhan, read_kinh_gui, read_noi_nhan
from doimoi.vbparse.references import Mention, find_references, flatten
from doimoi.vbparse.signature import read_signature
from doimoi.vbparse.split import split_documents, walk_back
from doimoi.vbparse.text import fold, garbled
from doimoi.vbparse.values import fill_header
from doimoi.vbparse.webcopy import apply_web, site_metadata


def parse(data: str | bytes) -> Document:
    """The first (or only) document in a text."""
    return parse_all(data)[0]


def parse_all(data: str | bytes) -> list[Document]:
    """Every document in a text, in order; never raises (garbage gives empty fields)."""
    try:
        return _parse_all(data)
    except Exception as error:  # the contract: any input gives a result, never an exception
        document = Document(warnings=[f"Lỗi khi đọc văn bản / parser error: {error!r}"])
        document.confidence = {}
        return [document]


def _parse_all(data: str | bytes) -> list[Document]:
    if not isinstance(data, str | bytes | bytearray):
        return [Document(warnings=["Đầu vào không phải văn bản / input is not text or bytes"])]
    cleaned = clean(data)
    lines = cleaned.text.split("\n")
    documents = []
    for start, end in split_documents(cleaned.text, lines):
        local = [w for line, w in cleaned.located if start <= line < end]
        warnings = cleaned.warnings + list(dict.fromkeys(local))
        document = parse_lines(lines[start:end], warnings)
        document.span = (start, end)
        whole = start == 0 and end == len(lines)  # the usual case: no need to join lines again
        document.text = (cleaned.text if whole else "\n".join(lines[start:end])).strip()
        documents.append(document)
    return documents or [parse_lines([], cleaned.warnings)]


def parse_lines(lines: list[str], warnings: list[str]) -> Document:
    """One document from its cleaned lines."""
    document = Document(warnings=list(warnings))
    meta, lines = site_metadata(lines)
    header = read_header(lines)
    if header.number is None:
        header = _late_header(lines) or header
    if header.number is None and header.motto is None:
        header.end = 0  # no header block: all of it is body (a web page, a lead)
    body = "\n".join(lines[header.end :])
    flat = flatten(body)
    fill_header(document, header, body, flat)
    _fill_people(document, header, lines, body)
    if header.end == 0 and not (document.signing_authority or document.signer_title):
        _drop_byline(document)
    own = (document.number or "", document.symbol) if document.symbol else None
    title = " ".join((header.type_line and header.title) or header.cv_title)
    apply_web(document, meta, "\n".join(lines[: header.end + 40]), header.motto is not None)
    if header.end == 0 and document.number is None and document.type is None:
        read_headless(document, lines)
    own = (document.number or "", document.symbol) if document.symbol else own
    mentions: list[Mention] = []
    document.references = find_references(title, body, own, flat, mentions)
    document.nesting = nest(flat, document.references, mentions)
    document.confidence["references"] = 0.85 if document.references else 0.6
    _drop_garbled(document)
    _old_tu(document)
    if not (document.number or document.issuer or document.title or document.date):
        document.warnings.append("Không nhận ra phần đầu văn bản / no document header found")
    return document


LATE = 60


def _late_header(lines: list[str]) -> Header | None:
    """A header block below a web page's own text (a lead, a list of bullets): the first
    "Số ..." line with a motto a few lines away, and the issuer lines above them."""
    for idx, line in enumerate(lines[:LATE]):
        text = line.strip()
        if not text.startswith(("Số", "SỐ")) or parse_number(text) is None:
            continue
        near = [i for i in range(max(0, idx - 8), min(len(lines), idx + 8)) if _motto(lines[i])]
        if not near:
            continue
        start = walk_back(lines, min(idx, *near))
        header = read_header(lines[start:])
        if header.number is None:
            return None
        header.end += start
        header.kinh_gui = header.kinh_gui + start if header.kinh_gui is not None else None
        return header
    return None


def _motto(line: str) -> bool:
    """A motto line: the motto and little else (not a sentence naming the Party)."""
    text = line.strip()
    if not text or len(text) > 80:
        return False
    before, kind, _after = split_motto(text)
    return kind is not None and len(before) < 4


OLD_TU = "Ký hiệu «{}» viết «TƯ», đã đọc là «{}» / 'TƯ' in a symbol read by its issuer"


def _tu(symbol: str, issuer: str | None) -> str:
    """'TƯ' after the slash: Trung ương (TW) in old newspaper spelling, or a scanned 'TU' of a
    Tỉnh ủy; which one, the issuer says."""
    provincial = issuer is not None and "tinh uy" in fold(issuer)
    return symbol.replace("/TƯ", "/TU" if provincial else "/TW")


def _old_tu(document: Document) -> None:
    if document.symbol and document.symbol.endswith("/TƯ"):
        fixed = _tu(document.symbol, document.issuer)
        document.warnings.append(OLD_TU.format(document.symbol, fixed))
        document.symbol = fixed
    for reference in document.references:
        if reference.symbol.endswith("/TƯ"):
            reference.symbol = _tu(reference.symbol, reference.issuer or document.issuer)


def _drop_byline(document: Document) -> None:
    """A web page without a header block: a lone name at its end, under no signing authority
    or title, is the post's byline (or a section heading), not a signer."""
    if document.signer_name:
        document.set("signer_name", None, 0.0)
        document.signers = []


GARBLED = "Chữ nhận dạng lỗi nặng, để trống «{}» / garbled OCR text left empty"


def _drop_garbled(document: Document) -> None:
    """No value rather than garbage: a field whose words cannot be Vietnamese is left empty."""
    for name in ("issuer", "parent_issuer", "title", "signer_name", "place"):
        value = getattr(document, name)
        if value and garbled(value):
            document.set(name, None, 0.0)
            document.warnings.append(GARBLED.format(name))


def _fill_people(document: Document, header: Header, lines: list[str], body: str) -> None:
    recipients: list[Recipient] = []
    start = header.end
    if header.kinh_gui is not None:
        found, start = read_kinh_gui(lines, header.kinh_gui)
        recipients.extend(found)
    anchor = find_noi_nhan(lines, start) if start > header.end else None
    anchor = find_noi_nhan(lines, header.end, body) if start == header.end else anchor
    if anchor is not None:
        recipients.extend(read_noi_nhan(lines, anchor))
    document.recipients = recipients
    document.confidence["recipients"] = 0.9 if recipients else 0.5
    signature = read_signature(lines, header.end, anchor)
    for name, value in (
        ("signing_authority", signature.authority),
        ("signer_title", signature.title),
        ("signer_name", signature.name),
    ):
        document.set(name, value, signature.confidence.get(name, 0.5))
    document.signers = [signer.to_dict() for signer in signature.all()]
