"""Changing the calendar: only system administrators, recorded in the ledger."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from doimoi.core.text import nfc
from doimoi.ledger import services as ledger
from doimoi.workdays import events
from doimoi.workdays.models import CalendarDay


@transaction.atomic
def calendar_day_set(
    *, actor: Any, date: datetime.date, is_working_day: bool, note: str = ""
) -> CalendarDay:
    """Mark ``date`` as a working day or a day off, overriding the weekday and holiday rule."""
    if actor is not None and not actor.has_perm("workdays.change_calendar"):
        raise PermissionDenied(_("Chỉ quản trị hệ thống được điều chỉnh lịch ngày làm việc."))
    day, _created = CalendarDay.objects.update_or_create(
        date=date, defaults={"is_working_day": is_working_day, "note": nfc(note)}
    )
    payload = {"date": date, "is_working_day": is_working_day, "note": day.note}
    ledger.append(action=events.CALENDAR_DAY_SET, subject=day, actor=actor, payload=payload)
    return day
