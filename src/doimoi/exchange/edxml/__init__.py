"""edXML (QCVN 102:2016/BTTTT, amended by SĐ1:2022): the packets e-office systems exchange.

``read(data)`` turns a packet's bytes into a ``DocumentPacket`` or a ``StatusPacket`` (or raises
``BadPacket`` with a message for the person who sent it); ``write_document`` and ``write_status``
do the opposite. No database here. What is known of the format, with sources, is in
docs/guide/exchange.md (and the research note it cites).
"""

from doimoi.exchange.edxml.model import (
    BUSINESS_NEW,
    BUSINESS_REPLACE,
    BUSINESS_REVOKE,
    BUSINESS_UPDATE,
    NS,
    STATUS_CODES,
    Attachment,
    Business,
    DocumentPacket,
    Header,
    Organ,
    ResponseFor,
    StatusPacket,
    Trace,
    document_id,
)
from doimoi.exchange.edxml.reader import BadPacket, is_edxml, read
from doimoi.exchange.edxml.writer import write_document, write_status

__all__ = [
    "BUSINESS_NEW",
    "BUSINESS_REPLACE",
    "BUSINESS_REVOKE",
    "BUSINESS_UPDATE",
    "NS",
    "STATUS_CODES",
    "Attachment",
    "BadPacket",
    "Business",
    "DocumentPacket",
    "Header",
    "Organ",
    "ResponseFor",
    "StatusPacket",
    "Trace",
    "document_id",
    "is_edxml",
    "read",
    "write_document",
    "write_status",
]
