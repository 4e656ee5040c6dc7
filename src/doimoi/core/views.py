"""View helpers: every view names the rule that guards it (deny by default)."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponseBase
from django.urls import reverse
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


T = TypeVar("T")


def once_per_request(getter: Callable[..., T]) -> Callable[..., T]:
    """An object getter ``getter(request, ...)`` whose answer is kept on the request: the rule
    that guards a view reads the object, and the view asks again for the same one (called as
    ``pk=5`` by the rule, ``(request, 5)`` by the view: the same arguments, one read)."""
    signature = inspect.signature(getter)

    @wraps(getter)
    def get(request: HttpRequest, *args: Any, **kwargs: Any) -> T:
        bound = signature.bind(request, *args, **kwargs).arguments
        key = (getter, *((k, _frozen(v)) for k, v in bound.items() if v is not request))
        kept: dict[Any, Any] = request.__dict__.setdefault("_doimoi_objects", {})
        if key not in kept:
            kept[key] = getter(request, *args, **kwargs)
        return kept[key]

    return get


def _frozen(value: Any) -> Any:
    return tuple(sorted(value.items())) if isinstance(value, dict) else value


def public(view: View) -> View:
    """Mark a view that anyone may open, signed in or not."""
    view = login_not_required(view)
    view.doimoi_rule = "public"  # type: ignore[attr-defined]
    return view


_STAND_IN = 987654321987  # an id no row has, reversed in place of a row's


def link_parts(name: str, *head: Any) -> tuple[str, str]:
    """The address ``reverse(name, args=[*head, pk])`` before and after its ``pk``, reversed once
    for the many rows of a page (a reverse costs about 30 µs; a template writes
    ``{{ before }}{{ row.pk }}{{ after }}``)."""
    before, after = reverse(name, args=[*head, _STAND_IN]).rsplit(str(_STAND_IN), 1)
    return before, after


def links(name: str, *head: Any) -> Callable[[Any], str]:
    """``reverse(name, args=[*head, pk])`` as a function of ``pk``, reversed once (``link_parts``)."""
    before, after = link_parts(name, *head)
    return lambda pk: f"{before}{int(pk)}{after}"
