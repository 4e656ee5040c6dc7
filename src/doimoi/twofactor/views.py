"""The pages of two-step sign-in: set it up (a QR code and the key), type the code, turn it off."""

from __future__ import annotations

from typing import Any

import qrcode
import qrcode.image.svg
from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from doimoi.core.errors import ApplicationError
from doimoi.core.views import require_rule
from doimoi.organizations import selectors
from doimoi.organizations.models import Person
from doimoi.twofactor import policy, services


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_lazy("Mã 6 chữ số trên ứng dụng xác thực"),
        max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or "/"
    safe = url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()})
    return target if safe else "/"


def _submit(request: HttpRequest, form: CodeForm, step: Any) -> TOTPDevice | None:
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        return step(form.cleaned_data["code"])
    except ApplicationError as error:
        form.add_error("code", error.message_dict.get("code") or error.messages)
        return None


@require_rule("twofactor.manage_own_device")
def verify(request: HttpRequest) -> HttpResponse:
    """The code asked after the password, for an account with the second step on."""
    if services.confirmed_device(request.user) is None:
        return redirect(reverse("twofactor:setup") + "?" + urlencode({"next": _next(request)}))
    form = CodeForm(request.POST or None)
    device = _submit(request, form, lambda code: services.verify(user=request.user, code=code))
    if device is not None:
        otp_login(request, device)
        return redirect(_next(request))
    return render(request, "twofactor/verify.html", {"form": form, "next": _next(request)})


def _qr_svg(device: TOTPDevice) -> str:
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    return image.to_string(encoding="unicode")


@require_rule("twofactor.manage_own_device")
def setup(request: HttpRequest) -> HttpResponse:
    """Scan the QR code (or type the key) into an authenticator app, then type its first code."""
    if services.confirmed_device(request.user) is not None:
        return redirect("twofactor:verify" if not request.user.is_verified() else "home")  # type: ignore[union-attr]
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = services.device_start(user=request.user)
    form = CodeForm(request.POST or None)
    confirmed = _submit(
        request, form, lambda code: services.device_confirm(user=request.user, code=code)
    )
    if confirmed is not None:
        otp_login(request, confirmed)
        messages.success(request, _("Đã bật xác thực hai bước."))
        return redirect(_next(request))
    context = {
        "form": form,
        "next": _next(request),
        "qr": mark_safe(_qr_svg(device)),  # drawn by qrcode from our own URL
        "secret": services.secret_of(device),
        "required": policy.required_for(request.user),
    }
    return render(request, "twofactor/setup.html", context)


@require_rule("twofactor.manage_own_device")
def account(request: HttpRequest) -> HttpResponse:
    """The user's own second step: on or off, and how to change it."""
    context = {
        "device": services.confirmed_device(request.user),
        "required": policy.enabled() and policy.required_for(request.user),
        "enabled": policy.enabled(),
    }
    return render(request, "twofactor/account.html", context)


@require_rule("twofactor.manage_own_device")
@require_POST
def turn_off(request: HttpRequest) -> HttpResponse:
    try:
        services.device_remove(actor=request.user, user=request.user, reason=_("Tự tắt"))
    except ApplicationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("twofactor:account")
    messages.success(request, _("Đã tắt xác thực hai bước."))
    return redirect("twofactor:account")


def _person(request: HttpRequest, pk: int, **_kwargs: Any) -> Person:
    person = selectors.person_get(viewer=request.user, pk=pk)
    if person is None or person.user is None:
        raise Http404
    return person


@require_rule("organizations.manage_person", _person)
@require_POST
def person_reset(request: HttpRequest, pk: int) -> HttpResponse:
    """A unit admin turns a person's second step off after a lost phone (they set it up again)."""
    person = _person(request, pk)
    try:
        services.device_remove(actor=request.user, user=person.user, reason=_("Mất thiết bị"))
    except ApplicationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Đã tắt xác thực hai bước của %(name)s.") % {"name": person})
    return redirect("organizations:person_detail", pk=person.pk)
