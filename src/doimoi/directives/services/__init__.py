"""Every change in a directive's cascade: permission, validation, write, ledger event, one transaction.

Other apps (and the API, views, commands) call these.
"""

from doimoi.directives.services.answers import (
    assignment_acknowledge,
    assignment_answer,
    assignment_forward,
    plan_tasks_assign,
)
from doimoi.directives.services.directives import directive_create, directive_distribute
from doimoi.directives.services.reminders import reminders_send
from doimoi.directives.services.reports import (
    parse_figures,
    report_accept,
    report_return,
    report_submit,
)
from doimoi.directives.services.sending import recipients_matching
from doimoi.directives.services.specs import RequirementSpec, TaskSpec
from doimoi.directives.services.urging import late_recipients, urging_issue

__all__ = [
    "RequirementSpec",
    "TaskSpec",
    "assignment_acknowledge",
    "assignment_answer",
    "assignment_forward",
    "directive_create",
    "directive_distribute",
    "late_recipients",
    "parse_figures",
    "plan_tasks_assign",
    "recipients_matching",
    "reminders_send",
    "report_accept",
    "report_return",
    "report_submit",
    "urging_issue",
]
