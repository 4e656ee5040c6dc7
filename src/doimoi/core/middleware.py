"""Middleware of doimoi: the interface language is the one the user chose, else Vietnamese;
bad input (numbers out of range) is the client's error; security headers (CSP)."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import BadRequest
from django.db import DataError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers


def chosen_language(request: HttpRequest) -> str:
    """The language picked with the switcher (its cookie), else the site's; never the browser's."""
    code = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


class ChosenLanguageMiddleware:
    """Replaces Django's LocaleMiddleware, which would follow the browser's Accept-Language."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        code = chosen_language(request)
        translation.activate(code)
        request.LANGUAGE_CODE = code
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", code)
        patch_vary_headers(response, ("Cookie",))
        return response


def client_ip(request: HttpRequest) -> str:
    """The client's address: behind the TLS proxy (DOIMOI_SECURE=1), the one the proxy appended
    last to X-Forwarded-For (earlier entries are the client's own claim); else REMOTE_ADDR."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if getattr(settings, "SECURE", False) and forwarded:
        return forwarded.split(",")[-1].strip()
    return str(request.META.get("REMOTE_ADDR", ""))


def is_bad_number(error: BaseException) -> bool:
    """The error is a number the database cannot hold (SQLite: OverflowError; PostgreSQL: a
    numeric value out of range)."""
    return isinstance(error, OverflowError) or (
        isinstance(error, DataError) and "out of range" in str(error)
    )


class BadInputMiddleware:
    """Turn an out-of-range number into 404 (an object's id) or 400 (anything else)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> None:
        if not is_bad_number(exception):
            return None
        match = request.resolver_match
        if match is not None and any(k.endswith("pk") or k.endswith("id") for k in match.kwargs):
            raise Http404 from exception
        raise BadRequest("out-of-range number") from exception


CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",  # no inline script: behaviour lives in static files
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


class SecurityHeadersMiddleware:
    """Content-Security-Policy without inline script, and a strict referrer policy."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        return response
