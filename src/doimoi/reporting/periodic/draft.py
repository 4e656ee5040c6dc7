"""The draft of a periodic report (sơ kết): the sections a sơ kết has, figures filled in from the
data, judgements left to the author and marked; tables as "| … |" rows the composer prints."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from doimoi.compose.model import AUTHOR_MARK
from doimoi.compose.names import official_name
from doimoi.organizations.models import Unit
from doimoi.reporting.periodic.figures import (
    DIRECTIVE_ROWS,
    OUTREACH_ROWS,
    UnitFigures,
    children_of,
    mechanism_rows,
    unit_figures,
)
from doimoi.reporting.periodic.periods import Period

KL14 = "Kết luận số 14-KL/TW, ngày 22/9/2021 của Bộ Chính trị"
# what a report of each topic implements (the topic "directive" with one directive: that one)
BASIS = {
    "kl14": KL14,
    "directive": "văn bản chỉ đạo của cấp trên",
    "outreach": "chỉ đạo của cấp trên về công tác tuyên truyền, học tập, quán triệt",
}
SUBJECTS = {
    "kl14": f"thực hiện {KL14}",
    "directive": "thực hiện văn bản chỉ đạo",
    "outreach": "công tác tuyên truyền, học tập, quán triệt",
}


@dataclass
class Table:
    """One table of the report: a title, the header, the rows."""

    key: str
    title: str
    header: list[str]
    rows: list[list[Any]]


@dataclass
class Report:
    """A periodic report's figures and its draft text."""

    unit: Unit
    period: Period
    topic: str
    total: UnitFigures
    below: list[UnitFigures]
    tables: list[Table]
    title: str
    body: str


def _rows(keys: list[tuple[str, str]], total: UnitFigures, below: list[UnitFigures]) -> Table:
    header = ["Chỉ tiêu", *(official_name(f.unit) for f in below), "Tổng số"]
    rows = [[label, *(f[key] for f in below), total[key]] for key, label in keys]
    return Table("", "", header, rows)


def tables(topic: str, total: UnitFigures, below: list[UnitFigures]) -> list[Table]:
    """The report's tables: one per topic's figures, units below as columns."""
    out = []
    if topic == "kl14":
        t = _rows(mechanism_rows(), total, below)
        t.key, t.title = "kl14", "Đề xuất đổi mới, sáng tạo và bảo vệ cán bộ"
        out.append(t)
    if topic != "outreach":
        t = _rows(DIRECTIVE_ROWS, total, below)
        t.key, t.title = "directives", "Thực hiện văn bản chỉ đạo"
        out.append(t)
    t = _rows(OUTREACH_ROWS, total, below)
    t.key, t.title = "outreach", "Tuyên truyền, học tập, quán triệt"
    out.append(t)
    return out


def _situation(f: UnitFigures, name: str, period: Period, topic: str) -> list[str]:
    """The figures of section I: the directives received (not for dissemination alone) and the
    dissemination done."""
    span = f"Trong {period.label} (từ ngày {period.start:%d/%m/%Y} đến ngày {period.end:%d/%m/%Y})"
    if topic == "outreach":
        return [f"{span}, {name} và các đơn vị trực thuộc {_outreach_fact(f)}"]
    return [
        f"{span}, {name} và các đơn vị trực thuộc nhận {f['received']} văn bản "
        f"chỉ đạo phải thực hiện; đã hoàn thành {f['done']} (đúng hạn {f['on_time']}, trễ hạn "
        f"{f['late']}); đến cuối kỳ còn {f['overdue']} việc quá hạn chưa hoàn thành.",
        f"Công tác tuyên truyền: {_outreach_fact(f)}",
    ]


def _results(f: UnitFigures, topic: str) -> list[str]:
    """The figures of section II (the 14-KL/TW mechanism's, for that topic)."""
    lines: list[str] = []
    if topic == "kl14":
        lines += [
            f"1. Tiếp nhận, xem xét đề xuất: {f['submitted']} đề xuất đổi mới, sáng tạo được gửi "
            f"người đứng đầu; có quyết định cho thực hiện {f['approved']}, cho thí điểm "
            f"{f['pilots']}, không phê duyệt {f['rejected']}.",
            f"2. Tổ chức thực hiện: cuối kỳ có {f['running']} đề xuất đang thực hiện, thí điểm; "
            f"{f['suspended']} quyết định tạm dừng.",
            f"3. Đánh giá kết quả: {f['evaluated']} đề xuất được đánh giá.",
            f"4. Bảo vệ cán bộ: {f['protected']} kết luận bảo vệ cán bộ.",
            f"5. Nhân rộng, khen thưởng: {f['models']} mô hình được công nhận, {f['adoptions']} "
            f"lượt nhân rộng, {f['rewards']} trường hợp được khen thưởng, khuyến khích.",
        ]
    return lines


