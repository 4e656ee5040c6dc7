"""The "Số liệu định kỳ" page: a unit's figures for a period, compared across the units below
(tables and SVG charts, printable), exported as XLSX, and drafted into a report."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doimoi.core.views import require_rule
from doimoi.documents.selectors import register_units
from doimoi.reporting import drafting
from doimoi.reporting.forms import FiguresForm
from doimoi.reporting.periodic import charts
from doimoi.reporting.periodic.draft import Report, report
from doimoi.reporting.periodic.exports import report_xlsx
from doimoi.reporting.periodic.periods import Period, custom, period_of

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CHARTS = [
    ("submitted", _("Đề xuất được gửi người đứng đầu")),
    ("protected", _("Kết luận bảo vệ cán bộ")),
    ("received", _("Văn bản chỉ đạo được giao")),
    ("overdue", _("Việc quá hạn chưa hoàn thành")),
    ("outreach_activities", _("Hoạt động tuyên truyền")),
    ("outreach_participants", _("Lượt người tham dự")),
]
# the charts of each topic
CHARTED = {
    "kl14": {"submitted", "protected", "received", "overdue"},
    "directive": {"received", "overdue"},
    "outreach": {"outreach_activities", "outreach_participants"},
}


def _period(data: dict[str, Any]) -> Period:
    if data["period"] == "custom":
        return custom(data["start"], data["end"])
    day: datetime.date = data.get("day") or timezone.localdate()
    return period_of(data["period"], day)


def _report(request: HttpRequest, form: FiguresForm) -> Report | None:
    if not form.is_valid():
        return None
    data = form.cleaned_data
    unit, topic = data["unit"], data["topic"]
    if not request.user.has_perm("reporting.view_figures", unit):
        raise PermissionDenied
    directive = None
    if topic == "directive" and data.get("directive"):
        directive = drafting.directive_find(request.user, data["directive"])
        if directive is None:
            form.add_error(
                "directive",
                _("Không tìm thấy văn bản chỉ đạo %(ref)s trong phạm vi được xem.")
                % {"ref": data["directive"]},
            )
            return None
    return report(request.user, unit, _period(data), topic, directive)


def _charts(r: Report) -> list[str]:
    shown = [(k, t) for k, t in CHARTS if k in CHARTED.get(r.topic, CHARTED["kl14"])]
    return [charts.bar_chart(str(title), key, r.below) for key, title in shown] if r.below else []


def _compose_fields(r: Report) -> dict[str, Any]:
    """What the compose page starts from: the report template, this report's title and body."""
    values = drafting.initial(r.unit, "report", None, timezone.localdate())
    return values | {"unit": r.unit.pk, "template": "report", "title": r.title, "body": r.body}


@require_rule("reporting.view_figures")
def figures_page(request: HttpRequest) -> HttpResponse:
    """Figures of a unit's subtree for a period, the units below compared; XLSX on request."""
    form = FiguresForm(request.GET or None, units=register_units(viewer=request.user))
    r = _report(request, form)
    if r is not None and request.GET.get("dinh_dang") == "xlsx":
        response = HttpResponse(report_xlsx(r), content_type=XLSX)
        name = f"so-lieu-{r.period.start:%Y%m%d}-{r.period.end:%Y%m%d}.xlsx"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    composing = r is not None and drafting.units_for(request.user).filter(pk=r.unit.pk).exists()
    context = {
        "form": form,
        "report": r,
        "charts": _charts(r) if r else [],
        "compose": _compose_fields(r) if r is not None and composing else None,
    }
    return render(request, "reporting/figures.html", context, status=400 if form.errors else 200)
