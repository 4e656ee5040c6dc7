"""Project-wide pages: the start page and the unit switcher."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from doimoi.core.views import require_rule
from doimoi.organizations import selectors as org_selectors


@require_rule("organizations.view_unit_tree")
def home(request: HttpRequest) -> HttpResponse:
    """The signed-in user's start page: what each app has for this user (deadlines, tasks)."""
    panels: list[tuple[str, dict[str, Any]]] = []
    for config in apps.get_app_configs():
        provider = getattr(config, "home_panels", None)
        if callable(provider):  # each app returns [(template name, context), ...] for this request
            panels += provider(request)
    return render(request, "home.html", {"panels": panels})  # each drawn by {% section %}


@require_rule("organizations.view_unit_tree")
@require_POST
def unit_switch(request: HttpRequest) -> HttpResponse:
    """Remember which of the user's units the pages should act for."""
    units = org_selectors.units_of_user(user=request.user)
    chosen = request.POST.get("unit_id", "")
    if chosen.isdigit() and any(u.pk == int(chosen) for u in units):
        request.session["unit_id"] = int(chosen)
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = reverse("home")
    return HttpResponseRedirect(target)
