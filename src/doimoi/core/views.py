"""View helpers: every view names the rule that guards it (deny by default)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponseBase
from django_htmx.middleware import HtmxDetails

View = Callable[..., HttpResponseBase]


class HtmxHttpRequest(HttpRequest):
    """A request that went through django-htmx's middleware."""

    htmx: HtmxDetails


def require_rule(perm: str, obj: Callable[..., Any] | None = None) -> Callable[[View], View]:
    """Refuse the view unless the user has ``perm`` (on the object ``obj(request, **kwargs)``).

    Refused on an object, the answer is 404, as for a missing one: what a user may not touch
    is not confirmed to exist. Refused without an object (a page of a role), the answer is 403.
    """

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            target = obj(request, **kwargs) if obj is not None else None
            if not request.user.has_perm(perm, target):
                if target is not None:
                    raise Http404
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapped.doimoi_rule = perm  # type: ignore[attr-defined]
        return wrapped

    return decorator


def public(view: View) -> View:
    """Mark a view that anyone may open, signed in or not."""
    view = login_not_required(view)
    view.doimoi_rule = "public"  # type: ignore[attr-defined]
    return view
