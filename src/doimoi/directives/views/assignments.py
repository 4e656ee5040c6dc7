"""An assignment's page and what its unit does with it: acknowledge, answer, forward, delegate."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doimoi.core import panels
from doimoi.core.errors import ApplicationError
from doimoi.core.views import require_rule
from doimoi.directives import selectors, services
from doimoi.directives.forms.answers import AnswerForm, ForwardForm
from doimoi.directives.forms.reports import ReportForm, ReviewForm
from doimoi.directives.models import Assignment
from doimoi.directives.states import AssignmentState
from doimoi.directives.views.common import assignment_of, assignment_page_of, run, status


def back(a: Assignment) -> HttpResponse:
    return redirect("directives:assignment_detail", pk=a.pk)


@require_rule("directives.view_assignment", assignment_page_of)
def assignment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """What a unit received, what it owes and by when, its answers, tasks, reports and history."""
    a = assignment_page_of(request, pk)
    user = request.user
    context: dict[str, Any] = {
        "a": a,
        "late": selectors.missing(a, timezone.localdate()),
        "milestones": selectors.milestones(a, timezone.localdate()),
        "can_act": user.has_perm("directives.act_on_assignment", a)
        and a.state != AssignmentState.DONE,
        "can_review": user.has_perm("directives.review_assignment", a),
        "review_form": ReviewForm(),
        "directive_document_open": a.directive.document.open,  # type: ignore[attr-defined]
        "received_document_open": a.distribution.document.open,  # type: ignore[attr-defined]
        **selectors.assignment_detail(a),
        "panels": panels.render("directives.assignment", request, a),
    }
    return render(request, "directives/assignment_detail.html", context)


@require_rule("directives.view_assignment", assignment_of)
def assignment_history(request: HttpRequest, pk: int) -> HttpResponse:
    """Every event recorded on the assignment (its page shows the latest few)."""
    context = {"a": assignment_of(request, pk)}
    return render(request, "directives/assignment_history.html", context)


@require_rule("directives.act_on_assignment", assignment_of)
@require_POST
def assignment_acknowledge(request: HttpRequest, pk: int) -> HttpResponse:
    """The unit confirms it received the directive."""
    a = assignment_of(request, pk)
    try:
        services.assignment_acknowledge(actor=request.user, assignment=a)
        messages.success(request, _("Đã xác nhận đã nhận văn bản chỉ đạo."))
    except ApplicationError as error:
        messages.error(request, " ".join(error.messages))
    return back(a)


@require_rule("directives.act_on_assignment", assignment_of)
def assignment_answer(request: HttpRequest, pk: int) -> HttpResponse:
    """Record the unit's plan, forwarding dispatch or study session."""
    a = assignment_of(request, pk)
    form = AnswerForm(request.POST or None, initial={"kind": request.GET.get("loai", "plan")})
    form.issued_by(request.user, a.unit)
    done = run(
        request,
        form,
        lambda: services.assignment_answer(
            actor=request.user,
            assignment=a,
            kind=form.cleaned_data["kind"],
            document=form.issued_document(request.user, a.unit),
            on=form.cleaned_data.get("on"),
        ),
        _("Đã ghi nhận kết quả thực hiện."),
    )
    if done:
        return back(a)
    context = {"form": form, "a": a, "title": _("Ghi nhận kết quả thực hiện")}
    return render(request, "directives/assignment_form.html", context, status=status(request))


@require_rule("directives.act_on_assignment", assignment_of)
def assignment_forward(request: HttpRequest, pk: int) -> HttpResponse:
    """Send the directive on to the unit's own units: the cascade grows one level."""
    a = assignment_of(request, pk)
    form = ForwardForm(request.POST or None, sender=a.unit)
    form.issued_by(request.user, a.unit)
    sent = run(
        request,
        form,
        lambda: services.assignment_forward(
            actor=request.user,
            assignment=a,
            document=form.issued_document(request.user, a.unit),
            recipients=form.chosen_units(),
            requirements=form.requirements(),
            sent_on=form.cleaned_data["sent_on"],
            note=form.cleaned_data["note"],
        ),
        _("Đã sao gửi tới các đơn vị trực thuộc."),
    )
    if sent:
        return back(a)
    context = {"form": form, "a": a, "sender": a.unit, "directive": a.directive, "forward": True}
    return render(request, "directives/sending_form.html", context, status=status(request))


@require_rule("directives.act_on_assignment", assignment_of)
def report_create(request: HttpRequest, pk: int) -> HttpResponse:
    """The unit reports on its assignment, or on one of its tasks (``?nhiem_vu=``)."""
    a = assignment_of(request, pk)
    task_id = request.GET.get("nhiem_vu", "")
    task = a.tasks.filter(pk=task_id).first() if task_id.isdigit() else None
    form = ReportForm(request.POST or None, request.FILES or None)

    def submit() -> Any:
        data = form.cleaned_data
        return services.report_submit(
            actor=request.user,
            assignment=a,
            task=task,
            narrative=data["narrative"],
            figures=services.parse_figures(data["figures"]),
            document_reference=data["document_reference"],
            attachments=data["attachments"],
            on=data["submitted_on"],
        )

    if run(request, form, submit, _("Đã gửi báo cáo.")):
        return back(a)
    title = (
        _("Báo cáo nhiệm vụ: %(task)s") % {"task": task} if task else _("Báo cáo kết quả thực hiện")
    )
    context = {"form": form, "a": a, "title": title, "multipart": True}
    return render(request, "directives/assignment_form.html", context, status=status(request))
