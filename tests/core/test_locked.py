"""``locked()``: a row locked for a change does not block other transactions' foreign keys to the
rows it joins. At 50 users (bench/load.py) an answer that locked an assignment with its unit and a
proposal that referenced the same unit after taking the ledger's chain lock deadlocked."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from django.db import connection, connections, transaction

from doimoi.core.services import locked
from doimoi.ledger.services import append
from doimoi.organizations.models import Membership, Person, Role, Unit
from tests.conftest import require


@pytest.mark.postgres
def test_a_locked_row_and_a_ledger_append_referencing_its_unit_both_commit(
    transactional_db: None, demo: dict[str, Unit]
) -> None:
    require(connection.vendor == "postgresql", "needs PostgreSQL (SQLite writes one at a time)")
    held = Membership.objects.select_related("unit").order_by("pk").first()
    assert held is not None
    newcomer = Person.objects.create(full_name="Người Mới")
    row_locked, appended = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def answer() -> None:  # locks the membership (and, before the fix, its unit), then appends
        try:
            with transaction.atomic():
                row = locked(Membership.objects).select_related("unit").get(pk=held.pk)
                row_locked.set()
                appended.wait(10)
                append(action="organizations.unit.updated", subject=row.unit, actor=None)
        except BaseException as error:
            errors.append(error)
        finally:
            connections.close_all()

    def propose() -> None:  # takes the chain lock, then a row pointing at the same unit
        try:
            row_locked.wait(10)
            with transaction.atomic():
                append(action="organizations.unit.updated", subject=held.unit, actor=None)
                appended.set()
                Membership.objects.create(person=newcomer, unit=held.unit, role=Role.STAFF)
        except BaseException as error:
            errors.append(error)
        finally:
            appended.set()
            connections.close_all()

    threads = [threading.Thread(target=answer), threading.Thread(target=propose)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert not errors, errors
    assert Membership.objects.filter(person=newcomer, unit=held.unit).exists()


def test_locked_is_a_no_op_where_the_database_writes_one_at_a_time(db: None) -> None:
    query: Any = locked(Membership.objects).select_related("unit").query
    assert query.select_for_update and query.select_for_no_key_update
    assert query.select_for_update_of == ("self",)


def test_rows_are_locked_through_locked_only() -> None:
    """A bare ``select_for_update()`` (FOR UPDATE of every joined row) is the deadlock's cause."""

    src = Path(__file__).resolve().parents[2] / "src" / "doimoi"
    bare = [
        f"{path.relative_to(src)}:{number}"
        for path in src.rglob("*.py")
        if path.name != "services.py" or path.parent.name != "core"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "select_for_update(" in line and 'of=("self",)' not in line
    ]
    assert not bare, f"use doimoi.core.services.locked: {bare}"
