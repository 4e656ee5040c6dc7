"""The outreach start page (plans), recording a plan from its document, and a plan's page where
the clerk confirms the parts proposed from its text."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from doimoi.core.errors import ApplicationError
from doimoi.core.views import require_rule
from doimoi.documents.selectors import document_list
from doimoi.organizations.models import Unit
from doimoi.organizations.scope import scope_of
from doimoi.outreach import selectors, services
from doimoi.outreach.forms import PlanCreateForm
from doimoi.outreach.models import PLAN_ROLES, Form, Plan
from doimoi.outreach.services.plans import AssignmentSpec, ItemSpec, Proposal


@require_rule("outreach.view_outreach")
def index(request: HttpRequest) -> HttpResponse:
    """The plans the user sees, with the way to log, import and look at coverage."""
    plans = selectors.plan_list(viewer=request.user).prefetch_related("items")
    can_plan = request.user.is_superuser or bool(scope_of(request.user).paths(PLAN_ROLES))
    return render(request, "outreach/index.html", {"plans": plans, "can_plan": can_plan})


def _plan_units(request: HttpRequest) -> list[Unit]:
    return [
        u
        for u in selectors.log_units(viewer=request.user)
        if request.user.has_perm("outreach.create_plan", u)
    ]


@require_rule("outreach.view_outreach")
def plan_create(request: HttpRequest) -> HttpResponse:
    """Follow a plan document (ingested or composed) as a unit's dissemination plan."""
    documents = document_list(viewer=request.user).filter(type_code="KH")
    units = _plan_units(request)
    form = PlanCreateForm(request.POST or None, documents=documents, units=units)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            plan = services.plan_create(actor=request.user, **data)
        except ApplicationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(
                request, _("Đã ghi nhận kế hoạch; hãy xác nhận nội dung, hình thức và phân công.")
            )
            return redirect("outreach:plan_detail", pk=plan.pk)
    return render(
        request, "outreach/plan_create.html", {"form": form}, status=400 if form.errors else 200
    )


def _parts_from_post(request: HttpRequest, plan: Plan) -> Proposal:
    """The parts the clerk kept (checked), with the texts as corrected on the page."""
    post = request.POST
    items = [ItemSpec(number=i.number, text=post.get(f"item-{i.pk}-text", i.text), group=i.group)
             for i in plan.items.all() if post.get(f"item-{i.pk}")]  # fmt: skip
    forms = list(Form.objects.filter(pk__in=[v for v in post.getlist("forms") if v.isdigit()]))
    assignments = [AssignmentSpec(number=a.number, heading=a.heading, body=a.body, units=list(a.units.all()))
                   for a in plan.assignments.prefetch_related("units") if post.get(f"assignment-{a.pk}")]  # fmt: skip
    return Proposal(items=items, forms=forms, assignments=assignments)


@require_rule("outreach.view_outreach")
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A plan's parts; its clerk confirms those proposed from the text."""
    plan = get_object_or_404(
        Plan.objects.restrict(request.user).select_related("document", "unit"), pk=pk
    )
    can_change = request.user.has_perm("outreach.change_plan", plan)
    errors: list[str] = []
    if request.method == "POST" and can_change:
        try:
            services.plan_confirm(
                actor=request.user, plan=plan, parts=_parts_from_post(request, plan)
            )
        except ApplicationError as error:
            errors = error.messages
        else:
            messages.success(request, _("Đã xác nhận kế hoạch."))
            return redirect("outreach:plan_detail", pk=plan.pk)
    context = {
        "plan": plan,
        "can_change": can_change,
        "errors": errors,
        "all_forms": Form.objects.filter(active=True),
        "chosen_forms": set(plan.forms.values_list("pk", flat=True)),
        "assignments": plan.assignments.prefetch_related("units"),
    }
    return render(request, "outreach/plan_detail.html", context, status=400 if errors else 200)
