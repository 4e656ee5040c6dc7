"""Reminders before and after each deadline, in the app and by email; run once a day.

Before: when a milestone falls due within the next few working days. After: the day after it
passed, then once a week while it stays late. Each reminder has a key, so running the job twice
on a day sends nothing twice.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from django.urls import reverse
from django.utils.translation import gettext as _

from doimoi.directives.models import KINDS, Assignment, RequirementKind, Task
from doimoi.directives.output.urging_text import lower_first
from doimoi.directives.services import notify
from doimoi.directives.services.common import dmy, today
from doimoi.directives.states import AssignmentState, TaskState
from doimoi.workdays import calendar

BEFORE_WORKING_DAYS = 3


def _assignment_notices(day: datetime.date, horizon: datetime.date) -> Iterator[notify.Notice]:
    for kind in KINDS:
        label = lower_first(RequirementKind(kind).label)
        pending = Assignment.objects.exclude(state=AssignmentState.DONE).filter(
            **{
                f"{kind}_on__isnull": True,
                f"{kind}_due__isnull": False,
                f"{kind}_due__lte": horizon,
            }
        )
        rows = pending.values_list("pk", "unit_id", f"{kind}_due", "directive__title")
        for pk, unit_id, due, title in rows.iterator():
            yield _notice(f"assignment:{pk}:{kind}:{due}", unit_id, pk, label, due, title, day)


def _task_notices(day: datetime.date, horizon: datetime.date) -> Iterator[notify.Notice]:
    pending = Task.objects.filter(state=TaskState.ASSIGNED, due_date__lte=horizon)
    rows = pending.values_list(
        "pk", "unit_id", "assignment_id", "due_date", "title", "directive__title"
    )
    for pk, unit_id, assignment_id, due, task, title in rows.iterator():
        label = _("nhiệm vụ «%(task)s»") % {"task": task}
        yield _notice(f"task:{pk}:{due}", unit_id, assignment_id, label, due, title, day)


def _notice(
    key: str,
    unit_id: int,
    assignment_id: int,
    label: object,
    due: datetime.date,
    title: str,
    day: datetime.date,
) -> notify.Notice:
    values = {"what": label, "date": dmy(due), "title": title}
    if due >= day:
        key, message = f"{key}:before", _("Sắp đến hạn %(what)s (%(date)s): %(title)s") % values
    else:
        week = (day - due).days // 7
        key, message = f"{key}:after:{week}", _("Quá hạn %(what)s (%(date)s): %(title)s") % values
    link = reverse("directives:assignment_detail", args=[assignment_id])
    return notify.Notice(unit_id=unit_id, key=key, message=message, link=link)


def reminders_send(*, day: datetime.date | None = None, before: int = BEFORE_WORKING_DAYS) -> int:
    """Send today's reminders; return how many notifications were new."""
    day = day or today()
    horizon = calendar.add_working_days(day, before)
    sent = notify.send(_assignment_notices(day, horizon))
    return sent + notify.send(_task_notices(day, horizon))