def _outreach_fact(f: UnitFigures) -> str:
    """The dissemination sentence; the attendance rate is figured from the counts."""
    text = (
        f"tổ chức {f['outreach_activities']} hoạt động tuyên truyền với "
        f"{f['outreach_participants']} lượt người tham dự, {f['outreach_audience']} lượt tiếp "
        f"cận; {f['outreach_sessions']} buổi học tập, quán triệt"
    )
    if f["outreach_expected"]:
        rate = f"{100 * f['outreach_attended'] / f['outreach_expected']:.1f}".replace(".", ",")
        text += (
            f" với {f['outreach_attended']}/{f['outreach_expected']} đảng viên tham dự ({rate} %)"
        )
    return text + "."


def _table_lines(table: Table) -> list[str]:
    def line(row: list[Any]) -> str:
        return "| " + " | ".join(str(c) for c in row) + " |"

    return [f"Bảng: {table.title}.", line(table.header), *(line(r) for r in table.rows)]


def body(
    unit: Unit,
    period: Period,
    topic: str,
    total: UnitFigures,
    tabs: list[Table],
    basis: str = "",
) -> str:
    """The draft body: figures filled in, judgements marked for the author."""
    name = official_name(unit)
    situation = _situation(total, name, period, topic)
    lines = [
        f"Thực hiện {basis or BASIS.get(topic, BASIS['kl14'])}, {name} báo cáo kết quả "
        f"{period.label} như sau:",
        "I. TÌNH HÌNH TRIỂN KHAI",
        *situation,
        f"{AUTHOR_MARK} Nhận xét việc quán triệt, cụ thể hóa, tuyên truyền: «…».",
        "II. KẾT QUẢ ĐẠT ĐƯỢC",
        *_results(total, topic),
        f"{AUTHOR_MARK} Đánh giá chung về kết quả: «…».",
    ]
    lines += [line for t in tabs for line in _table_lines(t)]
    lines += [
        "III. HẠN CHẾ, NGUYÊN NHÂN",
        f"{AUTHOR_MARK} Hạn chế: «…».",
        f"{AUTHOR_MARK} Nguyên nhân khách quan, chủ quan: «…».",
        "IV. NHIỆM VỤ THỜI GIAN TỚI",
        f"{AUTHOR_MARK} «…».",
        "V. ĐỀ XUẤT, KIẾN NGHỊ",
        f"{AUTHOR_MARK} «…».",
    ]
    return "\n".join(lines)


def cited(directive: Any) -> str:
    """ "Công văn số 1335-CV/TU, ngày 16/03/2022 của Tỉnh ủy Lâm Đồng": the directive's document."""
    doc = directive.document
    issuer = official_name(doc.issuer_unit) if doc.issuer_unit else doc.issuer_name
    text = f"{doc.type_name or 'Văn bản'} số {doc.reference}"
    text += f", ngày {doc.date:%d/%m/%Y}" if doc.date else ""
    return f"{text} của {issuer}" if issuer else text


def report(
    viewer: Any, unit: Unit, period: Period, topic: str = "kl14", directive: Any = None
) -> Report:
    """The figures of ``unit``'s subtree and of each unit directly below it, and the draft; for
    the topic "directive" with ``directive``, that directive's assignments only."""
    directive = directive if topic == "directive" else None
    total = unit_figures(viewer, unit, period, topic, directive)
    below = [unit_figures(viewer, u, period, topic, directive) for u in children_of(unit)]
    tabs = tables(topic, total, [f for f in below if any(f.counts.values())])
    basis = cited(directive) if directive is not None else ""
    subject = f"thực hiện {basis}" if basis else SUBJECTS.get(topic, SUBJECTS["kl14"])
    title = f"sơ kết {period.label} {subject}"
    text = body(unit, period, topic, total, tabs, basis)
    return Report(unit, period, topic, total, below, tabs, title, text)
