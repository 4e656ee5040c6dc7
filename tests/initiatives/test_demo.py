"""The demo: at least eight cases in different states in the Lâm Đồng units, through the services."""

from __future__ import annotations

from typing import Any

import pytest
from django.apps import apps

from doimoi.initiatives.models import Case
from doimoi.initiatives.states import CaseState
from doimoi.ledger.models import LedgerEvent
from doimoi.ledger.verify import verify


@pytest.mark.django_db
def test_seed_demo_is_idempotent_and_varied(demo: dict[str, Any]) -> None:
    config = apps.get_app_config("initiatives")
    config.seed_demo(demo)
    count, events = Case.objects.count(), LedgerEvent.objects.count()
    config.seed_demo(demo)
    assert (Case.objects.count(), LedgerEvent.objects.count()) == (count, events)
    states = set(Case.objects.values_list("state", flat=True))
    assert count >= 8 and len(states) >= 8
    assert {CaseState.PROTECTED, CaseState.REFERRED, CaseState.RECOGNIZED} <= states
    lam_dong = demo["Tỉnh ủy Lâm Đồng (từ 01/7/2025)"].path
    assert all(c.unit.path.startswith(lam_dong) for c in Case.objects.select_related("unit"))
    for case in Case.objects.all():
        assert LedgerEvent.objects.filter(
            subject_type="initiatives.case", subject_id=str(case.pk)
        ).exists()
    assert verify().ok
