"""Refusing an action dated outside a unit's life, pointing the user to the unit that took over."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from doimoi.core.errors import ApplicationError
from doimoi.organizations.models import Unit, UnitSuccession


def in_force(unit: Unit, day: datetime.date) -> bool:
    """Whether ``unit`` works on ``day`` (its end date is the first day it no longer does)."""
    return unit.valid_from <= day and (unit.valid_to is None or day < unit.valid_to)


def successors_on(unit: Unit, day: datetime.date) -> list[Unit]:
    """The units that took over from ``unit`` and work on ``day`` (followed through later
    successions when a successor has itself closed)."""
    found: list[Unit] = []
    seen, frontier = {unit.pk}, [unit.pk]
    while frontier:
        edges = UnitSuccession.objects.filter(predecessor_id__in=frontier).select_related(
            "successor"
        )
        frontier = []
        for edge in edges.order_by("successor__name"):
            successor = edge.successor
            if successor.pk in seen:
                continue
            seen.add(successor.pk)
            if in_force(successor, day):
                found.append(successor)
            else:
                frontier.append(successor.pk)
    return found


def _dmy(day: datetime.date) -> str:
    return date_format(day, "d/m/Y")


def successor_note(unit: Unit, day: datetime.date) -> SafeString:
    """When ``unit`` had closed by ``day``: where to do it instead, as links (else empty)."""
    successors = successors_on(unit, day) if unit.valid_to and day >= unit.valid_to else []
    if not successors:
        return format_html("")
    links = format_html_join(
        ", ",
        '<a href="{}" data-testid="successor-link">{}</a>',
        ((reverse("organizations:unit_detail", args=[s.pk]), s.name) for s in successors),
    )
    follow = _("Đơn vị đã kết thúc hoạt động từ ngày %(end)s; làm việc này tại đơn vị kế thừa:") % {
        "end": _dmy(unit.valid_to)  # type: ignore[arg-type]
    }
    return format_html("{} {}.", follow, links)


def with_successors(message: str, unit: Unit, day: datetime.date) -> SafeString:
    """``message`` (plain text), followed by the successor note when ``unit`` had closed."""
    note = successor_note(unit, day)
    return format_html("{} {}", message, note) if note else format_html("{}", message)


def out_of_service_message(unit: Unit, day: datetime.date) -> SafeString:
    """«Ngày … nằm ngoài thời gian hoạt động của …», with links to the successors when it has closed."""
    base = _("Ngày %(date)s nằm ngoài thời gian hoạt động của %(unit)s.") % {
        "date": _dmy(day),
        "unit": unit.name,
    }
    return with_successors(base, unit, day)


def require_in_force(unit: Unit, day: datetime.date, *, field: str) -> None:
    """Refuse an action of ``unit`` dated ``day`` outside its life, naming where to go instead."""
    if not in_force(unit, day):
        raise ApplicationError({field: out_of_service_message(unit, day)})
