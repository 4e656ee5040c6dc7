"""Queueing a task from a service: in the caller's transaction, so the task exists iff the change does."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django_tasks import task_backends
from django_tasks.base import Task
from django_tasks_db import DatabaseBackend


def defer(task: Task[Any, Any], *args: Any, **kwargs: Any) -> None:
    """Queue ``task``: a database queue row is written in the current transaction (it commits
    or rolls back with the change); any other backend runs it after the commit."""
    backend = task_backends[task.backend]
    if isinstance(backend, DatabaseBackend):
        task.enqueue(*args, **kwargs)
    else:
        transaction.on_commit(lambda: task.enqueue(*args, **kwargs))
