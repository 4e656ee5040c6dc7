"""Rows the queue needs beside django-tasks-db's own: who is alive, which periodic runs were queued."""

from __future__ import annotations

from django.db import models


class WorkerBeat(models.Model):
    """A worker process that says it is alive; a task held by a silent worker is retried."""

    worker_id = models.CharField(max_length=64, primary_key=True)
    host = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField()
    seen_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.worker_id} ({self.host}:{self.pid})"


class ScheduleSlot(models.Model):
    """One periodic run queued: the unique pair makes every slot run once, however many
    schedulers tick on however many machines."""

    name = models.CharField(max_length=100)
    slot = models.CharField(max_length=32)
    enqueued_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["name", "slot"], name="background_slot_once")
        ]

    def __str__(self) -> str:
        return f"{self.name}@{self.slot}"
