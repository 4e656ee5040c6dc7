"""Logging an activity (the phone form), the list of activities, and an activity's photo."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from doimoi.core.errors import ApplicationError
from doimoi.core.views import require_rule
from doimoi.documents.services import store
from doimoi.outreach import selectors, services
from doimoi.outreach.forms import ActivityForm
from doimoi.outreach.models import Activity
from doimoi.outreach.output import activities_xlsx
from doimoi.outreach.views.common import remember, remembered, xlsx_response

PAGE = 100


def _upload(request: HttpRequest, name: str) -> tuple[str, bytes] | None:
    upload = request.FILES.get(name)
    return (upload.name or name, upload.read()) if upload is not None else None


def _spec(request: HttpRequest, data: dict[str, Any]) -> services.ActivitySpec:
    return services.ActivitySpec(
        unit=data["unit"],
        form=data["form"],
        held_on=data["held_on"],
        title=data["title"],
        plan=data["plan"],
        items=list(data["items"]),
        place=data["place"],
        cadres=data["cadres"] or 0,
        party_members=data["party_members"] or 0,
        people=data["people"] or 0,
        audience=data["audience"] or 0,
        excused=data["excused"] or 0,
        attended=data["attended"] or 0,
        link=data["link"],
        notes=data["notes"],
        photo=_upload(request, "photo"),
        file=_upload(request, "file"),
    )


def _save(request: HttpRequest, form: ActivityForm) -> Activity | None:
    try:
        activity = services.activity_log(actor=request.user, spec=_spec(request, form.cleaned_data))
    except ApplicationError as error:
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
        return None
    remember(request, activity.unit_id, activity.plan_id)
    return activity


@require_rule("outreach.log_anywhere")
def activity_log(request: HttpRequest) -> HttpResponse:
    """The short form: unit and plan remembered, a photo straight from the phone's camera."""
    units = selectors.log_units(viewer=request.user)
    plans = selectors.plan_list(viewer=request.user)
    initial = remembered(request) | {k: v for k, v in request.GET.items() if k in ("plan", "unit")}
    form = ActivityForm(
        request.POST or None, request.FILES or None, units=units, plans=plans, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        activity = _save(request, form)
        if activity is not None:
            messages.success(request, _("Đã ghi nhận «%(title)s».") % {"title": activity.title})
            return redirect(reverse("outreach:activity_log") + f"?da-ghi={activity.pk}")
    recent = selectors.activity_list(viewer=request.user).filter(created_by_id=request.user.pk)[:5]
    status = 400 if form.errors else 200
    return render(
        request, "outreach/activity_log.html", {"form": form, "recent": recent}, status=status
    )


@require_rule("outreach.view_outreach")
def activity_list(request: HttpRequest) -> HttpResponse:
    """The activities the user sees, newest first; XLSX of the same list."""
    qs = selectors.activity_list(viewer=request.user)
    plan = (
        selectors.plan_get(viewer=request.user, pk=int(request.GET["plan"]))
        if request.GET.get("plan", "").isdigit()
        else None
    )
    if plan is not None:
        qs = qs.filter(plan=plan)
    if request.GET.get("dinh_dang") == "xlsx":
        return xlsx_response(activities_xlsx(qs[:20000]), "hoat-dong-tuyen-truyen.xlsx")
    context = {"activities": qs[:PAGE], "plan": plan, "total": qs.count()}
    return render(request, "outreach/activity_list.html", context)


@require_rule("outreach.view_outreach")
def activity_photo(request: HttpRequest, pk: int) -> HttpResponse:
    """An activity's photo (as stored, resized), for those who see the activity."""
    activity = get_object_or_404(
        Activity.objects.restrict(request.user).select_related("photo"), pk=pk
    )
    if activity.photo is None:
        raise Http404
    response = HttpResponse(store.read(activity.photo), content_type="image/jpeg")
    response["Cache-Control"] = "private, max-age=3600"
    return response


@require_rule("outreach.view_outreach")
def activity_file(request: HttpRequest, pk: int) -> HttpResponse:
    activity = get_object_or_404(
        Activity.objects.restrict(request.user).select_related("file"), pk=pk
    )
    if activity.file is None:
        raise Http404
    response = HttpResponse(store.read(activity.file), content_type="application/octet-stream")
    response["Content-Disposition"] = content_disposition_header(True, activity.file.original_name)
    return response


@require_rule("outreach.view_outreach")
def activity_delete(request: HttpRequest, pk: int) -> HttpResponse:
    activity = get_object_or_404(
        Activity.objects.restrict(request.user).select_related("unit"), pk=pk
    )
    if request.method != "POST":
        return redirect("outreach:activity_list")
    services.activity_delete(actor=request.user, activity=activity)
    messages.success(request, _("Đã xóa hoạt động «%(title)s».") % {"title": activity.title})
    return redirect("outreach:activity_list")
