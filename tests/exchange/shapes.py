"""Packets written by hand in the shapes the research note (edxml.md §2) saw in the hub's
samples: prefixed (edoc.edxml) and unprefixed (edoc_new.edxml and the hub's own messages),
each business kind, status packets, attachments zipped (or not), nested packets."""

from __future__ import annotations

import base64
import io
import zipfile

NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016"


def zipped(name: str, data: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, data)
    return buffer.getvalue()


def _organ(tag: str, code: str, name: str, p: str) -> str:
    return (
        f"<{p}{tag}><{p}OrganId>{code}</{p}OrganId>"
        f"<{p}OrganizationInCharge>Tỉnh ủy Lâm Đồng</{p}OrganizationInCharge>"
        f"<{p}OrganName>{name}</{p}OrganName><{p}OrganAdd>Lâm Đồng</{p}OrganAdd>"
        f"<{p}Email>vanthu@example.vn</{p}Email><{p}Telephone>0263</{p}Telephone>"
        f"<{p}Fax></{p}Fax><{p}Website></{p}Website></{p}{tag}>"
    )


def document_packet(
    *,
    prefixed: bool = True,
    sender: tuple[str, str] = ("000.00.01.T99", "Thành ủy Bảo Lộc"),
    to: tuple[str, str] = ("000.00.02.T99", "Ban Tuyên giáo Thành ủy Bảo Lộc"),
    number: str = "64",
    notation: str = "KH/ThU",
    date: str = "2022/05/04",
    type_name: str = "Kế hoạch",
    subject: str = "Triển khai thực hiện Kết luận số 14-KL/TW",
    signer: str = "Nguyễn Văn A",
    business: int = 0,
    target: str = "",
    replaced: str = "",
    attachments: list[tuple[str, bytes]] | None = None,
    zip_attachments: bool = True,
    document_id: str = "",
    signature_ns: bool = False,
) -> bytes:
    """A document packet; ``attachments`` are (name, bytes)."""
    p = "edXML:" if prefixed else ""
    did = document_id or f"{sender[0]},{date},{number}/{notation}"
    extra = ""
    if business == 2:
        extra = (
            f"<{p}BussinessDocumentInfo><{p}DocumentInfo>1</{p}DocumentInfo>"
            f"<{p}DocumentReceiver>1</{p}DocumentReceiver><{p}ReceiverList><{p}Receiver>"
            f"<{p}OrganId>{to[0]}</{p}OrganId><{p}ReceiverType>0</{p}ReceiverType>"
            f"</{p}Receiver></{p}ReceiverList></{p}BussinessDocumentInfo>"
        )
    if business == 3:
        extra = (
            f"<{p}ReplacementInfoList><{p}ReplacementInfo><{p}DocumentId>{replaced}</{p}DocumentId>"
            f"<{p}OrganIdList><{p}OrganId>{to[0]}</{p}OrganId></{p}OrganIdList>"
            f"</{p}ReplacementInfo></{p}ReplacementInfoList>"
        )
    response = ""
    if business == 1:
        response = (
            f"<{p}ResponseFor><{p}OrganId>{sender[0]}</{p}OrganId><{p}Code>{number}/{notation}"
            f"</{p}Code><{p}PromulgationDate>{date}</{p}PromulgationDate>"
            f"<{p}DocumentId>{target}</{p}DocumentId></{p}ResponseFor>"
        )
    business_id = f"<{p}DocumentId>{target}</{p}DocumentId>" if target and business else ""
    sig_ns = ' xmlns="http://www.w3.org/2000/09/xmldsig#"' if signature_ns else ""
    manifest, encoded = "", ""
    for index, (name, data) in enumerate(attachments or []):
        payload = zipped(name, data) if zip_attachments else data
        cid = f"cid:00000000-0000-0000-0000-00000000000{index}"
        fields = (
            f"<{p}ContentId>{cid}</{p}ContentId><{p}ContentType>application/zip</{p}ContentType>"
            f"<{p}Description>{name}</{p}Description><{p}AttachmentName>{name}</{p}AttachmentName>"
        )
        manifest += f"<{p}Reference>{fields}</{p}Reference>"
        # the prefix on Attachment varies in the samples: unprefixed under the default namespace
        encoded += (
            f"<Attachment>{fields}<{p}ContentTransferEncoded>"
            f"{base64.encodebytes(payload).decode()}</{p}ContentTransferEncoded></Attachment>"
        )
    envelope_ns = f' xmlns:edXML="{NS}"' if prefixed else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<edXML xmlns="{NS}"{envelope_ns}>'
        f"<{p}edXMLEnvelope{envelope_ns}><{p}edXMLHeader><{p}MessageHeader>"
        + _organ("From", *sender, p)
        + _organ("To", *to, p)
        + f"<{p}Code><{p}CodeNumber>{number}</{p}CodeNumber><{p}CodeNotation>{notation}"
        f"</{p}CodeNotation></{p}Code><{p}PromulgationInfo><{p}Place>Bảo Lộc</{p}Place>"
        f"<{p}PromulgationDate>{date}</{p}PromulgationDate></{p}PromulgationInfo>"
        f"<{p}DocumentType><{p}Type>1</{p}Type><{p}TypeDetail>0</{p}TypeDetail>"
        f"<{p}TypeName>{type_name}</{p}TypeName></{p}DocumentType>"
        f"<{p}Subject>{subject}</{p}Subject><{p}Content>{subject}</{p}Content>"
        f"<{p}SignerInfo><{p}Competence>T/M BAN THƯỜNG VỤ</{p}Competence>"
        f"<{p}Position>BÍ THƯ</{p}Position><{p}FullName>{signer}</{p}FullName></{p}SignerInfo>"
        f"<{p}DueDate>2022/06/10</{p}DueDate>"
        f"<{p}ToPlaces><{p}Place>Các đảng ủy trực thuộc</{p}Place><{p}Place>Lưu VP</{p}Place>"
        f"</{p}ToPlaces><{p}OtherInfo><{p}Priority>1</{p}Priority>"
        f"<{p}SphereOfPromulgation>Liên thông văn bản quốc gia</{p}SphereOfPromulgation>"
        f"<{p}TyperNotation>TVC</{p}TyperNotation><{p}PromulgationAmount>2</{p}PromulgationAmount>"
        f"<{p}PageAmount>3</{p}PageAmount><{p}Direction>false</{p}Direction>"
        f"<{p}Appendixes></{p}Appendixes></{p}OtherInfo>"
        + response
        + f"<{p}SteeringType>1</{p}SteeringType><{p}DocumentId>{did}</{p}DocumentId>"
        f"</{p}MessageHeader><{p}TraceHeaderList><{p}TraceHeader><{p}OrganId>{sender[0]}"
        f"</{p}OrganId><{p}Timestamp>2022/05/04 10:00:00</{p}Timestamp></{p}TraceHeader>"
        f"<{p}Bussiness><{p}BussinessDocType>{business}</{p}BussinessDocType>"
        f"<{p}BussinessDocReason>Văn bản điện tử</{p}BussinessDocReason>{business_id}"
        f"<{p}StaffInfo><{p}Department>Văn phòng</{p}Department><{p}Staff>Văn thư</{p}Staff>"
        f"</{p}StaffInfo><{p}Paper>0</{p}Paper>{extra}</{p}Bussiness></{p}TraceHeaderList>"
        f"<Signature{sig_ns}><SignedInfo><CanonicalizationMethod "
        'Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"/></SignedInfo>'
        "<SignatureValue>AAAA</SignatureValue></Signature>"
        f'</{p}edXMLHeader><{p}edXMLBody><{p}edXMLManifest version="1.0">{manifest}'
        f"</{p}edXMLManifest></{p}edXMLBody></{p}edXMLEnvelope>"
        f"<{p}AttachmentEncoded>{encoded}</{p}AttachmentEncoded></edXML>"
    ).encode("utf-8")


