"""The coverage pages: one plan's, or all plans' of a period, over a unit's subtree; charts drawn
on the server (SVG), every table in XLSX."""

from __future__ import annotations

import datetime

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _

from doimoi.core import charts
from doimoi.core.templatetags.doimoi_format import number, percent
from doimoi.core.views import require_rule
from doimoi.organizations.models import Unit
from doimoi.organizations.scope import scope_of
from doimoi.organizations.selectors import units_of_user
from doimoi.outreach import selectors
from doimoi.outreach.forms import CoverageFilter
from doimoi.outreach.models import Form, Plan
from doimoi.outreach.output import coverage_xlsx
from doimoi.outreach.selectors import Coverage, month_start
from doimoi.outreach.views.common import xlsx_response


def _month_end(month: datetime.date) -> datetime.date:
    return (month + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)


def _root(request: HttpRequest, plan: Plan | None) -> Unit:
    """The subtree asked (``?don-vi=``), else the plan's unit, else the user's first unit."""
    value = request.GET.get("don-vi", "")
    if value.isdigit():
        unit = Unit.objects.filter(pk=int(value)).first()
        if unit is None or not scope_of(request.user).covers(unit):
            raise Http404
        return unit
    scope = scope_of(request.user)
    if plan is not None and scope.covers(plan.unit):
        return plan.unit
    mine = [u for u in units_of_user(user=request.user) if scope.covers(u)]
    if mine:
        return mine[0]
    roots = list(Unit.objects.get_root_nodes()) if request.user.is_superuser else []
    if not roots:
        raise Http404
    return roots[0]


def _period(form: CoverageFilter, plan: Plan | None) -> tuple[datetime.date, datetime.date]:
    today = timezone.localdate()
    if plan is not None:
        start, end = plan.starts_on, min(plan.ends_on, today)
    else:
        start, end = month_start(today - datetime.timedelta(days=150)), today
    data = form.cleaned_data if form.is_valid() else {}
    start = data.get("tu") or month_start(start)
    end = _month_end(data["den"]) if data.get("den") else _month_end(month_start(max(end, start)))
    return start, end


def _charts(cov: Coverage) -> list[str]:
    out = []
    rows = [(r.unit.name, r.figures.coverage_pct or 0.0,
             percent(r.figures.coverage_pct) if r.figures.expected else _("chưa tổ chức"))
            for r in cov.children if r.unit.member_count or r.figures.expected]  # fmt: skip
    if rows:
        out.append(charts.bars(_("Tỷ lệ đảng viên tham dự học tập, quán triệt theo đơn vị trực thuộc"),
                               rows, top=100))  # fmt: skip
    out.append(charts.bars(_("Số hoạt động theo đơn vị trực thuộc"),
                           [(r.unit.name, r.figures.activities, number(r.figures.activities))
                            for r in cov.children]))  # fmt: skip
    labels = [f"{m:%m/%Y}" for m, _f in cov.months]
    out.append(charts.line(_("Số hoạt động theo tháng"),
                           list(zip(labels, [f.activities for _m, f in cov.months], strict=True))))  # fmt: skip
    out.append(charts.line(_("Người tham dự và lượt tiếp cận theo tháng"),
                           list(zip(labels, [f.participants + f.audience for _m, f in cov.months], strict=True))))  # fmt: skip
    used = [form for form, _f in cov.forms]
    series = [(form.name, [cov.month_forms.get(m, {}).get(form.pk, 0) for m, _f in cov.months])
              for form in used]  # fmt: skip
    if series:
        out.append(charts.stacked(_("Hoạt động theo hình thức, từng tháng"), labels, series))
    return out


def _page(request: HttpRequest, plan: Plan | None) -> HttpResponse:
    form = CoverageFilter(request.GET or None)
    root = _root(request, plan)
    start, end = _period(form, plan)
    cov = selectors.coverage(viewer=request.user, root=root, plan=plan, start=start, end=end)
    if cov is None:
        raise Http404
    if request.GET.get("dinh_dang") == "xlsx":
        return xlsx_response(coverage_xlsx(cov), "bao-phu-tuyen-truyen.xlsx")
    ancestors = [u for u in Unit.objects.get_ancestors(root) if scope_of(request.user).covers(u)]
    context = {
        "plan": plan,
        "cov": cov,
        "filter": form,
        "charts": _charts(cov),
        "ancestors": ancestors,
        "forms": Form.objects.all(),
        "query": request.GET.copy(),
    }
    return render(request, "outreach/coverage.html", context, status=400 if form.errors else 200)


@require_rule("outreach.view_outreach")
def plan_coverage(request: HttpRequest, pk: int) -> HttpResponse:
    """One plan's coverage over a subtree and months."""
    plan = get_object_or_404(
        Plan.objects.restrict(request.user).select_related("document", "unit"), pk=pk
    )
    return _page(request, plan)


@require_rule("outreach.view_outreach")
def coverage_all(request: HttpRequest) -> HttpResponse:
    """All plans' (and every activity's) coverage over a subtree and months."""
    return _page(request, None)
