"""What a composed document is: every component the layout prints, in the words it prints them."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from doimoi.compose.rules import Rules, rules_for

PARTY_MOTTO = "ĐẢNG CỘNG SẢN VIỆT NAM"
STATE_MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
STATE_MOTTO2 = "Độc lập - Tự do - Hạnh phúc"
AUTHOR_MARK = "[Người soạn nhận định]"


@dataclass
class Section:
    """A numbered part of the body ("I. MỤC ĐÍCH, YÊU CẦU"), its paragraphs, and a table printed
    after them (first row: the header)."""

    heading: str
    paragraphs: list[str] = field(default_factory=list)
    table: list[list[str]] = field(default_factory=list)


@dataclass
class Recipient:
    """A line of "Nơi nhận"; ``for_report`` prints "(b/c)": a superior receiving a report copy."""

    name: str
    for_report: bool = False


@dataclass
class Signature:
    """Who signs: authority ("on_behalf", "for", "by_order", "acting"; a line written out such as
    "T/M BAN THƯỜNG VỤ"; or "" to sign directly) with the body it names ("Ban Thường vụ"), the
    signer's title and name."""

    title: str
    name: str
    authority: str = ""
    authority_body: str = ""


@dataclass
class Composition:
    """A party or state document ready to print; ``reference`` is empty on a draft."""

    kind: str
    type_name: str
    type_code: str
    issuer: str
    issuer_code: str
    place: str
    date: datetime.date
    title: str
    signature: Signature
    superior: str = ""
    reference: str = ""
    opening: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    kinh_gui: list[str] = field(default_factory=list)
    recipients: list[Recipient] = field(default_factory=list)
    archive: str = ""
    annex_title: str = ""
    annex: list[Section] = field(default_factory=list)

    @property
    def rules(self) -> Rules:
        return rules_for(self.kind, self.date)

    @property
    def is_cong_van(self) -> bool:
        return self.type_name.strip().lower() == "công văn"

    @property
    def is_draft(self) -> bool:
        return not self.reference
