"""Unsafe and malformed packets are refused with a clear message and nothing stored (acceptance 4)."""

from __future__ import annotations

import base64
import io
import os
import zipfile
from pathlib import Path
from typing import Any

import pytest

from doimoi.documents.models import Document, IncomingEntry, StoredFile
from doimoi.documents.services.ingest import ingest_file
from doimoi.exchange.models import ExchangeRecord, Packet
from doimoi.exchange.selectors import code_of
from tests.exchange.shapes import NS, document_packet

BTG = "Ban Tuyên giáo Thành ủy Bảo Lộc"


def _counts() -> tuple[int, ...]:
    return (
        Document.objects.count(),
        StoredFile.objects.count(),
        IncomingEntry.objects.count(),
        ExchangeRecord.objects.count(),
        Packet.objects.count(),
    )


def _files(root: Path) -> list[str]:
    media = root / "media"
    return sorted(str(p) for p in media.rglob("*") if p.is_file()) if media.exists() else []


XXE = f"""<?xml version="1.0"?>
<!DOCTYPE edXML [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<edXML xmlns="{NS}"><edXMLEnvelope><edXMLHeader><MessageHeader>
<Code><CodeNumber>1</CodeNumber><CodeNotation>&xxe;</CodeNotation></Code>
</MessageHeader></edXMLHeader></edXMLEnvelope></edXML>""".encode()

LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    + f']>\n<edXML xmlns="{NS}"><edXMLEnvelope><edXMLHeader><MessageHeader><Code>'
    "<CodeNumber>&lol9;</CodeNumber></Code></MessageHeader></edXMLHeader></edXMLEnvelope></edXML>"
).encode()


def _utf16(data: bytes) -> bytes:
    """The same packet in UTF-16: its DOCTYPE no longer reads as ASCII bytes."""
    head = b'<?xml version="1.0"?>'
    return data.replace(head, b'<?xml version="1.0" encoding="UTF-16"?>').decode().encode("utf-16")


def _bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bom.txt", b"0" * (12 * 2**20))  # 12 MB of zeros: a few kB packed
    return buffer.getvalue()


def _with_attachment_payload(payload: str) -> bytes:
    good = document_packet(attachments=[("a.txt", b"KE HOACH")])
    start = good.index(b"<edXML:ContentTransferEncoded>") + len("<edXML:ContentTransferEncoded>")
    end = good.index(b"</edXML:ContentTransferEncoded>")
    return good[:start] + payload.encode() + good[end:]


CASES = {
    "xxe": (XXE, "DOCTYPE"),
    "billion-laughs": (LAUGHS, "DOCTYPE"),
    "xxe-utf16": (_utf16(XXE), "DOCTYPE"),
    "billion-laughs-utf16": (_utf16(LAUGHS), "XML"),
    "xxe-in-a-nested-packet": (document_packet(attachments=[("goc.edxml", XXE)]), "DOCTYPE"),
    "garbage": (os.urandom(4096), "XML"),
    "not-xml-text": (b"day khong phai XML <<<", "XML"),
    "wrong-namespace": (
        document_packet(attachments=[]).replace(NS.encode(), b"urn:other"),
        "không gian tên",
    ),
    "missing-code": (
        document_packet(attachments=[])
        .replace(b"<edXML:CodeNumber>64</edXML:CodeNumber>", b"")
        .replace(b"<edXML:CodeNotation>KH/ThU</edXML:CodeNotation>", b""),
        "MessageHeader/Code",
    ),
    "bad-base64": (_with_attachment_payload("@@@not base64!!"), "base64"),
    "broken-zip": (
        _with_attachment_payload(base64.b64encode(b"PK\x03\x04garbage" * 50).decode()),
        "nén hỏng",
    ),
    "bad-business": (
        document_packet(attachments=[]).replace(
            b"<edXML:BussinessDocType>0<", b"<edXML:BussinessDocType>7<"
        ),
        "BussinessDocType",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.django_db
def test_bad_packet_refused_with_nothing_stored(
    demo: dict[str, Any], case: str, ledger_probe: Any, _private_stores: Path
) -> None:
    data, words = CASES[case]
    before = _counts()
    result = ingest_file(actor=None, unit=demo[BTG], name="goi.edxml", data=data, source="web")
    assert not result.ok
    assert words in result.message, result.message
    assert _counts() == before
    ledger_probe.assert_nothing()
    assert _files(_private_stores) == []


@pytest.mark.django_db
def test_zip_bomb_refused(demo: dict[str, Any], settings: Any, ledger_probe: Any) -> None:
    settings.DOIMOI_EDXML_MAX_UNZIPPED_MB = 5
    data = _with_attachment_payload(base64.encodebytes(_bomb()).decode())
    assert len(data) < 100_000  # small packet, huge inside
    before = _counts()
    result = ingest_file(actor=None, unit=demo[BTG], name="bom.edxml", data=data, source="web")
    assert not result.ok and "giải nén ra quá lớn" in result.message
    assert _counts() == before
    ledger_probe.assert_nothing()


@pytest.mark.django_db
def test_too_many_attachments_and_too_large_refused(demo: dict[str, Any], settings: Any) -> None:
    settings.DOIMOI_EDXML_MAX_ATTACHMENTS = 2
    many = document_packet(attachments=[(f"{i}.txt", b"x") for i in range(3)])
    result = ingest_file(actor=None, unit=demo[BTG], name="a.edxml", data=many, source="web")
    assert not result.ok and "giới hạn là 2" in result.message
    settings.DOIMOI_EDXML_MAX_MB = 0.001
    big = document_packet(attachments=[("a.txt", b"x" * 5000)])
    result = ingest_file(actor=None, unit=demo[BTG], name="a.edxml", data=big, source="web")
    assert not result.ok and "quá lớn" in result.message


@pytest.mark.django_db
def test_classified_document_never_exported(demo: dict[str, Any], agencies: dict[str, Any]) -> None:
    from doimoi.core.errors import ApplicationError
    from doimoi.exchange.services import document_export
    from tests.documents.files import PLAN_64, seed_text

    unit = agencies["Thành ủy Bảo Lộc"]
    result = ingest_file(
        actor=None, unit=unit, name="64.txt", data=seed_text(PLAN_64).encode(), source="web"
    )
    document = Document.objects.get(pk=result.documents[0]["id"])
    Document.objects.filter(pk=document.pk).update(confidentiality=1)
    document.refresh_from_db()
    with pytest.raises(ApplicationError, match="Văn bản mật"):
        document_export(actor=None, document=document, recipients=[agencies[BTG]])
    assert not Packet.objects.exists()
    assert code_of(agencies[BTG])
