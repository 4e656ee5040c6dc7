"""Until the second step is done, a signed-in user who needs it reaches only the pages of that step.

Runs after django-otp's OTPMiddleware (which knows whether the session's user is verified). The
API answers 401 in JSON to a session that has not done the step; a personal API key (Bearer) is
its own credential, made on a page that already needed the step.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _

from doimoi.twofactor import policy
from doimoi.twofactor.services import confirmed_device

OPEN_PATHS = ("/static/", "/dang-xuat/", "/ngon-ngu/", "/xac-thuc-hai-buoc/")
SESSION_KEY = "doimoi_two_factor_state"  # "needed" / "free": decided once per sign-in


def _needs_step(request: HttpRequest) -> bool:
    user = request.user
    if not user.is_authenticated or user.is_verified():  # type: ignore[attr-defined]
        return False
    state = request.session.get(SESSION_KEY)
    if state is None:
        needed = confirmed_device(user) is not None or policy.required_for(user)
        state = request.session[SESSION_KEY] = "needed" if needed else "free"
    return state == "needed"


class TwoFactorRequiredMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            not policy.enabled()
            or request.path.startswith(OPEN_PATHS)
            or request.headers.get("Authorization", "").startswith("Bearer ")
            or not _needs_step(request)
        ):
            return self.get_response(request)
        if request.path.startswith("/api/"):
            detail = _("Cần hoàn tất xác thực hai bước trước khi dùng API.")
            return JsonResponse({"detail": detail}, status=401)
        target = reverse("twofactor:verify")
        following = request.get_full_path()
        if url_has_allowed_host_and_scheme(following, allowed_hosts={request.get_host()}):
            target += "?" + urlencode({"next": following})
        return HttpResponseRedirect(target)
