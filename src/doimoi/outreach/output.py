"""The outreach tables as XLSX (through the composer's workbook writer, like every table doimoi
exports): the activities, and every table of a coverage page."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _

from doimoi.compose.sheets import Book
from doimoi.outreach.models import Activity
from doimoi.outreach.selectors import Coverage, Figures


def _dmy(day: object) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


def activities_xlsx(activities: Iterable[Activity]) -> bytes:
    book = Book()
    header = [_("Ngày"), _("Đơn vị"), _("Hình thức"), _("Tên hoạt động"), _("Kế hoạch"),
              _("Cán bộ"), _("Đảng viên"), _("Nhân dân"), _("Lượt tiếp cận"), _("Số phải dự"),
              _("Số tham dự"), _("Địa điểm"), _("Đường dẫn")]  # fmt: skip
    rows = [
        [_dmy(a.held_on), a.unit.name, a.form.name, a.title,
         a.plan.document.reference if a.plan else "", a.cadres, a.party_members, a.people,
         a.audience, a.expected if a.study else "", a.attended if a.study else "", a.place, a.link]
        for a in activities
    ]  # fmt: skip
    book.sheet(_("Hoạt động"), header, rows)
    return book.save()


def _figures(f: Figures) -> list[object]:
    pct = f.coverage_pct
    return [f.activities, f.participants, f.audience, f.sessions, f.attended, f.expected,
            "" if pct is None else pct]  # fmt: skip


def _figure_header() -> list[str]:
    return [_("Hoạt động"), _("Người tham dự"), _("Lượt tiếp cận"), _("Buổi quán triệt"),
            _("Số tham dự quán triệt"), _("Số phải dự"), _("Tỷ lệ tham dự (%)")]  # fmt: skip


def coverage_xlsx(cov: Coverage) -> bytes:
    """Every table of the coverage page, one sheet each."""
    book = Book()
    figure_header = _figure_header()
    book.sheet(_("Đơn vị trực thuộc"), [_("Đơn vị"), *figure_header],
               [[r.unit.name, *_figures(r.figures)] for r in cov.children])  # fmt: skip
    book.sheet(_("Hình thức"), [_("Hình thức"), *figure_header],
               [[form.name, *_figures(f)] for form, f in cov.forms])  # fmt: skip
    if cov.plan is not None:
        book.sheet(_("Nội dung"), [_("Mục"), _("Nội dung"), _("Hoạt động"), _("Người tham dự"),
                                   _("Lượt tiếp cận")],
                   [[i.number, i.text, f.activities, f.participants, f.audience] for i, f in cov.items])  # fmt: skip
        book.sheet(_("Đơn vị được giao"), [_("Đơn vị"), _("Đã tổ chức quán triệt")],
                   [[u.name, _("Có") if held else _("Chưa")] for u, held in cov.assigned])  # fmt: skip
    book.sheet(_("Theo tháng"), [_("Tháng"), *figure_header],
               [[f"{m:%m/%Y}", *_figures(f)] for m, f in cov.months])  # fmt: skip
    return book.save()
