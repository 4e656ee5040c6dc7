"""Small helpers shared by the directives services."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from doimoi.core.errors import ApplicationError
from doimoi.core.text import canonical_tones, nfc
from doimoi.directives.states import Transition, allowed


def require(actor: Any, perm: str, obj: Any) -> None:
    """Refuse unless ``actor`` has ``perm`` on ``obj``; ``actor=None`` is the system itself."""
    if actor is not None and not actor.has_perm(perm, obj):
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này."))


def today() -> datetime.date:
    """Today in Asia/Ho_Chi_Minh."""
    return timezone.localdate()


def user_or_none(actor: Any) -> Any:
    """The actor when it is a signed-in user (None for the system)."""
    return actor if actor is not None and actor.is_authenticated else None


def clean(value: str | None) -> str:
    """NFC with new-style tone marks, stripped."""
    return canonical_tones(nfc(value or ""))


def dmy(day: datetime.date) -> str:
    return date_format(day, "d/m/Y")


def check_transition(table: dict[str, Transition], name: str, state: str, label: str) -> None:
    """Refuse a move the transition table does not allow from ``state``."""
    if not allowed(table, name, state):
        raise ApplicationError(
            {
                "state": _("Không thể thực hiện khi đang ở trạng thái «%(state)s».")
                % {"state": label}
            }
        )


def check_day(day: datetime.date, *, field: str, not_before: datetime.date | None = None) -> None:
    """A date the user gave for something done: not in the future, not before ``not_before``."""
    if day > today():
        raise ApplicationError({field: _("Ngày %(date)s chưa đến.") % {"date": dmy(day)}})
    if not_before is not None and day < not_before:
        raise ApplicationError(
            {
                field: _("Ngày %(date)s trước ngày %(start)s.")
                % {"date": dmy(day), "start": dmy(not_before)}
            }
        )
