"""Who may compose and issue documents, and who may read a unit's periodic figures (through the
one scope of organizations)."""

from __future__ import annotations

from typing import Any

import rules

from doimoi.documents.rules import NUMBER_ROLES
from doimoi.organizations.models import Unit
from doimoi.organizations.scope import may, scope_of
from doimoi.reporting.models import IssueJob


@rules.predicate
def may_compose(user: Any) -> bool:
    """Someone who may take numbers from some unit's outgoing register."""
    scope = scope_of(user)
    return scope.authenticated and (scope.superuser or bool(scope.paths(NUMBER_ROLES)))


@rules.predicate
def may_read_figures(user: Any, unit: Unit | None) -> bool:
    """The unit's figures are read by its own people and those of the units above it."""
    scope = scope_of(user)
    if not scope.authenticated:
        return False
    if unit is None:
        return scope.superuser or bool(scope.paths())
    return scope.covers(unit)


@rules.predicate
def may_follow_issue(user: Any, job: IssueJob | None) -> bool:
    """An issue is followed by the person who asked for it."""
    return may(user, job, "view")


rules.add_perm("reporting.compose_document", may_compose)
rules.add_perm("reporting.view_issue_job", may_follow_issue)
rules.add_perm("reporting.view_figures", may_read_figures)
