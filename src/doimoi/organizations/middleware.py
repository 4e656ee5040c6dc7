"""A user holding a temporary password is sent to change it before anything else."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

OPEN_PATHS = ("/static/", "/dang-xuat/", "/ngon-ngu/")
SESSION_KEY = "doimoi_must_change_password"


class PasswordChangeRequiredMiddleware:
    """After an admin gave or reset a password, every page leads to "Đổi mật khẩu" until done.

    The sign-in page notes the need in the session (no query on each request); resetting a
    password changes its hash, which ends the person's open sessions.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = getattr(request, "session", None)
        if session is not None and session.get(SESSION_KEY):
            target = reverse("password_change")
            if request.path != target and not request.path.startswith(OPEN_PATHS):
                return HttpResponseRedirect(target)
        return self.get_response(request)