def status_packet(
    *,
    code: str,
    document_id: str,
    sender: tuple[str, str] = ("000.00.02.T99", "Ban Tuyên giáo Thành ủy Bảo Lộc"),
    prefixed: bool = False,
    description: str = "",
) -> bytes:
    p = "edXML:" if prefixed else ""
    envelope_ns = f' xmlns:edXML="{NS}"' if prefixed else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<edXML xmlns="{NS}">'
        f"<{p}edXMLEnvelope{envelope_ns}><{p}edXMLHeader><{p}MessageHeader>"
        + _organ("From", *sender, p)
        + f"<{p}ResponseFor><{p}OrganId>{document_id.split(',')[0]}</{p}OrganId>"
        f"<{p}Code>{document_id.split(',')[-1]}</{p}Code>"
        f"<{p}PromulgationDate>{document_id.split(',')[1]}</{p}PromulgationDate>"
        f"<{p}DocumentId>{document_id}</{p}DocumentId></{p}ResponseFor>"
        f"<{p}StaffInfo><{p}Department>Văn phòng</{p}Department><{p}Staff>Trần Thị B</{p}Staff>"
        f"<{p}Email></{p}Email><{p}Mobile></{p}Mobile></{p}StaffInfo>"
        f"<{p}StatusCode>{code}</{p}StatusCode><{p}Description>{description or code}"
        f"</{p}Description><{p}Timestamp>2022/05/05 08:30:00</{p}Timestamp>"
        f"</{p}MessageHeader></{p}edXMLHeader></{p}edXMLEnvelope></edXML>"
    ).encode("utf-8")
