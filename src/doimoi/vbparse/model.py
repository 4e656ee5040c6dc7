"""What a parsed document is: its metadata, with a confidence per field and the repairs made."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

FIELDS = (
    "kind",
    "number",
    "symbol",
    "type_code",
    "type",
    "issuer",
    "parent_issuer",
    "place",
    "date",
    "title",
    "signing_authority",
    "signer_title",
    "signer_name",
    "recipients",
    "confidentiality",
    "urgency",
    "references",
)
RELATION_STRENGTH = {"implements": 3, "basis": 2, "forwards": 1, "cites": 0}


@dataclass
class Recipient:
    """One line of "Kính gửi" or "Nơi nhận"; ``for_report`` marks an upward copy "(b/c)"."""

    name: str
    for_report: bool = False

    def to_dict(self) -> dict[str, Any]:
        """The recipient as a plain dict."""
        return {"name": self.name, "for_report": self.for_report}


@dataclass
class Reference:
    """Another document cited in the text, with the relation its sentence gives it."""

    type: str | None
    type_code: str | None
    number: str | None
    symbol: str
    date: str | None = None
    issuer: str | None = None
    relation: str = "cites"

    @property
    def key(self) -> tuple[str, str]:
        """What identifies the cited document within one text: number and symbol."""
        return (self.number or "", self.symbol.upper())

    def upgrade(self, relation: str) -> None:
        """Take a relation if it is stronger than the one held."""
        if RELATION_STRENGTH[relation] > RELATION_STRENGTH[self.relation]:
            self.relation = relation

    def merge(self, other: Reference) -> None:
        """Fold a later mention into this one: stronger relation wins, gaps are filled."""
        self.upgrade(other.relation)
        self.date = self.date or other.date
        self.issuer = self.issuer or other.issuer
        self.type = self.type or other.type
        self.type_code = self.type_code or other.type_code

    def to_dict(self) -> dict[str, Any]:
        """The reference as a plain dict."""
        return {
            "type": self.type,
            "type_code": self.type_code,
            "number": self.number,
            "symbol": self.symbol,
            "date": self.date,
            "issuer": self.issuer,
            "relation": self.relation,
        }


@dataclass
class Document:
    """The metadata of one party or state document read from its text."""

    kind: str | None = None
    number: str | None = None
    symbol: str | None = None
    type_code: str | None = None
    type: str | None = None
    issuer: str | None = None
    parent_issuer: str | None = None
    place: str | None = None
    date: str | None = None
    title: str | None = None
    signing_authority: str | None = None
    signer_title: str | None = None
    signer_name: str | None = None
    recipients: list[Recipient] = field(default_factory=list)
    confidentiality: str | None = None
    urgency: str | None = None
    references: list[Reference] = field(default_factory=list)
    confidence: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    # Where this document sits in the cleaned text of its file (first line, end line), its own
    # cleaned text, and the relations its text states between the documents it cites.
    signers: list[dict[str, str | None]] = field(default_factory=list)
    span: tuple[int, int] = (0, 0)
    text: str = ""
    nesting: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The document as plain JSON-ready data, with exactly the agreed keys."""
        data: dict[str, Any] = {}
        for name in FIELDS:
            value = getattr(self, name)
            if name in ("recipients", "references"):
                value = [item.to_dict() for item in value]
            data[name] = value
        data["confidence"] = {name: round(self.confidence.get(name, 0.0), 2) for name in FIELDS}
        data["warnings"] = list(self.warnings)
        data["signers"] = [dict(signer) for signer in self.signers]
        data["span"] = list(self.span)
        data["nesting"] = [dict(pair) for pair in self.nesting]
        return data

    def set(self, name: str, value: Any, confidence: float) -> None:
        """Set a field with how sure the parser is of it (0 when the value is missing)."""
        setattr(self, name, value)
        self.confidence[name] = confidence if value not in (None, "", []) else 0.0
