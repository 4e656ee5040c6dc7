"""Pages around the cases: the dossier, attachments, cadres with recognized results, figures, rules."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from doimoi.core.errors import ApplicationError
from doimoi.core.forms import AccessibleErrorsMixin, NFCFormMixin
from doimoi.core.views import require_rule
from doimoi.initiatives import dossier, selectors, services
from doimoi.initiatives.forms.base import DATE_INPUT
from doimoi.initiatives.models import Attachment, Confidence
from doimoi.initiatives.states import CaseState
from doimoi.initiatives.views.common import (
    get_attachment_case,
    get_case,
    get_limit,
    get_rule_set,
    run_form,
)
from doimoi.organizations.models import Unit
from doimoi.organizations.selectors import units_in_scope

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


@require_rule("initiatives.view_case", get_case)
def case_dossier(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """The protection dossier, assembled now, as DOCX or PDF."""
    case = get_case(request, pk)
    if fmt not in CONTENT_TYPES:
        raise Http404
    if case.state == CaseState.DRAFT:
        messages.error(request, _("Dự thảo chưa gửi chưa có hồ sơ."))
        return redirect("initiatives:case_detail", pk=case.pk)
    try:
        content = dossier.build_pdf(case) if fmt == "pdf" else dossier.build_docx(case)
    except (dossier.ConversionError, OSError):
        messages.error(request, _("Không tạo được bản PDF (LibreOffice). Hãy tải bản DOCX."))
        return redirect("initiatives:case_detail", pk=case.pk)
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{dossier.file_name(case, fmt)}"'
    return response


@require_rule("initiatives.view_case", get_case)
@require_POST
def case_dossier_issue(request: HttpRequest, pk: int) -> HttpResponse:
    """Issue the protection dossier with the deciding unit's next number; then its document."""
    case = get_case(request, pk)
    try:
        document = services.dossier_issue(actor=request.user, case=case, day=timezone.localdate())
    except ApplicationError as error:
        for text in error.messages:
            messages.error(request, text)
        return redirect("initiatives:case_detail", pk=case.pk)
    messages.success(
        request, _("Đã ban hành hồ sơ bảo vệ cán bộ số %(ref)s.") % {"ref": document.reference}
    )
    return redirect("documents:document_detail", pk=document.pk)


@require_rule("initiatives.view_case", get_attachment_case)
def attachment_download(request: HttpRequest, pk: int, attachment_pk: int) -> FileResponse:
    """A file attached to the plan."""
    attachment = get_object_or_404(Attachment, pk=attachment_pk, case_id=pk)
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.name)


@require_rule("initiatives.list_cases")
def recognized_list(request: HttpRequest) -> HttpResponse:
    """Cadres with results evaluated as completed, by unit (for the organization board)."""
    rows = selectors.recognized_cadres(viewer=request.user)
    return render(request, "initiatives/recognized_list.html", {"rows": rows})


class FiguresForm(AccessibleErrorsMixin, forms.Form):
    unit = forms.ModelChoiceField(
        label=_lazy("Đơn vị (gồm các đơn vị trực thuộc)"), queryset=Unit.objects.none()
    )
    start = forms.DateField(label=_lazy("Từ ngày"), widget=DATE_INPUT)
    end = forms.DateField(label=_lazy("Đến ngày"), widget=DATE_INPUT)


def _figures_units(request: HttpRequest) -> Any:
    return units_in_scope(viewer=request.user)


@require_rule("initiatives.view_figures")
def figures(request: HttpRequest) -> HttpResponse:
    """Periodic figures of a unit subtree: proposals by state, approvals, pilots, outcomes."""
    today = timezone.localdate()
    initial = {"start": datetime.date(today.year, 1, 1), "end": today}
    form = FiguresForm(request.GET or None, initial=initial)
    form.fields["unit"].queryset = _figures_units(request)  # type: ignore[attr-defined]
    result = None
    if form.is_bound and form.is_valid():
        result = selectors.case_figures(viewer=request.user, **form.cleaned_data)
    context = {"form": form, "figures": result}
    return render(request, "initiatives/figures.html", context)


