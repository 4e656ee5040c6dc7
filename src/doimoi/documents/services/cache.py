"""A memo that lives for one batch of files: issuer matches and committee terms are looked up
once per batch instead of once per citation. Outside a batch nothing is cached."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

T = TypeVar("T")
_memo: ContextVar[dict[Hashable, Any] | None] = ContextVar("doimoi_documents_batch", default=None)


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
