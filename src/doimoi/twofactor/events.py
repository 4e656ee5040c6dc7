"""Ledger verbs of two-step sign-in."""

from django.utils.translation import gettext_lazy as _

from doimoi.ledger.registry import register

DEVICE_CONFIRMED = register("twofactor.device.confirmed", _("Bật xác thực hai bước"))
DEVICE_REMOVED = register("twofactor.device.removed", _("Tắt xác thực hai bước"))
