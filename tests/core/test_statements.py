"""Statements compiled once: kept under their key, the least recently used dropped first."""

from __future__ import annotations

from doimoi.core.statements import Statement, Statements


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
