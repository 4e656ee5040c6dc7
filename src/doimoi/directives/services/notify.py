"""Notifications: in-app rows for the people of a unit, and the same message by email.

Email is a background task queued in the same transaction (``background.tasks.send_mail_batch``),
so a refused change never sends anything and a slow mail server never holds a request; a
reminder's ``key`` makes it idempotent.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction

from doimoi.background.queue import defer
from doimoi.background.tasks import send_mail_batch
from doimoi.directives.models import Assignment, Directive, Notification
from doimoi.directives.rules import NOTIFY_ROLES
from doimoi.documents.selectors import clearance_level
from doimoi.organizations.models import Membership


@dataclass(frozen=True)
class Notice:
    """One message for the people of one unit."""

    unit_id: int
    key: str
    message: str
    link: str
    directive: Directive | None = None
    assignment: Assignment | None = None


def _people(unit_ids: set[int]) -> dict[int, list[tuple[int, str]]]:
    """(user id, email) of the people to tell in each unit."""
    rows = (
        Membership.objects.active()
        .filter(unit_id__in=unit_ids, role__in=NOTIFY_ROLES, person__user__is_active=True)
        .values_list("unit_id", "person__user_id", "person__user__email")
        .distinct()
    )
    people: dict[int, list[tuple[int, str]]] = {}
    for unit_id, user_id, email in rows:
        people.setdefault(unit_id, []).append((user_id, email or ""))
    return people


def _may_read(notice: Notice, user_id: int) -> bool:
    """A classified directive's message (it names the document) goes only to the cleared."""
    level = notice.directive.document.confidentiality if notice.directive is not None else 0
    return level == 0 or clearance_level(user_id=user_id, unit_id=notice.unit_id) >= level


CHUNK = 500


def send(notices: Iterable[Notice]) -> int:
    """Store each notice once per person and queue its email with it; return how many were new."""
    pending, sent = list(notices), 0
    for i in range(0, len(pending), CHUNK):  # a national sending tells 60,000 units
        sent += _send(pending[i : i + CHUNK])
    return sent


@transaction.atomic
def _send(notices: list[Notice]) -> int:
    people = _people({n.unit_id for n in notices})
    wanted = [
        (n, user, email)
        for n in notices
        for user, email in people.get(n.unit_id, [])
        if _may_read(n, user)
    ]
    if not wanted:
        return 0
    known = set(
        Notification.objects.filter(
            user_id__in={user for _n, user, _e in wanted}, key__in={n.key for n in notices}
        ).values_list("user_id", "key")
    )
    fresh = [(n, user, email) for n, user, email in wanted if (user, n.key) not in known]
    Notification.objects.bulk_create(
        [
            Notification(
                user_id=user,
                unit_id=n.unit_id,
                directive=n.directive,
                assignment=n.assignment,
                key=n.key[:128],
                message=n.message[:500],
                link=n.link,
            )
            for n, user, _email in fresh
        ],
        ignore_conflicts=True,
    )
    mails = [(n, email) for n, _user, email in fresh if email]
    if mails:
        _email(mails)
    return len(fresh)


def _email(mails: list[tuple[Notice, str]]) -> None:
    base = os.environ.get("DOIMOI_BASE_URL", "").rstrip("/")
    sender = getattr(settings, "DEFAULT_FROM_EMAIL", None)
    messages: list[list[object]] = [
        ["[doimoi] " + n.message[:150], f"{n.message}\n\n{base}{n.link}\n", sender, [email]]
        for n, email in mails
    ]
    defer(send_mail_batch, messages)
