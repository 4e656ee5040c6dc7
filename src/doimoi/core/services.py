"""Small helpers every app's services use (STYLE.md: one copy, in core): the permission check, today
in Việt Nam, clean text and the dd/mm/yyyy date."""

from __future__ import annotations

import datetime
from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.db.models import Manager, Model, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from doimoi.core.text import canonical_tones, nfc

M = TypeVar("M", bound=Model)


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


def locked(rows: Manager[M] | QuerySet[M]) -> QuerySet[M]:
    """``rows`` locked for a change of its own rows only (PostgreSQL ``FOR NO KEY UPDATE OF``).

    A plain ``select_for_update()`` with ``select_related`` also locks the joined rows (the unit of
    an assignment) ``FOR UPDATE``, which blocks every other transaction's foreign-key check on
    them; one that holds the ledger's chain lock then waits at its commit for us while we wait for
    the chain lock: a deadlock (seen at 50 users). No key is ever changed, so ``NO KEY`` suffices.
    A row about to be deleted needs ``select_for_update(of=("self",))`` instead.
    """
    return rows.select_for_update(of=("self",), no_key=True)
