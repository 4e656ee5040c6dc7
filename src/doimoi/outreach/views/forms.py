"""The managed list of forms: the administrator adds or changes one (through ``form_save``)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from doimoi.core.errors import ApplicationError
from doimoi.core.views import require_rule
from doimoi.outreach import services
from doimoi.outreach.forms import FormEditForm
from doimoi.outreach.models import Form


@require_rule("outreach.manage_forms")
def form_list(request: HttpRequest) -> HttpResponse:
    """The forms; ``?sua=<id>`` edits one, otherwise the form adds a new one."""
    value = request.GET.get("sua", "")
    editing = get_object_or_404(Form, pk=int(value)) if value.isdigit() else None
    initial = {}
    if editing is not None:
        initial = {f: getattr(editing, f) for f in ("name", "keywords", "reach", "study", "active")}
    form = FormEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.form_save(actor=request.user, form=editing, **form.cleaned_data)
        except ApplicationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _("Đã lưu hình thức «%(name)s».") % {"name": saved.name})
            return redirect("outreach:form_list")
    context = {"form": form, "editing": editing, "forms": Form.objects.all()}
    return render(request, "outreach/form_list.html", context, status=400 if form.errors else 200)
