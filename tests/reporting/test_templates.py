"""Every template, party and state: composed, then read back by vbparse from the text and from
the Word file, gives the same number, symbol, type, issuer, date, title, signer and recipients
(acceptance 1); and every template's Word file follows the layout rules (acceptance 3)."""

from __future__ import annotations

import datetime
import io
import unicodedata
from typing import Any

import pdfplumber
import pytest
from docx import Document as open_docx

from doimoi import compose
from doimoi.compose import lines
from doimoi.compose.convert import available, docx_to_pdf
from doimoi.compose.model import PARTY_MOTTO, STATE_MOTTO
from doimoi.documents.extract.docx import read as docx_text
from doimoi.reporting.kinds import TEMPLATES, Context, Source, compose_from, type_code
from doimoi.vbparse import parse
from tests.conftest import require
from tests.reporting.layout import check_layout

TODAY = datetime.date.today()
SOURCE = Source(
    "Công văn",
    "1335-CV/TU",
    datetime.date(2022, 3, 16),
    "Ban Thường vụ Tỉnh ủy",
    points=["Quán triệt Kết luận 14-KL/TW.", "Khuyến khích cán bộ đề xuất ý tưởng mới."],
)
ISSUERS = {
    "party": ("Đảng ủy phường 1 Bảo Lộc", "ĐU", "ĐẢNG BỘ TỈNH LÂM ĐỒNG", "T/M BAN THƯỜNG VỤ"),
    "state": ("Sở Nội vụ", "SNV", "UBND TỈNH LÂM ĐỒNG", "KT. GIÁM ĐỐC"),
}
NOT_RECIPIENTS = ("Lưu", "Như kính gửi")


def _reference(kind: str, code: str, issuer: str) -> str:
    if kind == "party":
        return f"07-{code}/{issuer}"
    return f"07/{code}-{issuer}" if code else f"07/{issuer}-VP"


def _composition(key: str, kind: str, day: datetime.date = TODAY) -> compose.Composition:
    template = TEMPLATES[key]
    issuer, code, superior, authority = ISSUERS[kind]
    is_cv = template.type_name == "Công văn"
    ctx = Context(
        kind=kind,
        issuer=issuer,
        issuer_code=code,
        superior=superior,
        place="Lâm Đồng",
        day=day,
        signer_title="Phó Bí thư" if kind == "party" else "Phó Giám đốc",
        signer_name="Nguyễn Thị Minh Hạnh",
        authority=authority,
        source=SOURCE,
        option="pilot",
        reference=_reference(kind, type_code(template, kind), code),
        kinh_gui=["Các chi bộ trực thuộc", "Các đoàn thể phường"] if is_cv else [],
        recipients=[
            compose.Recipient("Ban Thường vụ Tỉnh ủy", for_report=True),
            compose.Recipient("Các đồng chí Ủy viên Ban Chấp hành"),
        ],
    )
    return compose_from(template, ctx)


def _expected(c: compose.Composition) -> dict[str, Any]:
    number, symbol = c.reference.split("-", 1) if c.kind == "party" else c.reference.split("/", 1)
    return {
        "number": number,
        "symbol": symbol,
        "type": c.type_name,
        "issuer": c.issuer,
        "date": c.date.isoformat(),
        "title": lines.cv_abstract(c) if c.is_cong_van else c.title,
        "signer_name": c.signature.name,
        "signer_title": c.signature.title.upper(),
        "recipients": [(n, False) for n in c.kinh_gui]
        + [(r.name, r.for_report) for r in c.recipients],
    }


def _read_back(text: str) -> dict[str, Any]:
    d = parse(text)
    return {
        "number": d.number,
        "symbol": d.symbol,
        "type": d.type,
        "issuer": d.issuer,
        "date": d.date,
        "title": d.title,
        "signer_name": d.signer_name,
        "signer_title": d.signer_title,
        "recipients": [
            (r.name, r.for_report) for r in d.recipients if not r.name.startswith(NOT_RECIPIENTS)
        ],
    }


CASES = [(key, kind) for key in TEMPLATES for kind in ("party", "state")]


@pytest.mark.parametrize(("key", "kind"), CASES)
def test_round_trip_from_the_text(key: str, kind: str) -> None:
    c = _composition(key, kind)
    assert _read_back(compose.plain_text(c)) == _expected(c)


@pytest.mark.parametrize(("key", "kind"), CASES)
def test_round_trip_from_the_word_file(key: str, kind: str) -> None:
    c = _composition(key, kind)
    assert _read_back(docx_text(compose.render_docx(c))) == _expected(c)


@pytest.mark.parametrize(("key", "kind"), CASES)
@pytest.mark.parametrize("day", [TODAY, datetime.date(2022, 3, 20)])
def test_layout_follows_the_rules_in_force(key: str, kind: str, day: datetime.date) -> None:
    c = _composition(key, kind, day)
    motto = PARTY_MOTTO if kind == "party" else STATE_MOTTO
    check_layout(compose.render_docx(c), c, motto, lines.date_line(c.place, c.date))


@pytest.mark.parametrize("kind", ["party", "state"])
def test_the_printed_header_keeps_the_motto_and_the_date_on_one_line_each(kind: str) -> None:
    require(available(), "LibreOffice (soffice) is not installed")
    c = _composition("plan", kind)
    with pdfplumber.open(io.BytesIO(docx_to_pdf(compose.render_docx(c)))) as pdf:
        text = unicodedata.normalize("NFC", pdf.pages[0].extract_text() or "")
    printed = text.splitlines()
    for line in (PARTY_MOTTO if kind == "party" else STATE_MOTTO, lines.date_line(c.place, c.date)):
        assert any(line in p for p in printed), (line, printed[:8])


def test_rule_set_is_chosen_by_the_date() -> None:
    assert compose.rules_for("party", datetime.date(2022, 3, 16)).name == "HD36-2018"
    assert compose.rules_for("party", datetime.date(2026, 5, 27)).name == "HD05-2026"
    assert compose.rules_for("state", datetime.date(2026, 12, 4)).name == "ND30-2020"
    old = _composition("forward", "party", datetime.date(2022, 3, 20))
    new = _composition("forward", "party", datetime.date(2026, 6, 1))
    assert lines.cv_abstract(old).startswith("V/v ") and lines.cv_abstract(new).startswith("Về ")


def test_a_draft_has_no_number_and_keeps_its_symbol() -> None:
    c = _composition("plan", "party")
    c.reference = ""
    assert lines.number_line(c) == "Số     -KH/ĐU"
    c = _composition("plan", "state")
    c.reference = ""
    assert lines.number_line(c) == "Số:     /KH-SNV"


@pytest.mark.parametrize("kind", ["party", "state"])
def test_a_report_with_a_table_round_trips_and_prints_the_table(kind: str) -> None:
    c = _composition("report", kind)
    c.sections[1].table = [["Chỉ tiêu", "Phường 1", "Tổng số"], ["Đề xuất", "3", "5"]]
    content = compose.render_docx(c)
    assert _read_back(docx_text(content)) == _expected(c)
    document = open_docx(io.BytesIO(content))
    grid = [t for t in document.tables if t.style.name == "Table Grid"]
    assert [[cell.text for cell in row.cells] for row in grid[0].rows] == c.sections[1].table