@require_rule("initiatives.view_rule_sets")
def rule_set_list(request: HttpRequest) -> HttpResponse:
    """Every regime's rule sets: time limits (✅ 🟡 ❌), conditions, prohibited acts, protection."""
    context = {
        "rule_sets": selectors.rule_set_list(),
        "can_change": request.user.has_perm("initiatives.change_rule_sets"),
    }
    return render(request, "initiatives/rule_sets.html", context)


class LimitForm(AccessibleErrorsMixin, NFCFormMixin, forms.Form):
    working_days = forms.IntegerField(
        label=_lazy("Số ngày làm việc"), min_value=1, max_value=365, required=False
    )
    confidence = forms.ChoiceField(label=_lazy("Mức xác thực"), choices=Confidence.choices)
    basis = forms.CharField(label=_lazy("Căn cứ"), max_length=255, required=False)


@require_rule("initiatives.change_rule_sets", get_limit)
def time_limit_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Fill or change one time limit (an administrator, from the official text)."""
    limit = get_limit(request, pk)
    initial = {
        "working_days": limit.working_days,
        "confidence": limit.confidence,
        "basis": limit.basis,
    }
    form = LimitForm(request.POST or None, initial=initial)
    done = run_form(
        form, lambda: services.time_limit_set(actor=request.user, limit=limit, **form.cleaned_data)
    )
    if done is not None:
        messages.success(request, _("Đã lưu thời hạn."))
        return redirect("initiatives:rule_set_list")
    title = f"{limit.rule_set} — {limit.get_key_display()}"
    return render(
        request,
        "initiatives/simple_form.html",
        {"form": form, "title": title},
        status=400 if form.is_bound else 200,
    )


class RuleSetForm(AccessibleErrorsMixin, NFCFormMixin, forms.Form):
    wide_scope_rule = forms.CharField(
        label=_lazy("Quy trình đề xuất phạm vi rộng, nội dung phức tạp (Điều 8 khoản 2)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    allows_suspension = forms.BooleanField(
        label=_lazy("Cho phép tạm dừng, dừng bằng quyết định"), required=False
    )


@require_rule("initiatives.change_rule_sets", get_rule_set)
def rule_set_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Fill what the rule set leaves to an administrator."""
    rule_set = get_rule_set(request, pk)
    initial = {
        "wide_scope_rule": rule_set.wide_scope_rule,
        "allows_suspension": rule_set.allows_suspension,
    }
    form = RuleSetForm(request.POST or None, initial=initial)
    done = run_form(
        form,
        lambda: services.rule_set_update(
            actor=request.user, rule_set=rule_set, **form.cleaned_data
        ),
    )
    if done is not None:
        messages.success(request, _("Đã lưu bộ quy tắc."))
        return redirect("initiatives:rule_set_list")
    return render(
        request,
        "initiatives/simple_form.html",
        {"form": form, "title": str(rule_set)},
        status=400 if form.is_bound else 200,
    )


class VersionForm(AccessibleErrorsMixin, forms.Form):
    valid_from = forms.DateField(label=_lazy("Áp dụng từ ngày"), widget=DATE_INPUT)


@require_rule("initiatives.change_rule_sets", get_rule_set)
def rule_set_version(request: HttpRequest, pk: int) -> HttpResponse:
    """Open a new version of a rule set (cases already sent keep theirs)."""
    base = get_rule_set(request, pk)
    form = VersionForm(request.POST or None)
    done = run_form(
        form,
        lambda: services.rule_set_new_version(actor=request.user, base=base, **form.cleaned_data),
    )
    if done is not None:
        messages.success(request, _("Đã tạo phiên bản %(v)s.") % {"v": done.version})
        return redirect("initiatives:rule_set_list")
    title = _("Phiên bản mới của %(rules)s") % {"rules": base}
    return render(
        request,
        "initiatives/simple_form.html",
        {"form": form, "title": title},
        status=400 if form.is_bound else 200,
    )
