"""Reading the ledger: an object's timeline."""

from __future__ import annotations

from django.db import models
from django.db.models import QuerySet

from doimoi.ledger.models import LedgerEvent


def event_list_for(*, subject: models.Model, limit: int = 200) -> QuerySet[LedgerEvent]:
    """The events recorded on ``subject``, oldest first (the caller has checked visibility)."""
    return LedgerEvent.objects.filter(
        subject_type=subject._meta.label_lower, subject_id=str(subject.pk)
    ).order_by("seq")[:limit]
