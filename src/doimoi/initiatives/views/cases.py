"""Case pages: the list, a new draft, the plan editor with autosave, a case, its transitions."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doimoi.core.views import HtmxHttpRequest, link_parts, require_rule
from doimoi.initiatives import dossier, selectors, services, states
from doimoi.initiatives.deadlines import case_deadlines
from doimoi.initiatives.forms import FORMS, AttachmentForm, CaseCreateForm, PlanForm
from doimoi.initiatives.models import PLAN_FIELDS, Regime, RuleSet
from doimoi.initiatives.rules import case_roles
from doimoi.initiatives.states import CaseState
from doimoi.initiatives.views.common import get_case, run_form
from doimoi.organizations import selectors as org_selectors
from doimoi.organizations.models import Unit, UnitKind


@require_rule("initiatives.list_cases")
def case_list(request: HtmxHttpRequest) -> HttpResponse:
    """The cases the user may see, filtered by state and by words of the title."""
    state = request.GET.get("state", "")
    query = request.GET.get("q", "").strip()
    cases = selectors.case_rows(viewer=request.user, state=state, query=query)[:200]
    context = {
        "cases": cases,
        "state": state,
        "query": query,
        "state_options": state_options(get_language(), state),
        "can_create": request.user.has_perm("initiatives.create_case"),
    }
    context["case_head"], context["case_tail"] = link_parts("initiatives:case_detail")
    template = "initiatives/case_list.html"
    if request.htmx and not request.htmx.boosted:
        template += "#case_rows"
    return render(request, template, context)


@lru_cache(maxsize=64)
def _options(language: str, chosen: str) -> SafeString:
    rows = (
        (v, mark_safe(" selected") if v == chosen else "", label) for v, label in CaseState.choices
    )
    return format_html_join("", '<option value="{}"{}>{}</option>', rows)


def state_options(language: str, chosen: str) -> SafeString:
    """The state filter's options in ``language``, ``chosen`` selected: written once per
    (language, state) and kept (16 options through the template, their labels translated each
    time, cost the list page about 0.4 ms)."""
    return _options(language, chosen if chosen in CaseState.values else "")


@require_rule("initiatives.create_case")
def case_create(request: HttpRequest) -> HttpResponse:
    """Start a draft: the unit it comes from, the regime, a name."""
    units = org_selectors.units_of_user(user=request.user)
    rule_sets = selectors.rule_sets_in_force()
    form = CaseCreateForm(request.POST or None, units=units, rule_sets=rule_sets)
    if not form.is_bound:
        form.initial = _create_initial(request, units, rule_sets)
    case = run_form(form, lambda: services.case_create(actor=request.user, **form.cleaned_data))
    if case is not None:
        return redirect("initiatives:case_edit", pk=case.pk)
    status = 400 if form.is_bound else 200
    return render(request, "initiatives/case_create.html", {"form": form}, status=status)


def _create_initial(
    request: HttpRequest, units: list[Unit], rule_sets: list[RuleSet]
) -> dict[str, Any]:
    """The unit chosen in the switcher (or the first), and the regime its kind suggests."""
    chosen = next((u for u in units if u.pk == request.session.get("unit_id")), None)
    unit = chosen or (units[0] if units else None)
    regime = Regime.ND73 if unit is not None and unit.kind == UnitKind.STATE_BODY else Regime.KL14
    rule_set = next((r for r in rule_sets if r.regime == regime), None)
    return {"unit": unit, "rule_set": rule_set}


def _plan_initial(case: Any) -> dict[str, Any]:
    initial = {name: getattr(case, name) for name in PLAN_FIELDS}
    return initial | {"wide_scope": case.wide_scope, "co_proposers": list(case.co_proposers.all())}


@require_rule("initiatives.view_case", get_case)
def case_edit(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The plan editor; htmx posts each change as it is made (autosave)."""
    case = get_case(request, pk)
    if not states.allowed(case.state, "save_draft", case_roles(request.user, case)):
        raise PermissionDenied
    form = PlanForm(request.POST or None, initial=_plan_initial(case), case=case)
    saved = None
    if form.is_bound and request.htmx:  # autosave: an unchanged form is already saved
        saved = run_form(
            form, lambda: _autosave(request, case, form) if form.has_changed() else case
        )
    elif form.is_bound:  # the proposer's explicit save: one ledger event
        saved = run_form(form, lambda: _save(request, case, form))
    if request.htmx and form.is_bound:
        context = {"form": form, "case": case, "saved": saved, "now": timezone.now()}
        status = 200 if not form.errors else 400
        return render(request, "initiatives/case_edit.html#save_status", context, status=status)
    if saved is not None:
        messages.success(request, _("Đã lưu dự thảo."))
        return redirect("initiatives:case_edit", pk=case.pk)
    context = {"form": form, "case": case, "attachment_form": AttachmentForm()}
    return render(
        request, "initiatives/case_edit.html", context, status=400 if form.errors else 200
    )


