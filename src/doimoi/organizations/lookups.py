"""Two lookups that keep subtree filters on the tree's path index, on both databases.

- ``unit__any_of=<subquery>``: a unit foreign key among the subquery's ids. PostgreSQL plans
  ``unit_id IN (SELECT …)`` as a hash join that reads every row of the table (a national directive:
  86,712 reports read to keep 2,950); ``unit_id = ANY(ARRAY(SELECT …))`` runs the subquery once and
  looks each id up in the foreign key's index. Elsewhere it is ``IN (SELECT …)``.
- ``path__under="0001000A"``: the path starts so. SQLite does not use an index for Django's
  ``LIKE … ESCAPE``; a range on the path (``path >= p AND path < p || '~'``, '~' sorting after
  every path character) does. PostgreSQL keeps ``LIKE 'p%'`` (its pattern index serves it).
"""

from __future__ import annotations

from typing import Any

from django.db.models import CharField, Expression, ForeignKey, IntegerField, Lookup
from django.db.models.sql.query import Query

PATH_END = "~"  # after every character of a tree path (0-9, A-Z) in byte order


class AnyOf(Lookup):
    """``fk__any_of=queryset``: the key is one of the queryset's (single column) values."""

    lookup_name = "any_of"
    prepare_rhs = False

    def get_prep_lookup(self) -> Any:
        if isinstance(self.rhs, Query):  # as Django's ``__in``: a subquery needs no order
            self.rhs.clear_ordering(clear_default=True)
        return self.rhs

    def get_db_prep_lookup(self, value: Any, connection: Any) -> Any:
        return ("%s", [value])

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, Any]:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = compiler.compile(self.rhs)
        rhs = rhs if rhs.startswith("(") else f"({rhs})"
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(ARRAY{rhs})", [*lhs_params, *rhs_params]
        return f"{lhs} IN {rhs}", [*lhs_params, *rhs_params]


class Subtrees(Expression):
    """The ids of the units under ``paths`` (a subquery for ``any_of``), as ``under`` reads them.

    Written out, not built as a queryset: the same SQL, but a scope filter holds several (a
    placement and a clearance each), and a queryset's subquery was cloned, resolved and
    compiled anew in every query that took the filter in (a millisecond a statement). This one
    is fixed once made: resolving it is itself, its SQL is kept per database."""

    output_field = IntegerField()

    def __init__(self, table: str, paths: tuple[str, ...]) -> None:
        super().__init__()
        self.table, self.paths = table, tuple(paths)
        self._sql: dict[str, tuple[str, tuple[str, ...]]] = {}
        self._hash = hash((table, self.paths))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Subtrees) and (other.table, other.paths) == (
            self.table,
            self.paths,
        )

    def __hash__(self) -> int:  # asked often while a filter is built (Expression's is slow)
        return self._hash

    def resolve_expression(self, *args: Any, **kwargs: Any) -> Subtrees:
        return self

    def relabeled_clone(self, change_map: Any) -> Subtrees:
        return self  # it names no column of the query around it

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, tuple[str, ...]]:
        if connection.vendor not in self._sql:
            self._sql[connection.vendor] = self._written(connection)
        return self._sql[connection.vendor]

    def _written(self, connection: Any) -> tuple[str, tuple[str, ...]]:
        quote = connection.ops.quote_name
        path = f"tu.{quote('path')}"
        if connection.vendor == "sqlite":
            one = f"({path} >= %s AND {path} < %s)"
            params = [v for p in self.paths for v in (p, p + PATH_END)]
        else:
            one = f"{path} LIKE %s"
            params = [connection.ops.prep_for_like_query(p) + "%" for p in self.paths]
        where = " OR ".join([one] * len(self.paths))
        sql = f"(SELECT tu.{quote('id')} FROM {quote(self.table)} tu WHERE ({where}))"
        return sql, tuple(params)


class Under(Lookup):
    """``path__under="0001000A"``: the path begins with the value (a subtree)."""

    lookup_name = "under"

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, Any]:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        _rhs, rhs_params = self.process_rhs(compiler, connection)
        value = str(rhs_params[0])
        if connection.vendor == "sqlite":
            return f"({lhs} >= %s AND {lhs} < %s)", [
                *lhs_params,
                value,
                *lhs_params,
                value + PATH_END,
            ]
        return f"{lhs} LIKE %s", [*lhs_params, connection.ops.prep_for_like_query(value) + "%"]


ForeignKey.register_lookup(AnyOf)
CharField.register_lookup(Under)
