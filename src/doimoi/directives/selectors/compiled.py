"""The directive page's lists (its late units, the top of its tree) read through one statement
compiled once per key, as the summary is (``rollup._statement``): building and compiling a
scoped queryset (the viewer's subtrees as subqueries, the clearances, the filters, the parent
out of sight) cost more than running it, and so did compiling the read of those rows with their
units (select_related) around the kept ids, at every view. The SQL is a function of the key
alone, so nothing needs forgetting when data changes; the rows are read through ``raw()``, which
converts each column as the ORM does, their units from columns of the same statement."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from django.db.models import F, QuerySet

from doimoi.core.statements import Statements, instance
from doimoi.directives.models import Assignment
from doimoi.organizations.models import Unit

_KEPT = Statements(512)
_UNIT = list(Unit._meta.concrete_fields)
_COLUMNS = {f"unit_row_{f.attname}": F(f"unit__{f.attname}") for f in _UNIT}


def _among(ids: QuerySet[Any]) -> QuerySet[Assignment]:
    return Assignment.objects.filter(pk__in=ids).annotate(**_COLUMNS).order_by("unit__path")


def assignments_among(key: Hashable, ids: Callable[[], QuerySet[Any]]) -> list[Assignment]:
    """The assignments whose ids ``ids()`` gives (a ``values("pk")`` queryset; the statement is
    compiled once per ``key``: the caller names in it everything its SQL depends on), with
    their units, by the unit's tree path."""
    sql, params = _KEPT.compiled(key, lambda: _among(ids()))
    rows = list(Assignment.objects.raw(sql, params))
    for a in rows:
        a.unit = _unit(a)
    return rows


def _unit(a: Assignment) -> Unit:
    """The unit read in ``a``'s row (its columns taken off ``a``), each value as its field's."""
    return instance(
        Unit, **{f.attname: f.to_python(a.__dict__.pop(f"unit_row_{f.attname}")) for f in _UNIT}
    )
