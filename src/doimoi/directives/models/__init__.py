"""The directives app's data: directives, sendings, assignments, tasks, reports, notices."""

from doimoi.directives.models.directives import (
    KINDS,
    Assignment,
    CascadeStamp,
    Directive,
    Distribution,
    Period,
    Requirement,
    RequirementKind,
)
from doimoi.directives.models.notices import Notification, UrgingDispatch
from doimoi.directives.models.work import Report, ReportAttachment, Task

__all__ = [
    "KINDS",
    "Assignment",
    "CascadeStamp",
    "Directive",
    "Distribution",
    "Notification",
    "Period",
    "Report",
    "ReportAttachment",
    "Requirement",
    "RequirementKind",
    "Task",
    "UrgingDispatch",
]
