"""Where an assignment, a task and a report stand, and who may move them where.

Overdue is not a state: it is derived from the due dates (a due date passed, its milestone empty),
so it can never be forgotten or left stale. A transition with ``target=None`` keeps the state.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from django.db import models
from django.utils.translation import gettext_lazy as _


class AssignmentState(models.TextChoices):
    """How far a unit has got with what it received."""

    RECEIVED = "received", _("Đã nhận")
    ACKNOWLEDGED = "acknowledged", _("Đã xác nhận")
    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    REPORTED = "reported", _("Đã báo cáo, chờ xem xét")
    DONE = "done", _("Hoàn thành")


class TaskState(models.TextChoices):
    """A named task of a plan, assigned to one unit."""

    ASSIGNED = "assigned", _("Đang thực hiện")
    REPORTED = "reported", _("Đã báo cáo, chờ xem xét")
    DONE = "done", _("Hoàn thành")


class ReportState(models.TextChoices):
    """A report sent up, and what the sender of the directive made of it."""

    SUBMITTED = "submitted", _("Chờ xem xét")
    ACCEPTED = "accepted", _("Đã chấp nhận")
    RETURNED = "returned", _("Trả lại")


class Actor(StrEnum):
    """Who moves an assignment: the unit that received it, or the unit that sent it."""

    RECIPIENT = "recipient"
    SENDER = "sender"


@dataclass(frozen=True)
class Transition:
    """One move of an assignment."""

    name: str
    sources: frozenset[str]
    target: str | None
    actor: Actor


A = AssignmentState
OPEN = frozenset({A.RECEIVED, A.ACKNOWLEDGED, A.IN_PROGRESS})
ANSWERABLE = OPEN | {A.REPORTED}

ASSIGNMENT_TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in [
        Transition("acknowledge", frozenset({A.RECEIVED}), A.ACKNOWLEDGED, Actor.RECIPIENT),
        # linking a plan or forwarding dispatch, recording a study session, reporting on a task
        Transition("answer", ANSWERABLE, None, Actor.RECIPIENT),
        Transition("report", OPEN, A.REPORTED, Actor.RECIPIENT),
        # accepted: done when nothing else is owed, else back to work (next period, open items)
        Transition("accept", frozenset({A.REPORTED}), None, Actor.SENDER),
        Transition("return", frozenset({A.REPORTED}), A.IN_PROGRESS, Actor.SENDER),
    ]
}

T = TaskState
TASK_TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in [
        Transition("report", frozenset({T.ASSIGNED}), T.REPORTED, Actor.RECIPIENT),
        Transition("accept", frozenset({T.REPORTED}), T.DONE, Actor.SENDER),
        Transition("return", frozenset({T.REPORTED}), T.ASSIGNED, Actor.SENDER),
    ]
}

R = ReportState
REPORT_TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in [
        Transition("accept", frozenset({R.SUBMITTED}), R.ACCEPTED, Actor.SENDER),
        Transition("return", frozenset({R.SUBMITTED}), R.RETURNED, Actor.SENDER),
    ]
}


def allowed(table: dict[str, Transition], name: str, state: str) -> bool:
    """Whether ``name`` may move something in ``state``."""
    transition = table.get(name)
    return transition is not None and state in transition.sources
