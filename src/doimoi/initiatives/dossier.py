"""The protection dossier: an official document of the deciding unit (party or state layout, laid
out by the composer), whose body gathers everything that establishes good faith, section by
section, and whose annex lists every ledger event with its hash, so it can be verified.

It is built from the case's ledger events themselves (what was recorded is what is printed). As
downloaded it is a draft; ``services.dossier_issue`` gives it the number of the deciding unit's
outgoing register and keeps it, with its Word file and PDF, as that unit's document.
"""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from doimoi import compose
from doimoi.compose.convert import ConversionError, docx_to_pdf
from doimoi.compose.names import (
    collective_authority,
    default_place,
    official_name,
    signing_title,
    superior_line,
)
from doimoi.initiatives.dossier_text import SECTIONS, event_lines
from doimoi.initiatives.models import Case
from doimoi.ledger import checkpoints, registry
from doimoi.ledger.models import LedgerEvent
from doimoi.ledger.selectors import event_list_for
from doimoi.organizations.models import Membership, Role, Unit, UnitKind

MAX_EVENTS = 10_000

__all__ = [
    "ConversionError",
    "build_docx",
    "build_pdf",
    "case_events",
    "composition",
    "file_name",
    "issuing_unit",
]


def case_events(case: Case) -> list[LedgerEvent]:
    """Every ledger event recorded on ``case``, in order."""
    return list(event_list_for(subject=case, limit=MAX_EVENTS))


def _local(moment: datetime.datetime) -> str:
    return timezone.localtime(moment).strftime("%d/%m/%Y %H:%M")


def _facts(case: Case, head: LedgerEvent | None) -> list[str]:
    facts = [
        (_("Đề xuất"), case.title),
        (_("Người đề xuất"), case.proposer.full_name),
        (_("Đơn vị công tác"), case.unit.name),
        (_("Đơn vị xem xét, quyết định"), case.decider.name if case.decider else "—"),
        (_("Chế độ áp dụng"), str(case.rule_set)),
        (_("Trạng thái"), case.get_state_display()),
        (_("Lập hồ sơ lúc"), _local(timezone.now())),
    ]
    lines = [f"{label}: {value}." for label, value in facts]
    if head is not None:
        lines.append(
            _("Mã băm cuối của sổ cái khi lập hồ sơ (sự kiện #%(seq)s): %(hash)s.")
            % {"seq": head.seq, "hash": head.hash}
        )
    return lines


def _item(line: str) -> str:
    """A payload line as a list item: "- " at the first level, "+ " below it (as offices write
    sub-items), instead of the indentation spaces a justified paragraph would stretch."""
    text = line.lstrip(" ")
    return f"{'+' if len(text) < len(line) else '-'} {text}"


def _section(title: str, items: list[LedgerEvent]) -> compose.Section:
    if not items:
        return compose.Section(title, [_("Không có.")])
    paragraphs = []
    for event in items:
        paragraphs.append(
            f"{_local(event.occurred_at)} — {registry.label(event.action)} — {event.actor_label}"
            f" (#{event.seq})."
        )
        paragraphs += [_item(line) for line in event_lines(event)]
    return compose.Section(title, paragraphs)


def _annex(all_events: list[LedgerEvent]) -> list[compose.Section]:
    rows = [
        f"#{e.seq} — {_local(e.occurred_at)} — {registry.label(e.action)} — SHA-256: {e.hash}"
        for e in all_events
    ]
    how = _(
        "Cách kiểm chứng: mỗi sự kiện trên được ghi vào sổ cái của hệ thống với mã băm SHA-256 "
        "tính trên toàn bộ nội dung của sự kiện và mã băm của sự kiện liền trước. Chạy lệnh "
        "«doimoi ledger verify» trên máy chủ: lệnh phải báo sổ cái toàn vẹn. Sau đó đối chiếu "
        "số thứ tự và mã băm của từng sự kiện trong hồ sơ này với sổ cái; chỉ cần một chữ trong "
        "nội dung bị sửa, mã băm sẽ không còn khớp."
    )
    command = _("Lệnh kiểm chứng: %(command)s") % {"command": "doimoi ledger verify"}
    return [
        compose.Section(_("Danh mục sự kiện của hồ sơ và cách kiểm chứng"), [*rows, how, command])
    ]


def _signature(unit: Unit) -> compose.Signature:
    head = (
        Membership.objects.active(timezone.localdate())
        .filter(unit=unit, role=Role.HEAD)
        .select_related("person")
        .first()
    )
    state = unit.kind == UnitKind.STATE_BODY
    return compose.Signature(
        authority="" if state else collective_authority(unit),
        title=signing_title(head.position_title) if head else ("Thủ trưởng" if state else "Bí thư"),
        name=head.person.full_name if head else "",
    )


def issuing_unit(case: Case) -> Unit:
    """The unit whose dossier it is: the one that decides on the case (else the proposer's)."""
    return case.decider or case.unit


def composition(case: Case, day: datetime.date | None = None) -> compose.Composition:
    """The dossier of ``case`` as the composer prints it, dated ``day`` (today); a draft, with no
    number, until ``dossier_issue`` numbers it from the unit's register."""
    unit = issuing_unit(case)
    state = unit.kind == UnitKind.STATE_BODY
    all_events = case_events(case)
    with override("vi"):  # an official document is written in Vietnamese
        head = LedgerEvent.objects.order_by("-seq").first()
        if head is not None:  # the head printed in the dossier is also written down outside the DB
            checkpoints.record_head(head.seq, head.hash, f"dossier initiatives.case:{case.pk}")
        sections = [_section(str(t), [e for e in all_events if e.action in v]) for t, v in SECTIONS]
        return compose.Composition(
            kind="state" if state else "party",
            type_name="Báo cáo",
            type_code="BC",
            issuer=official_name(unit),
            issuer_code=unit.code,
            superior="" if state else superior_line(Unit.objects.get_parent(unit)),
            place=default_place(unit),
            date=day or timezone.localdate(),
            title=f"hồ sơ bảo vệ cán bộ năng động, sáng tạo đối với đề xuất «{case.title}»",
            opening=_facts(case, head),
            sections=sections,
            recipients=[compose.Recipient(f"Đồng chí {case.proposer.full_name}")],
            archive="VT" if state else "Văn phòng",
            signature=_signature(unit),
            annex_title=_("Phụ lục: sổ cái sự kiện"),
            annex=_annex(all_events),
        )


def build_docx(case: Case) -> bytes:
    """The dossier of ``case`` as a DOCX file."""
    return compose.render_docx(composition(case))


def build_pdf(case: Case) -> bytes:
    """The dossier of ``case`` as PDF."""
    return docx_to_pdf(build_docx(case))


def file_name(case: Case, extension: str) -> str:
    return f"ho-so-bao-ve-de-xuat-{case.pk}.{extension}"
