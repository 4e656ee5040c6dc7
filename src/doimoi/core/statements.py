"""SQL compiled once and kept in the process, for statements whose text is a function of a key.

Building a scoped queryset (the viewer's subtrees as subqueries, the clearances, the filters)
and compiling it costs several times what running it does on a hot page. Where the SQL and its
parameters are a function of a small key (the viewer's scope, the filters chosen), the compiled
text is kept under that key; nothing needs forgetting when data changes, since the data is read
when the statement runs."""

from __future__ import annotations

import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Collection, Hashable, Mapping
from typing import Any, TypeVar

from django.db import connection
from django.db.models import Model, QuerySet

Statement = tuple[str, tuple[Any, ...]]
M = TypeVar("M", bound=Model)


def statement_of(queryset: QuerySet[Any]) -> Statement:
    """The SQL of ``queryset`` and its parameters, as kept."""
    sql, params = queryset.query.sql_with_params()
    return sql, tuple(params)


def with_stand_ins(queryset: QuerySet[Any], stand_ins: Collection[Hashable]) -> Statement:
    """The statement of ``queryset``, built with ``stand_ins`` where each run's values go; its
    parameters are the stand-ins in the statement's order (``bound`` puts the values in). Each
    stand-in must be a parameter once and nothing else be one: a value compiled in would be
    kept for every later run."""
    sql, params = statement_of(queryset)
    if Counter(params) != Counter(stand_ins):
        raise ValueError(f"the parameters must be the stand-ins {tuple(stand_ins)!r}: {params!r}")
    return sql, params


def bound(stand_ins: tuple[Any, ...], values: Mapping[Any, Any]) -> list[Any]:
    """The parameters of a statement built ``with_stand_ins``: each stand-in's value."""
    return [values[p] for p in stand_ins]


def instance(model: type[M], **values: Any) -> M:
    """A row of ``model`` read as columns of a kept statement: ``values`` by attribute name (the
    rest deferred), as the ORM would have built it."""
    names = [f.attname for f in model._meta.concrete_fields if f.attname in values]
    return model.from_db(connection.alias, names, [values[name] for name in names])


class Statements:
    """At most ``size`` statements, the least recently used dropped first; safe across threads."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._kept: OrderedDict[Hashable, Statement] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, compile_: Callable[[], Statement]) -> Statement:
        with self._lock:
            found = self._kept.get(key)
            if found is not None:
                self._kept.move_to_end(key)
                return found
        found = compile_()
        with self._lock:
            self._kept[key] = found
            while len(self._kept) > self.size:
                self._kept.popitem(last=False)
        return found

    def compiled(self, key: Hashable, build: Callable[[], QuerySet[Any]]) -> Statement:
        """The statement of the queryset ``build()`` gives, compiled once per ``key``."""
        return self.get(key, lambda: statement_of(build()))

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()
