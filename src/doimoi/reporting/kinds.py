"""The office's document templates: implementing plan, forwarding dispatch, urging letter,
decision, report. Each fills a composition from a context (who issues, what it answers);
the body is plain text the author edits, with «…» placeholders and judgements marked for them.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from doimoi import compose
from doimoi.compose.model import AUTHOR_MARK

HEADING = re.compile(r"^(?:[IVX]+|[A-Z])\.\s+\S")


@dataclass
class Source:
    """The document a template answers ("Công văn số 1335-CV/TU, ngày 16/3/2022 của …")."""

    type_name: str
    reference: str
    date: datetime.date | None
    issuer: str
    title: str = ""
    points: list[str] = field(default_factory=list)

    def cited(self) -> str:
        text = f"{self.type_name} số {self.reference}"
        if self.date:
            text += f", ngày {self.date.day:02d}/{self.date.month:02d}/{self.date.year}"
        return f"{text} của {self.issuer}" if self.issuer else text


@dataclass
class Context:
    """Who issues, when, who signs, what the document answers, and what the author changed."""

    kind: str
    issuer: str
    issuer_code: str
    place: str
    day: datetime.date
    signer_title: str
    signer_name: str
    authority: str = ""
    superior: str = ""
    body_name: str = ""
    source: Source | None = None
    recipients: list[compose.Recipient] = field(default_factory=list)
    kinh_gui: list[str] = field(default_factory=list)
    title: str = ""
    body: str = ""
    reference: str = ""
    option: str = ""

    @property
    def who(self) -> str:
        return self.body_name or self.issuer


@dataclass(frozen=True)
class Template:
    """One kind of document the office writes."""

    key: str
    label: str
    type_name: str
    party_code: str
    state_code: str
    title: Callable[[Context], str]
    body: Callable[[Context], str]


def _src(ctx: Context) -> str:
    return ctx.source.cited() if ctx.source else "«văn bản cấp trên»"


def _points(ctx: Context) -> list[str]:
    points = ctx.source.points if ctx.source and ctx.source.points else []
    if not points:
        return ["1. «Nhiệm vụ thứ nhất, đơn vị chủ trì, thời hạn»."]
    return [f"{i}. {p}" for i, p in enumerate(points, start=1)]


def _plan_body(ctx: Context) -> str:
    return "\n".join(
        [
            f"Thực hiện {_src(ctx)}, {ctx.who} ban hành Kế hoạch thực hiện như sau:",
            "I. MỤC ĐÍCH, YÊU CẦU",
            f"1. Quán triệt, triển khai đầy đủ, nghiêm túc nội dung {_src(ctx)} đến cán bộ, "
            "đảng viên trong đảng bộ.",
            "2. Xác định rõ nhiệm vụ, đơn vị chủ trì, thời hạn hoàn thành; bảo đảm thiết thực, "
            "hiệu quả, phù hợp với tình hình của đơn vị.",
            "II. NHIỆM VỤ, GIẢI PHÁP",
            *_points(ctx),
            "III. TỔ CHỨC THỰC HIỆN",
            "1. Các cấp ủy, tổ chức đảng trực thuộc căn cứ Kế hoạch này xây dựng kế hoạch "
            "thực hiện phù hợp với đơn vị.",
            f"2. Văn phòng theo dõi, đôn đốc, tổng hợp kết quả, báo cáo {ctx.who}.",
            "IV. CHẾ ĐỘ BÁO CÁO",
            "Định kỳ 6 tháng, các đơn vị báo cáo kết quả thực hiện về Văn phòng "
            "«trước ngày …» để tổng hợp, báo cáo cấp trên.",
        ]
    )


def _forward_body(ctx: Context) -> str:
    return "\n".join(
        [
            f"Thực hiện {_src(ctx)}"
            + (f" {ctx.source.title}" if ctx.source and ctx.source.title else "")
            + ".",
            f"{ctx.who} sao gửi văn bản trên tới các đơn vị, đề nghị các đơn vị quán triệt, "
            "triển khai thực hiện nghiêm túc, phù hợp với điều kiện, tình hình của đơn vị; "
            f"báo cáo kết quả về {ctx.issuer} «trước ngày …».",
        ]
    )


def _urging_body(ctx: Context) -> str:
    return "\n".join(
        [
            f"Thực hiện {_src(ctx)}, {ctx.issuer} đã yêu cầu các đơn vị triển khai thực hiện "
            "và báo cáo kết quả.",
            "Đến nay, các đơn vị sau chưa thực hiện đúng thời hạn: «tên đơn vị, việc còn thiếu».",
            f"{ctx.who} đề nghị các đơn vị nêu trên khẩn trương thực hiện, báo cáo kết quả về "
            f"{ctx.issuer} «trước ngày …».",
        ]
    )


DECISION_OPTIONS = {
    "approve": "cho thực hiện đề xuất đổi mới, sáng tạo",
    "pilot": "cho thực hiện thí điểm đề xuất đổi mới, sáng tạo",
    "suspend": "tạm dừng thực hiện đề xuất đổi mới, sáng tạo",
    "protection": "kết luận bảo vệ cán bộ thực hiện đề xuất đổi mới, sáng tạo",
}


def _decision_title(ctx: Context) -> str:
    return f"về việc {DECISION_OPTIONS.get(ctx.option, DECISION_OPTIONS['approve'])} «tên đề xuất»"


def _decision_body(ctx: Context) -> str:
    what = DECISION_OPTIONS.get(ctx.option, DECISION_OPTIONS["approve"])
    return "\n".join(
        [
            "Căn cứ Kết luận số 14-KL/TW, ngày 22/9/2021 của Bộ Chính trị và Nghị định số "
            "73/2023/NĐ-CP, ngày 29/9/2023 của Chính phủ;",
            "Căn cứ Kế hoạch đề xuất «tên đề xuất» của đồng chí «họ tên», nhận ngày «…»;",
            f"Điều 1. {what[:1].upper() + what[1:]} «tên đề xuất» «phạm vi, thời hạn».",
            "Điều 2. «Nguồn lực, điều kiện, chỉ tiêu, điều kiện dừng».",
            "Điều 3. Đồng chí «họ tên» và các cơ quan, đơn vị liên quan chịu trách nhiệm thi "
            "hành quyết định này.",
        ]
    )


def _report_title(ctx: Context) -> str:
    return f"sơ kết thực hiện {_src(ctx)}" if ctx.source else "sơ kết «chủ đề, kỳ báo cáo»"


def _report_body(ctx: Context) -> str:
    return "\n".join(
        [
            f"Thực hiện {_src(ctx)}, {ctx.who} báo cáo kết quả như sau:",
            "I. TÌNH HÌNH TRIỂN KHAI",
            "«Số liệu, việc đã làm».",
            "II. KẾT QUẢ ĐẠT ĐƯỢC",
            "«Số liệu, việc đã làm».",
            "III. HẠN CHẾ, NGUYÊN NHÂN",
            f"{AUTHOR_MARK} «Hạn chế và nguyên nhân».",
            "IV. NHIỆM VỤ THỜI GIAN TỚI",
            f"{AUTHOR_MARK} «Nhiệm vụ».",
            "V. ĐỀ XUẤT, KIẾN NGHỊ",
            f"{AUTHOR_MARK} «Đề xuất».",
        ]
    )


TEMPLATES: dict[str, Template] = {
    t.key: t
    for t in (
        Template(
            "plan",
            "Kế hoạch thực hiện văn bản cấp trên",
            "Kế hoạch",
            "KH",
            "KH",
            lambda ctx: f"thực hiện {_src(ctx)}",
            _plan_body,
        ),
        Template(
            "forward",
            "Công văn sao gửi",
            "Công văn",
            "CV",
            "",
            lambda ctx: f"sao gửi {_src(ctx)}",
            _forward_body,
        ),
        Template(
            "urging",
            "Công văn đôn đốc",
            "Công văn",
            "CV",
            "",
            lambda ctx: f"đôn đốc thực hiện {_src(ctx)}",
            _urging_body,
        ),
        Template(
            "decision",
            "Quyết định về đề xuất đổi mới, sáng tạo",
            "Quyết định",
            "QĐ",
            "QĐ",
            _decision_title,
            _decision_body,
        ),
        Template("report", "Báo cáo", "Báo cáo", "BC", "BC", _report_title, _report_body),
    )
}


def split_body(text: str) -> tuple[list[str], list[compose.Section]]:
    """Body text → opening paragraphs and sections (a line "I. …" starts a section; lines
    "| a | b |" are the rows of the section's table)."""
    opening: list[str] = []
    sections: list[compose.Section] = []
    for raw in text.splitlines():
        line = " ".join(raw.split())
        if not line:
            continue
        if line.startswith("|") and sections:
            sections[-1].table.append([c.strip() for c in line.strip("|").split("|")])
        elif HEADING.match(line):
            sections.append(compose.Section(line))
        elif sections:
            sections[-1].paragraphs.append(line)
        else:
            opening.append(line)
    return opening, sections


def type_code(template: Template, kind: str) -> str:
    return template.party_code if kind == "party" else template.state_code


def compose_from(template: Template, ctx: Context) -> compose.Composition:
    """The composition of ``template`` in the context, with the author's title and body if any."""
    opening, sections = split_body(ctx.body or template.body(ctx))
    return compose.Composition(
        kind=ctx.kind,
        type_name=template.type_name,
        type_code=type_code(template, ctx.kind),
        issuer=ctx.issuer,
        issuer_code=ctx.issuer_code,
        superior=ctx.superior,
        reference=ctx.reference,
        place=ctx.place,
        date=ctx.day,
        title=" ".join((ctx.title or template.title(ctx)).split()),
        opening=opening,
        sections=sections,
        kinh_gui=list(ctx.kinh_gui),
        recipients=list(ctx.recipients),
        archive="Văn phòng" if ctx.kind == "party" else "VT",
        signature=compose.Signature(
            authority=ctx.authority, title=ctx.signer_title, name=ctx.signer_name
        ),
    )
