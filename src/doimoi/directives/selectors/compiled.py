"""The directive page's lists (its late units, the top of its tree) read through a statement of
their ids compiled once per key, as the summary is (``rollup._statement``): building and
compiling a scoped queryset (the viewer's subtrees as subqueries, the clearances, the filters,
the parent out of sight) cost more than running it (about 2 ms each of a page's 20). The SQL is
a function of the key alone, so nothing needs forgetting when data changes; the rows are read
by those ids, with their units, in one statement."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from doimoi.core.statements import Statements
from doimoi.directives.models import Assignment

_IDS = Statements(512)


def assignments_among(key: Hashable, ids: Callable[[], QuerySet[Any]]) -> list[Assignment]:
    """The assignments whose ids ``ids()`` gives (a ``values("pk")`` queryset, compiled once per
    ``key``: the caller names in it everything its SQL depends on), with their units, by the
    unit's tree path."""
    sql, params = _IDS.compiled(key, ids)
    rows = Assignment.objects.filter(pk__in=RawSQL(sql, params)).select_related("unit")
    return list(rows.order_by("unit__path"))
