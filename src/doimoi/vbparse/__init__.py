"""Read Vietnamese party and state documents: number, type, issuer, date, signer, citations.

A pure library (no Django): ``parse(text_or_bytes)`` gives the first document of a text,
``parse_all`` every document in it, ``normalize`` the cleaned text the parser reads.
"""

from doimoi.vbparse.model import Document, Recipient, Reference
from doimoi.vbparse.normalize import normalize
from doimoi.vbparse.parser import parse, parse_all

__all__ = ["Document", "Recipient", "Reference", "normalize", "parse", "parse_all"]
