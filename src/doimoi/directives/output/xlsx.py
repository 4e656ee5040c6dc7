"""The cascade as a workbook: the rollup by level, every unit's assignment, every task."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils.translation import gettext as _

from doimoi.compose.sheets import Book
from doimoi.directives.models import RequirementKind
from doimoi.directives.selectors import Scope, directive_summary, missing
from doimoi.directives.selectors.rollup import scoped_assignments, scoped_tasks
from doimoi.organizations.models import UnitLevel

LEVELS = dict(UnitLevel.choices)


def _d(day: datetime.date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


def _summary_rows(scope: Scope, today: datetime.date) -> list[list[Any]]:
    summary = directive_summary(scope, today=today)
    keys = [
        "received",
        "acknowledged",
        "plan",
        "forwarded",
        "reported",
        "done",
        "overdue",
        "on_time",
        "late",
    ]
    rows = [[str(row["label"]), *(row[k] for k in keys), row["rate"]] for row in summary.levels]
    total = summary.total
    return [*rows, [_("Tổng cộng"), *(total.get(k, 0) for k in keys), total.get("rate")]]


def _assignment_rows(scope: Scope, today: datetime.date) -> Any:
    qs = scoped_assignments(scope).select_related("unit", "sender").order_by("unit__path")
    for a in qs.iterator(chunk_size=2000):
        late = "; ".join(f"{RequirementKind(k).label} ({_d(due)})" for k, due in missing(a, today))
        yield [
            a.unit.name,
            str(LEVELS.get(a.unit.level, a.unit.level)),
            a.sender.name,
            a.get_state_display(),
            _d(a.received_on),
            _d(a.due_final),
            _d(a.plan_on),
            _d(a.forward_on),
            _d(a.study_on),
            _d(a.report_on),
            _d(a.done_on),
            late,
        ]


def _task_rows(scope: Scope) -> Any:
    qs = scoped_tasks(scope).select_related("unit", "sender").order_by("unit__path", "number")
    for t in qs.iterator(chunk_size=2000):
        yield [
            t.unit.name,
            t.sender.name,
            t.number,
            t.title,
            t.description,
            t.deliverable,
            _d(t.due_date),
            t.get_state_display(),
            _d(t.reported_on),
            _d(t.done_on),
        ]


def _headers() -> dict[str, list[str]]:
    """Column titles, translated when the workbook is made."""
    return {
        "summary": [
            _("Cấp"),
            _("Đã nhận"),
            _("Đã xác nhận"),
            _("Đã ban hành kế hoạch"),
            _("Đã sao gửi"),
            _("Đã báo cáo"),
            _("Hoàn thành"),
            _("Quá hạn"),
            _("Đúng hạn"),
            _("Trễ hạn"),
            _("Tỷ lệ hoàn thành (%)"),
        ],
        "units": [
            _("Đơn vị"),
            _("Cấp"),
            _("Đơn vị gửi"),
            _("Trạng thái"),
            _("Ngày nhận"),
            _("Hạn cuối"),
            _("Ngày ban hành kế hoạch"),
            _("Ngày sao gửi"),
            _("Ngày quán triệt"),
            _("Ngày báo cáo"),
            _("Ngày hoàn thành"),
            _("Quá hạn"),
        ],
        "tasks": [
            _("Đơn vị"),
            _("Đơn vị giao"),
            _("Mục"),
            _("Đơn vị được giao (như văn bản ghi)"),
            _("Nội dung"),
            _("Sản phẩm"),
            _("Hạn"),
            _("Trạng thái"),
            _("Ngày báo cáo"),
            _("Ngày hoàn thành"),
        ],
    }


def cascade_xlsx(scope: Scope, *, today: datetime.date) -> bytes:
    """The workbook of a directive's cascade as the viewer sees it."""
    book, headers = Book(), _headers()
    book.sheet(_("Tổng hợp"), headers["summary"], _summary_rows(scope, today), figures=True)
    book.sheet(_("Đơn vị"), headers["units"], _assignment_rows(scope, today))
    book.sheet(_("Nhiệm vụ"), headers["tasks"], _task_rows(scope))
    return book.save()
