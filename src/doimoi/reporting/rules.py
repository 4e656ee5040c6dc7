"""Who may compose and issue documents, and who may read a unit's periodic figures."""

from __future__ import annotations

from typing import Any

import rules

from doimoi.documents.rules import NUMBER_ROLES, role_paths
from doimoi.organizations.models import Unit


@rules.predicate
def may_compose(user: Any) -> bool:
    """Someone who may take numbers from some unit's outgoing register."""
    return user.is_authenticated and (user.is_superuser or bool(role_paths(user, NUMBER_ROLES)))


@rules.predicate
def may_read_figures(user: Any, unit: Unit | None) -> bool:
    """The unit's figures are read by its own people and those of the units above it."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    paths = role_paths(user)
    if unit is None:
        return bool(paths)
    return any(unit.path.startswith(p) for p in paths)


rules.add_perm("reporting.compose_document", may_compose)
rules.add_perm("reporting.view_figures", may_read_figures)
