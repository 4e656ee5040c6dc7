"""Importing a batch of activities from the XLSX template."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from doimoi.core.errors import ApplicationError
from doimoi.core.views import require_rule
from doimoi.outreach import selectors, services
from doimoi.outreach.forms import ImportForm
from doimoi.outreach.views.common import xlsx_response

MAX_BYTES = 10 * 1024 * 1024


@require_rule("outreach.log_anywhere")
def activity_template(request: HttpRequest) -> HttpResponse:
    units = selectors.log_units(viewer=request.user)
    plans = list(selectors.plan_list(viewer=request.user).prefetch_related("items"))
    return xlsx_response(services.template_workbook(units, plans), "mau-nhap-hoat-dong.xlsx")


@require_rule("outreach.log_anywhere")
def activity_import(request: HttpRequest) -> HttpResponse:
    """Upload the filled template: good rows kept, each bad row reported by number and reason."""
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            if upload.size > MAX_BYTES:
                raise ApplicationError({"file": _("Tệp quá lớn (tối đa 10 MB).")})
            result = services.activities_import(
                actor=request.user,
                content=upload.read(),
                filename=upload.name or "",
                units=selectors.log_units(viewer=request.user),
                plans=list(selectors.plan_list(viewer=request.user).prefetch_related("items")),
            )
        except ApplicationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
    status = 400 if form.errors else 200
    return render(request, "outreach/import.html", {"form": form, "result": result}, status=status)