def _autosave(request: HttpRequest, case: Any, form: PlanForm) -> Any:
    data = {name: form.cleaned_data[name] for name in form.changed_data}
    return services.draft_autosave(actor=request.user, case=case, data=data)


def _save(request: HttpRequest, case: Any, form: PlanForm) -> Any:
    data = {name: form.cleaned_data[name] for name in form.changed_data}
    return services.transition(actor=request.user, case=case, name="save_draft", data=data)


@require_rule("initiatives.view_case", get_case)
@require_POST
def case_attach(request: HttpRequest, pk: int) -> HttpResponse:
    """Attach a file to the draft."""
    case = get_case(request, pk)
    form = AttachmentForm(request.POST, request.FILES)
    added = run_form(
        form,
        lambda: services.attachment_add(
            actor=request.user, case=case, upload=form.cleaned_data["file"]
        ),
    )
    if added is not None:
        messages.success(request, _("Đã đính kèm %(name)s.") % {"name": added.name})
    else:
        errors = " ".join(str(e) for errs in form.errors.values() for e in errs)
        messages.error(request, errors or _("Chưa chọn tệp."))
    return redirect("initiatives:case_edit", pk=case.pk)


@require_rule("initiatives.view_case", get_case)
def case_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """A case: its state, what the viewer may do next, deadlines, records and timeline."""
    case = get_case(request, pk)
    context = {
        "case": case,
        "actions": selectors.allowed_transitions(viewer=request.user, case=case),
        "deadlines": case_deadlines(case),
        "records": selectors.case_records(case=case),
        "may_issue_dossier": case.state != CaseState.DRAFT
        and request.user.has_perm("documents.take_outgoing_number", dossier.issuing_unit(case)),
    }
    template = "initiatives/case_detail.html"
    if request.htmx and not request.htmx.boosted:
        template += "#state_panel"
    return render(request, template, context)


@require_rule("initiatives.view_case", get_case)
def case_transition(request: HttpRequest, pk: int, name: str) -> HttpResponse:
    """The form of one transition; on success, back to the case."""
    case = get_case(request, pk)
    spec = states.get(name)
    if spec is None or name == "save_draft":
        raise PermissionDenied
    if not states.allowed(case.state, name, case_roles(request.user, case)):
        raise PermissionDenied
    form = FORMS[name](request.POST or None, case=case, user=request.user)
    done = run_form(
        form,
        lambda: services.transition(
            actor=request.user, case=case, name=name, data=form.service_data()
        ),
    )
    if done is not None:
        messages.success(request, _("Đã thực hiện: %(action)s.") % {"action": spec.label})
        return redirect("initiatives:case_detail", pk=case.pk)
    context = {"case": case, "form": form, "spec": spec}
    status = 400 if form.is_bound else 200
    return render(request, "initiatives/transition_form.html", context, status=status)
