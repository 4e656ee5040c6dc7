"""What leaves the app: the urging dispatch (DOCX, numbered), the XLSX export, reminders by mail."""

from __future__ import annotations

import datetime
import io
from typing import Any

import pytest
from docx import Document as read_docx
from openpyxl import load_workbook

from doimoi.background.worker import drain
from doimoi.core.errors import ApplicationError
from doimoi.directives import selectors, services
from doimoi.directives.models import Directive, Notification
from doimoi.directives.output.urging_doc import urging_docx
from doimoi.directives.output.xlsx import cascade_xlsx
from doimoi.documents.models import OutgoingEntry
from doimoi.documents.services import store
from doimoi.organizations.models import Unit
from tests.directives.conftest import WARDS, of, unit
from tests.directives.docx_text import docx_lines

D = datetime.date
pytestmark = pytest.mark.django_db


def _urge(persona: Any, directive: Directive) -> Any:
    return services.urging_issue(
        actor=persona("vanthu.baoloc"),
        directive=directive,
        sender=unit("Thành ủy Bảo Lộc"),
        reply_by=D(2022, 6, 10),
        place="Bảo Lộc",
        authority="T/M BAN THƯỜNG VỤ",
        signer_title="Bí thư",
        signer_name="Trần Minh Khải",
    )


def test_urging_dispatch_is_numbered_stored_and_laid_out(
    cascade: Directive, ward_plan: Any, persona: Any, ledger_probe: Any, at: Any
) -> None:
    with at(2022, 5, 23):
        services.assignment_answer(
            actor=None, assignment=of(cascade, WARDS[0]), kind="plan", document=ward_plan
        )
        urging = _urge(persona, cascade)
    assert urging.reference == "01-CV/ThU"
    assert [i["unit"] for i in urging.late_units] == [WARDS[1], WARDS[2]]  # phường 1 answered
    assert (
        OutgoingEntry.objects.get(unit=unit("Thành ủy Bảo Lộc"), symbol="01-CV/ThU").document
        == urging.document
    )
    assert urging.document.reference == "01-CV/ThU" and urging.document.date == D(2022, 5, 23)
    ledger_probe.assert_recorded("directives.urging.issued", urging)
    kept = urging.document.copies.exclude(stored_file=None).get().stored_file
    assert kept.original_name == "cong-van-don-doc-01-CV-ThU.docx"  # its PDF: after the commit
    assert docx_lines(store.read(kept)) == docx_lines(urging_docx(urging))
    lines = docx_lines(urging_docx(urging))
    for expected in (
        "ĐẢNG BỘ TỈNH LÂM ĐỒNG",
        "THÀNH ỦY BẢO LỘC",
        "*",
        "Số 01-CV/ThU",
        "V/v đôn đốc thực hiện Kế hoạch số 70-KH/ThU",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Bảo Lộc, ngày 23 tháng 5 năm 2022",
        "Nơi nhận:",
        "T/M BAN THƯỜNG VỤ",
        "BÍ THƯ",
        "Trần Minh Khải",
    ):
        assert expected in lines, expected
    body = "\n".join(lines)
    assert "Kính gửi:\n- Đảng ủy phường Lộc Phát;\n- Đảng ủy xã Đại Lào." in body
    assert "chưa ban hành kế hoạch thực hiện (hạn 20/05/2022)" in body
    assert "Đảng ủy phường 1:" not in body


def test_urging_docx_page_and_type(cascade: Directive, persona: Any, at: Any) -> None:
    with at(2022, 5, 23):
        document = read_docx(io.BytesIO(urging_docx(_urge(persona, cascade))))
    section = document.sections[0]
    sizes = (section.page_width, section.left_margin, section.right_margin)
    assert [round(x.mm) for x in sizes] == [210, 30, 15]  # A4, margins in twips
    assert document.styles["Normal"].font.name == "Times New Roman"
    date_run = next(
        r
        for t in document.tables
        for c in t.rows[0].cells
        for p in c.paragraphs
        for r in p.runs
        if r.text.startswith("Bảo Lộc, ngày")
    )
    assert date_run.font.italic


def test_no_urging_when_nobody_is_late(cascade: Directive, persona: Any, at: Any) -> None:
    with at(2022, 5, 10), pytest.raises(ApplicationError) as error:
        _urge(persona, cascade)
    assert "sender" in error.value.message_dict
    assert not OutgoingEntry.objects.filter(unit=unit("Thành ủy Bảo Lộc")).exists()


def test_xlsx_export_reads_back(cascade: Directive, persona: Any) -> None:
    scope = selectors.Scope(cascade, persona("vanthu.baoloc"))
    book = load_workbook(io.BytesIO(cascade_xlsx(scope, today=D(2022, 5, 23))))
    assert book.sheetnames == ["Tổng hợp", "Đơn vị", "Nhiệm vụ"]
    summary = list(book["Tổng hợp"].iter_rows(values_only=True))
    assert summary[-1][:2] == ("Tổng cộng", 3) and summary[-1][7] == 3  # three received, three late
    units = list(book["Đơn vị"].iter_rows(values_only=True))
    assert sorted(r[0] for r in units[1:]) == sorted(WARDS)
    assert "Ban hành kế hoạch thực hiện (20/05/2022)" in units[1][11]


def test_reminders_before_and_after_each_deadline_once(
    cascade: Directive, persona: Any, mailoutbox: Any, django_capture_on_commit_callbacks: Any
) -> None:
    head = persona("bithu.phuong1")
    head.email = "phuong1@example.vn"
    head.save()
    with django_capture_on_commit_callbacks(execute=True):
        assert (
            services.reminders_send(day=D(2022, 5, 17)) > 0
        )  # plan due 20/5: within 3 working days
        assert services.reminders_send(day=D(2022, 5, 17)) == 0  # the same day again: nothing new
        services.reminders_send(day=D(2022, 5, 23))  # after the deadline
    drain()
    mine = list(Notification.objects.filter(user=head).values_list("message", flat=True))
    assert any(m.startswith("Sắp đến hạn ban hành kế hoạch thực hiện (20/05/2022)") for m in mine)
    assert any(m.startswith("Quá hạn ban hành kế hoạch thực hiện (20/05/2022)") for m in mine)
    subjects = [m.subject for m in mailoutbox]
    assert (
        sum("Sắp đến hạn" in s for s in subjects) == 1
        and sum("Quá hạn" in s for s in subjects) == 1
    )


def test_reminder_command_runs_daily(cascade: Directive) -> None:
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("directives_remind", "--day", "2022-05-17", stdout=out)
    assert "thông báo nhắc hạn" in out.getvalue()
    assert Notification.objects.filter(key__endswith=":before").exists()


@pytest.mark.parametrize("name", ["=1+2", "+SUM(A1:A3)", "-2+3", "@cmd", '=HYPERLINK("x")'])
def test_xlsx_export_writes_formula_like_text_as_text(
    cascade: Directive, persona: Any, name: str
) -> None:
    """A unit named "=1+2" is a name, not a live formula (issue 10, finding 7)."""
    Unit.objects.filter(name=WARDS[0]).update(name=name)
    scope = selectors.Scope(cascade, persona("vanthu.baoloc"))
    book = load_workbook(io.BytesIO(cascade_xlsx(scope, today=D(2022, 5, 23))))
    cells = [c for row in book["Đơn vị"].iter_rows() for c in row if c.value == name]
    assert cells, "the unit's name is in the export"
    assert all(c.data_type == "s" for c in cells)
