"""Tasks from a plan's "Tổ chức thực hiện" section: proposed from its text, confirmed by the clerk."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from doimoi.core.views import require_rule
from doimoi.directives import plan_tasks, services
from doimoi.directives.forms.answers import PlanTasksForm, TaskRowFormSet
from doimoi.directives.forms.common import units_on
from doimoi.directives.models import Assignment
from doimoi.directives.views.assignments import back
from doimoi.directives.views.common import assignment_of, run, status
from doimoi.documents import selectors as documents
from doimoi.documents.models import Document
from doimoi.organizations.models import Unit
from doimoi.workdays import calendar

DEFAULT_WORKING_DAYS = 20


def _below(a: Assignment, day: datetime.date) -> QuerySet[Unit]:
    return units_on(Unit.objects.get_descendants(a.unit), day).order_by("path")


def _proposals(plan: Document, units: QuerySet[Unit], a: Assignment) -> list[dict[str, Any]]:
    candidates = [plan_tasks.Candidate(u.pk, u.name, u.kind, u.depth - a.unit.depth) for u in units]
    due = calendar.add_working_days(plan.date or timezone.localdate(), DEFAULT_WORKING_DAYS)
    return [
        {
            "include": bool(p.unit_ids),
            "number": p.number,
            "title": p.heading,
            "units": p.unit_ids,
            "description": p.body,
            "deliverable": "",
            "due_date": due,
        }
        for p in plan_tasks.propose_for(plan.text, candidates)
    ]


def _specs(rows: Any) -> list[services.TaskSpec]:
    return [
        services.TaskSpec(
            unit=unit,
            title=row["title"],
            description=row["description"],
            deliverable=row["deliverable"],
            due_date=row["due_date"],
            number=row["number"],
        )
        for row in rows.cleaned_data
        if row.get("include")
        for unit in row["units"]
    ]


def _plan(request: HttpRequest, a: Assignment) -> Document | None:
    chosen = str(
        request.POST.get("plan") or request.GET.get("ke_hoach") or a.plan_document_id or ""
    )
    if not chosen.isdigit():
        return None
    return documents.document_list(viewer=request.user, issuer=a.unit).filter(pk=chosen).first()


@require_rule("directives.act_on_assignment", assignment_of)
def plan_tasks_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Propose the tasks the unit's plan names, matched to units below it; the clerk confirms."""
    a = assignment_of(request, pk)
    form = PlanTasksForm(
        request.POST or None,
        viewer=request.user,
        assignment=a,
        initial={"sent_on": timezone.localdate()},
    )
    plan = _plan(request, a)
    if plan is not None:
        form.initial["plan"] = plan.pk
    units = _below(a, plan.date if plan and plan.date else timezone.localdate())
    initial = _proposals(plan, units, a) if plan is not None and request.method != "POST" else []
    rows = TaskRowFormSet(
        request.POST or None, prefix="nv", initial=initial, form_kwargs={"units": units}
    )
    valid_rows = request.method == "POST" and rows.is_valid()
    done = valid_rows and run(
        request,
        form,
        lambda: services.plan_tasks_assign(
            actor=request.user,
            assignment=a,
            plan=form.cleaned_data["plan"],
            tasks=_specs(rows),
            sent_on=form.cleaned_data["sent_on"],
        ),
        _("Đã giao nhiệm vụ cho các đơn vị."),
    )
    if done:
        return back(a)
    context = {"form": form, "rows": rows, "a": a, "plan": plan}
    return render(request, "directives/plan_tasks.html", context, status=status(request))
