"""What every initiatives service shares: the context of one transition, text cleaning, dates."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from doimoi.core.errors import ApplicationError
from doimoi.core.text import canonical_tones, nfc
from doimoi.initiatives.models import Case
from doimoi.initiatives.states import CaseRole
from doimoi.organizations.models import Membership, Person, Role, Unit


@dataclass
class Context:
    """One transition in progress: who, on which case, with what input."""

    actor: Any
    case: Case
    data: dict[str, Any]
    roles: set[CaseRole] = field(default_factory=set)

    @property
    def person(self) -> Person | None:
        return getattr(self.actor, "person", None) if self.actor is not None else None


Handler = Callable[[Context], dict[str, Any]]
HANDLERS: dict[str, Handler] = {}


def handles(name: str) -> Callable[[Handler], Handler]:
    """Register ``handler`` as what transition ``name`` writes (it returns the ledger payload)."""

    def decorator(handler: Handler) -> Handler:
        HANDLERS[name] = handler
        return handler

    return decorator


def clean_text(value: Any) -> Any:
    """NFC text with new-style tones; anything else unchanged."""
    return canonical_tones(nfc(value)) if isinstance(value, str) else value


def clean_data(data: dict[str, Any]) -> dict[str, Any]:
    return {key: clean_text(value) for key, value in data.items()}


def today() -> datetime.date:
    """Today in Asia/Ho_Chi_Minh."""
    return timezone.localdate()


def dmy(day: datetime.date | None) -> str:
    return date_format(day, "d/m/Y") if day else ""


def not_in_future(name: str, day: datetime.date) -> None:
    """Refuse a date of something already done that lies after today."""
    if day > today():
        raise ApplicationError(
            {
                name: _("Ngày %(date)s chưa đến; ghi việc đã làm theo ngày thực tế.")
                % {"date": dmy(day)}
            }
        )


def not_before(name: str, day: datetime.date, earlier: datetime.date | None, what: str) -> None:
    """Refuse ``day`` when it lies before ``earlier`` (``what`` names that earlier step)."""
    if earlier is not None and day < earlier:
        raise ApplicationError(
            {
                name: _("Ngày %(date)s không được trước %(what)s (%(earlier)s).")
                % {"date": dmy(day), "what": what, "earlier": dmy(earlier)}
            }
        )


def deciding_unit(case: Case) -> Unit:
    """The unit whose head decides: set when the plan is sent; the proposer's unit before that."""
    return case.decider or case.unit


def heads_of(unit: Unit) -> list[Person]:
    """The people holding the head role in ``unit`` today."""
    rows = Membership.objects.active().filter(unit=unit, role=Role.HEAD).select_related("person")
    return [m.person for m in rows]


def person_label(person: Person | None) -> str:
    return person.full_name if person is not None else ""
