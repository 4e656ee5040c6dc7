"""Memos for ingest's lookups.

``memo``: lives for one batch of files (committee terms, the units' stamp); outside a batch
nothing is cached. ``kept``: answers read from the unit tree alone (issuer matching), kept in
this process across batches and requests under the scope stamp's token
(``organizations.models.ScopeStamp``), which database triggers renew on every write to units
whoever writes: a changed tree is a new token, and nothing kept under the old one is used again.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

from django.db import connection

from doimoi.organizations.models import ScopeStamp

T = TypeVar("T")
_memo: ContextVar[dict[Hashable, Any] | None] = ContextVar("doimoi_documents_batch", default=None)

KEPT_MAX = 4096  # answers kept per process; past it they are dropped and read again
_kept: dict[tuple[str, str], dict[Hashable, Any]] = {}  # (database, token) → answers


@contextmanager
def batch() -> Iterator[None]:
    """Cache lookups for the files read inside this block (nested blocks share the outer cache)."""
    if _memo.get() is not None:
        yield
        return
    token = _memo.set({})
    try:
        yield
    finally:
        _memo.reset(token)


def memo(key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, remembered under ``key`` for the current batch."""
    store = _memo.get()
    if store is None:
        return compute()
    if key not in store:
        store[key] = compute()
    return store[key]


def _token() -> str | None:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {ScopeStamp.token_sql()}")
        row = cursor.fetchone()
    return str(row[0]) if row and row[0] else None


def units_stamp(read: str | None = None) -> str | None:
    """The scope stamp's token, read once per batch (every call outside one); None when the
    database has none yet (an emptied table: nothing is kept until a write gives it one).
    ``read``: the token as the caller read it with a statement of its own (``ScopeStamp.token_sql``)."""
    return memo(("units stamp", connection.alias), lambda: read or _token())


def kept(key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()`` (which must read nothing but units), kept under ``key`` in this process
    while the units' stamp read in this batch stays the same; the stamp is read before what is
    kept, so nothing kept is older than its stamp."""
    token = units_stamp()
    if token is None:
        return memo(key, compute)
    where = (connection.alias, token)
    store = _kept.get(where)
    if store is None or len(store) >= KEPT_MAX:
        for old in list(_kept):  # answers under another token are never asked for again
            if old[0] == connection.alias:
                _kept.pop(old, None)
        store = _kept[where] = {}
    if key not in store:
        store[key] = compute()
    found: T = store[key]
    return found
