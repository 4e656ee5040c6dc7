"""The API for logging and listing activities, through the viewer's scope."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from doimoi.outreach.models import Activity
from tests.outreach.conftest import BL1, CELL_LP, CELL_LT, days_ago, form, unit

pytestmark = pytest.mark.django_db
BASE = "/api/v1/outreach"


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_log_then_list_activities(plan64: Any, clerk: Any, persona: Any) -> None:
    client = _client(clerk)
    item = plan64.items.get(number="2")
    body = {
        "unit_id": unit(CELL_LP).pk,
        "form_id": form("Hội nghị học tập, quán triệt").pk,
        "held_on": days_ago(2).isoformat(),
        "title": "Quán triệt Kết luận 14-KL/TW",
        "plan_id": plan64.pk,
        "item_ids": [item.pk],
        "excused": 2,
        "attended": 31,
    }
    created = client.post(f"{BASE}/activities", body, content_type="application/json")
    assert created.status_code == 201, created.content
    data = created.json()
    assert (data["study"], data["members"], data["attended"], data["item_ids"]) == (
        True,
        36,
        31,
        [item.pk],
    )
    listed = client.get(
        f"{BASE}/activities", {"unit_id": unit(BL1).pk, "plan_id": plan64.pk}
    ).json()
    assert [a["id"] for a in listed] == [data["id"]]
    assert client.get(f"{BASE}/activities", {"start": days_ago(1).isoformat()}).json() == []
    plans = client.get(f"{BASE}/plans").json()
    assert [p["reference"] for p in plans] == ["64-KH/ThU"] and len(plans[0]["items"]) == 6
    # the other cell's head sees only its own cell's activities
    other = _client(persona("bithu.phuong1"))
    assert [a["id"] for a in other.get(f"{BASE}/activities").json()] == [data["id"]]


def test_refusals_name_the_field_and_hide_what_is_out_of_scope(
    plan64: Any, clerk: Any, persona: Any
) -> None:
    client = _client(clerk)
    body = {"unit_id": unit(CELL_LT).pk, "form_id": form("Hội nghị học tập, quán triệt").pk,
            "held_on": days_ago(1).isoformat(), "title": "Quán triệt", "plan_id": plan64.pk,
            "excused": 30, "attended": 5}  # fmt: skip
    refused = client.post(f"{BASE}/activities", body, content_type="application/json")
    assert refused.status_code == 400 and "excused" in refused.json()["detail"]
    outsider = _client(persona("vanthu.dukdn"))
    hidden = outsider.post(
        f"{BASE}/activities", body | {"excused": 1}, content_type="application/json"
    )
    assert hidden.status_code == 404
    assert outsider.get(f"{BASE}/activities", {"unit_id": unit(BL1).pk}).status_code == 404
    assert outsider.get(f"{BASE}/activities", {"plan_id": plan64.pk}).status_code == 404
    cell_head = _client(persona("bithu.phuong1"))
    sibling = cell_head.post(
        f"{BASE}/activities", body | {"unit_id": unit(CELL_LT).pk}, content_type="application/json"
    )
    assert sibling.status_code == 404
    negative = client.post(
        f"{BASE}/activities", body | {"people": -1}, content_type="application/json"
    )
    assert negative.status_code == 422
    assert not Activity.objects.exists()
    assert Client().get(f"{BASE}/activities").status_code == 401
