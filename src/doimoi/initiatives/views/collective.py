"""Who votes in a unit's collective: its setting page, and the panel on the unit's page."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from doimoi.core.forms import AccessibleErrorsMixin, NFCFormMixin
from doimoi.core.views import require_rule
from doimoi.initiatives import services
from doimoi.initiatives.views.common import run_form
from doimoi.organizations.models import Unit


class CollectiveForm(AccessibleErrorsMixin, NFCFormMixin, forms.Form):
    standing_members_vote = forms.BooleanField(
        label=gettext_lazy("Ủy viên Ban Thường vụ tham gia biểu quyết đề xuất"),
        required=False,
        help_text=gettext_lazy(
            "Chọn khi quy chế làm việc của đơn vị quy định tập thể lãnh đạo gồm người đứng đầu, "
            "cấp phó và các ủy viên Ban Thường vụ. Không chọn: người đứng đầu và cấp phó "
            "(Điều 8 khoản 1 Nghị định 73/2023/NĐ-CP)."
        ),
    )
    basis = forms.CharField(label=gettext_lazy("Căn cứ"), max_length=255, required=False)


def get_unit(request: HttpRequest, pk: int) -> Unit:
    return get_object_or_404(Unit, pk=pk)


@require_rule("initiatives.change_collective", get_unit)
def collective_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The unit's admin says who votes in its collective, as its working rules say."""
    unit = get_unit(request, pk)
    rule = services.collective_rule(unit)
    initial = {"standing_members_vote": rule.standing_members_vote, "basis": rule.basis}
    form = CollectiveForm(request.POST or None, initial=initial)
    done = run_form(
        form,
        lambda: services.collective_rule_set(actor=request.user, unit=unit, **form.cleaned_data),
    )
    if done is not None:
        messages.success(request, _("Đã lưu quy định biểu quyết của %(unit)s.") % {"unit": unit})
        return redirect("organizations:unit_detail", pk=unit.pk)
    title = _("Tập thể biểu quyết đề xuất — %(unit)s") % {"unit": unit.name}
    return render(
        request,
        "initiatives/collective_form.html",
        {"form": form, "title": title, "unit": unit},
        status=400 if form.is_bound else 200,
    )


def unit_panel(request: HttpRequest, unit: Unit) -> str:
    """On a unit's page: who votes on a proposal there, and the link to change it."""
    context = {
        "unit": unit,
        "rule": services.collective_rule(unit),
        "can_change": request.user.has_perm("initiatives.change_collective", unit),
    }
    return render_to_string("initiatives/_unit_panel.html", context, request=request)
