"""Read Vietnamese party and state documents: number, type, issuer, date, signer, citations.

A pure library (no Django): ``parse(text_or_bytes)`` gives the first document of a text,
``parse_all`` every document in it, ``normalize`` the cleaned text the parser reads, ``decode_bytes`` the text of a file in any
encoding offices use. Each document carries its ``span`` (lines of the cleaned text), its own
``text`` and the ``nesting`` of the documents it cites ("Hướng dẫn 78 … thực hiện Kết luận 14").
"""

from doimoi.vbparse.decode import decode_bytes
from doimoi.vbparse.model import Document, Recipient, Reference
from doimoi.vbparse.normalize import normalize
from doimoi.vbparse.parser import parse, parse_all

__all__ = [
    "Document",
    "Recipient",
    "Reference",
    "decode_bytes",
    "normalize",
    "parse",
    "parse_all",
]
