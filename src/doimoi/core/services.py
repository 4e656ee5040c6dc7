"""Small helpers every app's services use (STYLE.md: one copy, in core): the permission check, today
in Việt Nam, clean text and the dd/mm/yyyy date."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _

from doimoi.core.text import canonical_tones, nfc


def require(actor: Any, perm: str, obj: Any) -> None:
    """Refuse unless ``actor`` has ``perm`` on ``obj``; ``actor=None`` is the system itself."""
    if actor is not None and not actor.has_perm(perm, obj):
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này."))


def today() -> datetime.date:
    """Today in Asia/Ho_Chi_Minh."""
    return timezone.localdate()


def clean(value: str | None) -> str:
    """NFC with new-style tone marks, stripped."""
    return canonical_tones(nfc(value or ""))


def dmy(day: datetime.date | None) -> str:
    """dd/mm/yyyy, or an empty string."""
    return f"{day:%d/%m/%Y}" if day else ""


def user_or_none(actor: Any) -> Any:
    """The actor when it is a signed-in user (None for the system)."""
    return actor if actor is not None and actor.is_authenticated else None
