"""Two-step sign-in with a time-based code (TOTP, RFC 6238) from an authenticator app.

Each change is one service in one transaction with its ledger event: a device is started
(unconfirmed, not yet counted), confirmed by a first code, used at each sign-in, and removed by
its owner or, when the phone is lost, by whoever may reset the person's password.
"""

from __future__ import annotations

import re
from base64 import b32encode
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from doimoi.core.errors import ApplicationError
from doimoi.core.services import locked
from doimoi.ledger import services as ledger
from doimoi.twofactor import events

CODE = re.compile(r"^\d{6}$")
DEVICE_NAME = "doimoi"


def confirmed_device(user: Any) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def secret_of(device: TOTPDevice) -> str:
    """The key in the letters an authenticator app accepts when typed by hand (groups of four)."""
    text = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


@transaction.atomic
def device_start(*, user: Any) -> TOTPDevice:
    """A fresh unconfirmed device for the user (an earlier unconfirmed one is replaced)."""
    if confirmed_device(user) is not None:
        raise ApplicationError({"code": _("Tài khoản đã bật xác thực hai bước.")})
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def _check_code(device: TOTPDevice, code: str) -> None:
    code = re.sub(r"\s", "", code or "")
    if not CODE.match(code):
        raise ApplicationError({"code": _("Mã xác thực gồm đúng 6 chữ số.")})
    allowed, _data = device.verify_is_allowed()
    if not allowed:
        message = _("Nhập sai quá nhiều lần. Hãy chờ ít phút rồi thử lại.")
        raise ApplicationError({"code": message})
    if not device.verify_token(code):
        raise ApplicationError({"code": _("Mã xác thực không đúng hoặc đã hết hạn.")})


def device_confirm(*, user: Any, code: str) -> TOTPDevice:
    """The first code from the app confirms the device; from then on it is asked at sign-in."""
    with transaction.atomic():
        device = locked(TOTPDevice.objects).filter(user=user, confirmed=False).first()
        if device is None:
            raise ApplicationError({"code": _("Hãy bắt đầu lại việc bật xác thực hai bước.")})
    _check_code(device, code)  # its own write (the throttle's count) stands even when refused
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        payload = {"username": user.username}
        ledger.append(action=events.DEVICE_CONFIRMED, subject=user, actor=user, payload=payload)
    return device


def verify(*, user: Any, code: str) -> TOTPDevice:
    """The code typed at sign-in; a refusal names what is wrong (and counts toward the throttle)."""
    device = confirmed_device(user)
    if device is None:
        raise ApplicationError({"code": _("Tài khoản chưa bật xác thực hai bước.")})
    _check_code(device, code)
    return device


@transaction.atomic
def device_remove(*, actor: Any, user: Any, reason: str = "") -> None:
    """Turn the second step off (the owner, or an administrator after a lost phone)."""
    removed, _count = TOTPDevice.objects.filter(user=user).delete()
    if not removed:
        raise ApplicationError({"code": _("Tài khoản chưa bật xác thực hai bước.")})
    payload = {"username": user.username, "reason": reason}
    ledger.append(action=events.DEVICE_REMOVED, subject=user, actor=actor, payload=payload)
