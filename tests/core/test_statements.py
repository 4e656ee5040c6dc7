"""Statements compiled once: kept under their key, the least recently used dropped first."""

from __future__ import annotations

import pytest

from doimoi.core.statements import Statement, Statements, bound, with_stand_ins
from doimoi.ledger.models import LedgerEvent


def test_a_statement_is_compiled_once_per_key_and_the_oldest_unused_goes_first() -> None:
    compiled: list[str] = []

    def compile_(name: str) -> Statement:
        compiled.append(name)
        return f"SELECT {name}", ()

    kept = Statements(2)
    assert kept.get("a", lambda: compile_("a")) == ("SELECT a", ())
    kept.get("b", lambda: compile_("b"))
    kept.get("a", lambda: compile_("a"))  # kept: a is now the most recently used
    kept.get("c", lambda: compile_("c"))  # b goes
    kept.get("a", lambda: compile_("a"))
    kept.get("b", lambda: compile_("b"))
    assert compiled == ["a", "b", "c", "b"]


@pytest.mark.django_db
def test_stand_ins_must_be_the_parameters_and_are_bound_in_the_statements_order() -> None:
    events = LedgerEvent.objects.filter(subject_id="stand.id", subject_type="stand.type")
    sql, stand_ins = with_stand_ins(events, ["stand.type", "stand.id"])
    assert sorted(stand_ins) == ["stand.id", "stand.type"] and "stand.id" not in sql
    assert bound(("b", "a", "b"), {"a": 1, "b": 2}) == [2, 1, 2]  # in the statement's order
    with pytest.raises(ValueError):  # a value compiled in would be kept for every run
        with_stand_ins(events.filter(action="a.b.c"), ["stand.type", "stand.id"])
    with pytest.raises(ValueError):  # a stand-in the statement does not use
        with_stand_ins(events, ["stand.type", "stand.id", "stand.unused"])
