"""Time limits of a case, counted in working days from the step that starts them.

The limit comes from the case's rule set; a limit without a value (❌ in DOMAIN.md) is shown as not
set and never enforced. Checkpoints and the end of a pilot are calendar dates from the decision.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from doimoi.initiatives.models import Case, Confidence, LimitKey, TimeLimit
from doimoi.initiatives.states import ROLE_LABELS, CaseRole, CaseState
from doimoi.workdays import calendar


@dataclass(frozen=True)
class Deadline:
    """One thing due on a case: what, by when, whose, and how sure the rule is."""

    label: str | Promise
    due: datetime.date | None
    owner: CaseRole
    confidence: str = Confidence.CONFIRMED
    basis: str = ""

    @property
    def overdue(self) -> bool:
        return self.due is not None and self.due < timezone.localdate()

    @property
    def is_set(self) -> bool:
        return self.due is not None

    @property
    def owner_label(self) -> str | Promise:
        return ROLE_LABELS[self.owner]

    @property
    def confidence_label(self) -> str | Promise:
        return Confidence(self.confidence).label

    @property
    def confirmed(self) -> bool:
        return self.confidence == Confidence.CONFIRMED


def limit_of(case: Case, key: str) -> TimeLimit | None:
    return TimeLimit.objects.filter(rule_set_id=case.rule_set_id, key=key).order_by("pk").first()


def due_after(
    case: Case, key: str, start: datetime.date | None
) -> tuple[datetime.date | None, TimeLimit | None]:
    """The date ``key``'s limit falls on, counted from ``start`` (None when not set or not started)."""
    limit = limit_of(case, key)
    if start is None or limit is None or limit.working_days is None:
        return None, limit
    return calendar.add_working_days(start, limit.working_days), limit


def _limit_deadline(case: Case, key: str, start: datetime.date | None, owner: CaseRole) -> Deadline:
    due, limit = due_after(case, key, start)
    return Deadline(
        label=LimitKey(key).label,
        due=due,
        owner=owner,
        confidence=limit.confidence if limit else Confidence.UNCONFIRMED,
        basis=limit.basis if limit else "",
    )


def _review_key(case: Case) -> str:
    return LimitKey.WIDE_SCOPE_REVIEW if case.wide_scope else LimitKey.REVIEW


def _implementation(case: Case) -> list[Deadline]:
    found = []
    for checkpoint in case.checkpoints.filter(report__isnull=True).order_by("due_on")[:1]:
        label = _("Báo cáo tiến độ tại mốc kiểm tra")
        found.append(Deadline(label, checkpoint.due_on, CaseRole.PROPOSER))
    if case.end_on:
        found.append(
            Deadline(_("Kết thúc thực hiện theo quyết định"), case.end_on, CaseRole.PROPOSER)
        )
    return found


def case_deadlines(case: Case) -> list[Deadline]:
    """What is due now on ``case``, given its state."""
    state = case.state
    if state == CaseState.SUBMITTED:
        return [_limit_deadline(case, _review_key(case), case.submitted_on, CaseRole.HEAD)]
    if state == CaseState.IN_PROGRESS:
        return _implementation(case)
    if state == CaseState.COMPLETED:
        return [_limit_deadline(case, LimitKey.RESULT_REPORT, case.completed_on, CaseRole.PROPOSER)]
    if state == CaseState.STOPPED and not case.reported_on:
        return [_limit_deadline(case, LimitKey.RESULT_REPORT, case.completed_on, CaseRole.PROPOSER)]
    if state == CaseState.REPORTED:
        return [_limit_deadline(case, LimitKey.EVALUATION, case.reported_on, CaseRole.HEAD)]
    if state == CaseState.EVALUATED:
        return [
            _limit_deadline(case, LimitKey.EVALUATION_FOLLOWUP, case.evaluated_on, CaseRole.HEAD)
        ]
    return []


def is_late(case: Case, key: str, start: datetime.date | None, done: datetime.date) -> bool | None:
    """Whether ``done`` came after the limit ``key`` counted from ``start`` (None if not set)."""
    due, _limit = due_after(case, key, start)
    return None if due is None else done > due
