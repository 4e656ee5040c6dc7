"""A wrong arrival is cancelled, not deleted: kept in the register, marked, with the reason,
in the ledger (issue 9: the same document entered twice from a PNG and a PDF scan)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from doimoi.documents.demo import seed_demo
from doimoi.documents.models import IncomingEntry
from tests.conftest import LedgerProbe

pytestmark = pytest.mark.django_db


def test_a_wrong_arrival_is_cancelled_with_its_reason(demo: dict[str, Any], persona: Any) -> None:
    seed_demo(demo)
    ledger_probe = LedgerProbe()
    entry = IncomingEntry.objects.order_by("pk").first()
    assert entry is not None
    client = Client()
    client.force_login(persona("admin"))
    page = client.get(f"/van-ban/so-den/{entry.pk}/").content.decode()
    assert f'action="/van-ban/so-den/{entry.pk}/huy/"' in page
    refused = client.post(f"/van-ban/so-den/{entry.pk}/huy/", {"reason": " "})
    assert refused.status_code == 400 and "Ghi lý do hủy số đến." in refused.content.decode()
    ledger_probe.assert_nothing()
    reason = "Trùng số đến: cùng văn bản, bản quét PDF."
    done = client.post(f"/van-ban/so-den/{entry.pk}/huy/", {"reason": reason})
    assert done.status_code == 302
    entry.refresh_from_db()
    assert entry.cancelled_on is not None and entry.cancel_reason == reason
    assert IncomingEntry.objects.filter(pk=entry.pk).exists()  # kept, with its number
    event = ledger_probe.assert_recorded("documents.incoming.cancelled", entry)
    assert event.payload["reason"] == reason
    register = client.get(done["Location"]).content.decode()
    assert 'class="cancelled"' in register and "đã hủy" in register
    again = client.post(f"/van-ban/so-den/{entry.pk}/huy/", {"reason": reason})
    assert again.status_code == 400 and "đã hủy ngày" in again.content.decode()
