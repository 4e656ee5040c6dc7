"""Lay out a party or state document from metadata, the way offices print them.

Used by the format tests and the property tests: compose(meta) must parse back to meta.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

PARTY_MOTTO = "ĐẢNG CỘNG SẢN VIỆT NAM"
STATE_MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"


@dataclass
class Cited:
    """A document the composed body cites, and the sentence form that gives its relation."""

    type: str
    number: str
    symbol: str
    date: str | None
    issuer: str | None
    relation: str

    def written(self) -> str:
        party = "/" in self.symbol and not self.symbol[0].isdigit()
        number = f"{self.number}-{self.symbol}" if party else f"{self.number}/{self.symbol}"
        text = f"{self.type} số {number}"
        if self.date:
            day = date.fromisoformat(self.date)
            text += f", ngày {day.day:02d}/{day.month:02d}/{day.year}"
        if self.issuer:
            text += f" của {self.issuer}"
        return text


@dataclass
class Meta:
    """Everything the composer prints, in the form the parser is expected to return it."""

    kind: str
    number: str
    symbol: str
    type_code: str | None
    type: str
    issuer_upper: str
    issuer: str
    parent_upper: str | None
    parent: str | None
    place: str
    date: str
    title: str
    authority: str | None
    signer_title: str | None
    signer_name: str
    recipients: list[tuple[str, bool]] = field(default_factory=list)
    kinh_gui: list[str] = field(default_factory=list)
    confidentiality: str | None = None
    urgency: str | None = None
    references: list[Cited] = field(default_factory=list)
    layout: str = "stacked"
    padded_date: bool = True
    title_lines: int = 1

    @property
    def is_cong_van(self) -> bool:
        return self.type == "Công văn"

    def number_line(self) -> str:
        if self.kind == "party":
            return f"Số {self.number}-{self.symbol}"
        prefix = "Luật số" if self.type == "Luật" else "Số"
        return f"{prefix}: {self.number}/{self.symbol}"

    def date_line(self) -> str:
        day = date.fromisoformat(self.date)
        if self.padded_date:
            d, m = f"{day.day:02d}", f"{day.month:02d}" if day.month < 3 else str(day.month)
        else:
            d, m = str(day.day), str(day.month)
        return f"{self.place}, ngày {d} tháng {m} năm {day.year}"

    def expected(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "number": self.number,
            "symbol": self.symbol,
            "type_code": self.type_code,
            "type": self.type,
            "issuer": self.issuer,
            "parent_issuer": self.parent,
            "place": self.place,
            "date": self.date,
            "title": self.title,
            "signing_authority": self.authority,
            "signer_title": self.signer_title,
            "signer_name": self.signer_name,
            "recipients": [{"name": n, "for_report": r} for n, r in self._all_recipients()],
            "confidentiality": self.confidentiality,
            "urgency": self.urgency,
        }

    def _all_recipients(self) -> list[tuple[str, bool]]:
        return [(name, False) for name in self.kinh_gui] + self.recipients


def compose(meta: Meta) -> str:
    """The text of a document printed from its metadata."""
    lines = _header(meta) + _title(meta) + _kinh_gui(meta) + _body(meta) + _tail(meta)
    if meta.layout == "double_spaced":
        return "\n\n".join(lines) + "\n"
    return "\n".join(lines) + "\n"


def _header(meta: Meta) -> list[str]:
    issuer = [meta.parent_upper] if meta.parent_upper else []
    issuer.append(meta.issuer_upper)
    marks = [m.upper() for m in (meta.confidentiality, meta.urgency) if m]
    if meta.kind == "party":
        return _party_header(meta, issuer, marks)
    return _state_header(meta, issuer, marks)


def _party_header(meta: Meta, issuer: list[str], marks: list[str]) -> list[str]:
    if meta.layout == "two_column":
        first = f"{issuer[0]:<40}{PARTY_MOTTO}"
        rest = [*issuer[1:], "*"]
        rest[-1] = f"{rest[-1]:<40}{meta.date_line()}"
        return [first, *rest, meta.number_line(), *marks, ""]
    return [*issuer, "*", meta.number_line(), PARTY_MOTTO, meta.date_line(), *marks, ""]


def _state_header(meta: Meta, issuer: list[str], marks: list[str]) -> list[str]:
    if meta.layout == "two_column":
        first = f"{issuer[0]:<40}{STATE_MOTTO}"
        second = f"{issuer[1] if len(issuer) > 1 else '-------':<40}{TIEU_NGU}"
        number = f"{meta.number_line():<40}{meta.date_line()}"
        return [first, second, "-------", number, *marks, ""]
    return [
        *issuer,
        "-------",
        STATE_MOTTO,
        TIEU_NGU,
        "---------------",
        meta.number_line(),
        meta.date_line(),
        *marks,
        "",
    ]


def _title(meta: Meta) -> list[str]:
    words = meta.title.split()
    cut = len(words) // 2 if meta.title_lines == 2 and len(words) > 5 else len(words)
    lines = [" ".join(words[:cut]), " ".join(words[cut:])]
    lines = [line for line in lines if line]
    if meta.is_cong_van:
        return [*lines, ""]
    return [meta.type.upper(), *lines, "-----", ""]


def _kinh_gui(meta: Meta) -> list[str]:
    if not meta.kinh_gui:
        return []
    if len(meta.kinh_gui) == 1:
        return [f"Kính gửi: {meta.kinh_gui[0]}", ""]
    items = [f"- {name};" for name in meta.kinh_gui[:-1]] + [f"- {meta.kinh_gui[-1]}."]
    return ["Kính gửi:", *items, ""]


_OPENINGS = {
    "implements": "Thực hiện",
    "basis": "Căn cứ",
    "cites": "Tiếp tục quán triệt và gắn với",
}


def _body(meta: Meta) -> list[str]:
    lines = []
    for cited in meta.references:
        lines.append(f"{_OPENINGS[cited.relation]} {cited.written()}, các cơ quan, đơn vị")
        lines.append("tổ chức thực hiện nghiêm túc, hiệu quả.")
    lines += [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Nâng cao nhận thức, trách nhiệm của cán bộ, đảng viên trong thực hiện nhiệm vụ.",
        "",
    ]
    return lines


def _tail(meta: Meta) -> list[str]:
    recipients = [f"- {name}{' (b/c)' if report else ''}," for name, report in meta.recipients]
    signature = [line for line in (meta.authority, meta.signer_title) if line]
    if meta.layout == "two_column":
        left = ["Nơi nhận:", *recipients]
        right = [*signature, "", "", meta.signer_name]
        rows = max(len(left), len(right))
        left += [""] * (rows - len(left))
        right += [""] * (rows - len(right))
        return [f"{a:<50}{b}".rstrip() for a, b in zip(left, right, strict=True)]
    return ["Nơi nhận:", *recipients, "", *signature, "", "", meta.signer_name]
