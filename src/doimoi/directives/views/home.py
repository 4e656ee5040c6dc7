"""The start page's panel, a unit's dashboard, and the user's notifications."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from doimoi.core.views import require_rule
from doimoi.directives import selectors
from doimoi.directives.views.common import unit_of
from doimoi.organizations import selectors as org_selectors


def _current_unit(request: HttpRequest) -> Any:
    units = org_selectors.units_of_user(user=request.user)
    chosen = request.session.get("unit_id")
    return next((u for u in units if u.pk == chosen), units[0] if units else None)


def home_panel(request: HttpRequest) -> list[tuple[str, dict[str, Any]]]:
    """What the current unit must do and what is owed to it, and unread notifications."""
    if not request.user.is_authenticated:
        return []
    unit = _current_unit(request)
    dashboard = (
        selectors.unit_todo(viewer=request.user, unit=unit, today=timezone.localdate(), limit=5)
        if unit is not None
        else None
    )
    notices = selectors.notification_list(viewer=request.user, unread_only=True)[:5]
    return [
        (
            "directives/home_panel.html",
            {"dashboard": dashboard, "notices": notices, "today": timezone.localdate()},
        )
    ]


@require_rule("directives.view_unit_dashboard", unit_of)
def unit_dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    """A unit's directives: what it must do (assignments, tasks, deadlines), what it is owed."""
    unit = unit_of(request, pk)
    context = {
        "d": selectors.unit_dashboard(viewer=request.user, unit=unit, today=timezone.localdate()),
        "today": timezone.localdate(),
    }
    return render(request, "directives/unit_dashboard.html", context)


@require_rule("directives.view_directives")
def notification_list(request: HttpRequest) -> HttpResponse:
    """The user's notifications, newest first."""
    notices = selectors.notification_list(viewer=request.user)[:200]
    return render(request, "directives/notification_list.html", {"notices": notices})


@require_rule("directives.view_directives")
@require_POST
def notification_read(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark a notification read and open what it is about."""
    notice = get_object_or_404(selectors.notification_list(viewer=request.user), pk=pk)
    if notice.read_at is None:
        notice.read_at = timezone.now()
        notice.save(update_fields=["read_at"])
    return redirect(notice.link or "directives:notification_list")
