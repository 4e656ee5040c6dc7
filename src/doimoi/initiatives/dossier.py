"""The protection dossier: everything that establishes good faith, each item with its ledger hash.

It is built from the case's ledger events themselves (what was recorded is what is printed), as
DOCX with python-docx, and as PDF by LibreOffice (``soffice --headless --convert-to pdf``).
"""

from __future__ import annotations

import datetime
import io
import subprocess
import tempfile
from pathlib import Path

from django.utils import timezone
from django.utils.translation import gettext as _
from docx import Document
from docx.document import Document as DocxDocument
from docx.shared import Pt

from doimoi.initiatives.dossier_text import SECTIONS, event_lines
from doimoi.initiatives.models import Case
from doimoi.ledger import checkpoints, registry
from doimoi.ledger.models import LedgerEvent
from doimoi.ledger.selectors import event_list_for

MAX_EVENTS = 10_000


class ConversionError(RuntimeError):
    """LibreOffice did not produce a PDF."""


def case_events(case: Case) -> list[LedgerEvent]:
    """Every ledger event recorded on ``case``, in order."""
    return list(event_list_for(subject=case, limit=MAX_EVENTS))


def _local(moment: datetime.datetime) -> str:
    return timezone.localtime(moment).strftime("%d/%m/%Y %H:%M")


def _hash_line(doc: DocxDocument, event: LedgerEvent) -> None:
    run = doc.add_paragraph().add_run(f"#{event.seq} SHA-256: {event.hash}")
    run.font.name = "DejaVu Sans Mono"
    run.font.size = Pt(7.5)


def _header(doc: DocxDocument, case: Case, head: LedgerEvent | None) -> None:
    doc.add_heading(_("HỒ SƠ BẢO VỆ CÁN BỘ NĂNG ĐỘNG, SÁNG TẠO"), level=0)
    facts = [
        (_("Đề xuất"), case.title),
        (_("Người đề xuất"), case.proposer.full_name),
        (_("Đơn vị công tác"), case.unit.name),
        (_("Đơn vị xem xét, quyết định"), case.decider.name if case.decider else "—"),
        (_("Chế độ áp dụng"), str(case.rule_set)),
        (_("Trạng thái"), case.get_state_display()),
        (_("Lập hồ sơ lúc"), _local(timezone.now())),
    ]
    for label, value in facts:
        doc.add_paragraph(f"{label}: {value}")
    if head is not None:
        doc.add_paragraph(
            _("Mã băm cuối của sổ cái khi lập hồ sơ (sự kiện #%(seq)s):") % {"seq": head.seq}
        )
        _hash_line(doc, head)


def _section(doc: DocxDocument, title: str, items: list[LedgerEvent]) -> None:
    doc.add_heading(title, level=1)
    if not items:
        doc.add_paragraph(_("Không có."))
        return
    for event in items:
        heading = (
            f"{_local(event.occurred_at)} — {registry.label(event.action)} — {event.actor_label}"
        )
        doc.add_paragraph().add_run(heading).bold = True
        for line in event_lines(event):
            doc.add_paragraph(line, style="List Bullet")
        _hash_line(doc, event)


def _verification(doc: DocxDocument, all_events: list[LedgerEvent]) -> None:
    doc.add_heading(_("Danh mục sự kiện của hồ sơ và cách kiểm chứng"), level=1)
    for event in all_events:
        doc.add_paragraph(f"{_local(event.occurred_at)} — {registry.label(event.action)}")
        _hash_line(doc, event)
    doc.add_paragraph(
        _(
            "Cách kiểm chứng: mỗi sự kiện trên được ghi vào sổ cái của hệ thống với mã băm SHA-256 "
            "tính trên toàn bộ nội dung của sự kiện và mã băm của sự kiện liền trước. Chạy lệnh "
            "«doimoi ledger verify» trên máy chủ: lệnh phải báo sổ cái toàn vẹn. Sau đó đối chiếu "
            "số thứ tự và mã băm của từng sự kiện trong hồ sơ này với sổ cái; chỉ cần một chữ trong "
            "nội dung bị sửa, mã băm sẽ không còn khớp."
        )
    )


def build_docx(case: Case) -> bytes:
    """The dossier of ``case`` as a DOCX file."""
    all_events = case_events(case)
    doc = Document()
    doc.styles["Normal"].font.name = "Times New Roman"
    doc.styles["Normal"].font.size = Pt(12)
    head = LedgerEvent.objects.order_by("-seq").first()
    if head is not None:  # the head printed in the dossier is also written down outside the DB
        checkpoints.record_head(head.seq, head.hash, f"dossier initiatives.case:{case.pk}")
    _header(doc, case, head)
    for title, verbs in SECTIONS:
        _section(doc, str(title), [e for e in all_events if e.action in verbs])
    _verification(doc, all_events)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def docx_to_pdf(content: bytes, timeout: int = 120) -> bytes:
    """Convert DOCX bytes to PDF with LibreOffice, in a temporary folder with its own profile
    (so conversions may run side by side and leave nothing behind)."""
    with tempfile.TemporaryDirectory(prefix="doimoi-dossier-") as tmp:
        folder = Path(tmp)
        source = folder / "dossier.docx"
        source.write_bytes(content)
        command = [
            "soffice",
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            tmp,
            str(source),
        ]
        result = subprocess.run(command, capture_output=True, timeout=timeout, check=False)
        target = folder / "dossier.pdf"
        if not target.exists():
            raise ConversionError(result.stderr.decode(errors="replace")[-500:])
        return target.read_bytes()


def build_pdf(case: Case) -> bytes:
    """The dossier of ``case`` as PDF."""
    return docx_to_pdf(build_docx(case))


def file_name(case: Case, extension: str) -> str:
    return f"ho-so-bao-ve-de-xuat-{case.pk}.{extension}"
