"""The working-day calendar page: the year's public holidays and the editable swapped days."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from doimoi.core.views import require_rule
from doimoi.workdays import calendar, services
from doimoi.workdays.forms import CalendarDayForm
from doimoi.workdays.models import CalendarDay


@require_rule("workdays.change_calendar")
def calendar_edit(request: HttpRequest) -> HttpResponse:
    """List the year's holidays and overrides; add an override."""
    year = _year(request)
    form = CalendarDayForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.calendar_day_set(actor=request.user, **form.cleaned_data)
        messages.success(request, _("Đã lưu ngày điều chỉnh."))
        return redirect(f"{request.path}?nam={form.cleaned_data['date'].year}")
    context = {
        "year": year,
        "form": form,
        "holidays": calendar.public_holidays(year),
        "overrides": CalendarDay.objects.filter(date__year=year),
    }
    return render(request, "workdays/calendar.html", context, status=400 if form.errors else 200)


def _year(request: HttpRequest) -> int:
    value = request.GET.get("nam", "")
    return (
        int(value) if value.isdigit() and 1990 <= int(value) <= 2100 else datetime.date.today().year
    )
