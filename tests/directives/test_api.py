"""The API: create a directive, list a unit's assignments, report, review, read the rollup."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

from doimoi.directives.models import Directive
from doimoi.directives.selectors import Scope, directive_summary
from tests.directives.conftest import WARDS, of, unit

D = datetime.date
pytestmark = pytest.mark.django_db
BASE = "/api/v1/directives"


def _client(persona: Any, username: str) -> Client:
    client = Client()
    client.force_login(persona(username))
    return client


def test_create_list_report_review_rollup(city_plan: Any, persona: Any, at: Any) -> None:
    clerk, head = _client(persona, "vanthu.baoloc"), _client(persona, "bithu.phuong1")
    body = {
        "document_id": city_plan.pk,
        "issuer_id": unit("Thành ủy Bảo Lộc").pk,
        "recipients_kind": "grassroots",
        "requirements": [{"kind": "report", "date": "2022-06-30"}, {"kind": "plan", "days": 10}],
        "sent_on": "2022-05-05",
    }
    with at(2022, 5, 5):
        created = clerk.post(f"{BASE}/", body, content_type="application/json")
    assert created.status_code == 201, created.content
    assert created.json()["recipients"] == 3
    directive = Directive.objects.get(pk=created.json()["id"])
    ward = unit(WARDS[0])
    listed = head.get(f"{BASE}/units/{ward.pk}/assignments").json()
    assert [a["unit_name"] for a in listed] == [WARDS[0]] and listed[0]["plan_due"] == "2022-05-19"
    with at(2022, 6, 2):
        reported = head.post(
            f"{BASE}/assignments/{listed[0]['id']}/reports",
            {"narrative": "Đã quán triệt.", "figures": [{"label": "Số buổi", "value": 2}]},
            content_type="application/json",
        )
        assert reported.status_code == 201 and reported.json()["on_time"] is True
        refused = clerk.post(
            f"{BASE}/reports/{reported.json()['id']}/review",
            {"decision": "return"},
            content_type="application/json",
        )
        assert refused.status_code == 400 and "reason" in refused.json()["detail"]
        returned = clerk.post(
            f"{BASE}/reports/{reported.json()['id']}/review",
            {"decision": "return", "reason": "Thiếu số liệu."},
            content_type="application/json",
        )
    assert returned.json()["state"] == "returned"
    with at(2022, 7, 1):
        rollup = clerk.get(f"{BASE}/{directive.pk}/rollup").json()
    assert rollup["total"]["received"] == 3 and rollup["total"]["overdue"] == 3
    assert rollup["reports"]["returned"] == 1
    assert head.get(f"{BASE}/{directive.pk}/rollup", {"requirement": "nope"}).status_code == 400
    assert of(directive, WARDS[0]).report_on is None


def test_report_for_another_unit_is_forbidden(cascade: Directive, persona: Any, at: Any) -> None:
    with at(2022, 6, 2):
        response = _client(persona, "bithu.phuong1").post(
            f"{BASE}/assignments/{of(cascade, WARDS[1]).pk}/reports",
            {"narrative": "x"},
            content_type="application/json",
        )
    assert response.status_code == 404  # not even visible to a sibling


def test_endpoints_are_in_the_openapi_document(persona: Any) -> None:
    paths = _client(persona, "admin").get("/api/v1/openapi.json").json()["paths"]
    for path in (
        f"{BASE}/",
        f"{BASE}/units/{{unit_id}}/assignments",
        f"{BASE}/assignments/{{assignment_id}}/reports",
        f"{BASE}/{{directive_id}}/rollup",
    ):
        assert path in paths, path


@pytest.mark.present  # the demo as seeded today
def test_every_demo_directives_rollup_answers_with_its_rates(demo: Any, persona: Any) -> None:
    """The completion rate has one decimal (63.6 %); the schema once allowed whole numbers only,
    so a rollup whose rate was not whole answered 500."""
    call_command("seed_demo", verbosity=0)
    admin = persona("admin")
    client = _client(persona, "admin")
    directives = list(Directive.objects.all())
    assert directives
    for directive in directives:
        response = client.get(f"{BASE}/{directive.pk}/rollup")
        assert response.status_code == 200, (directive.pk, response.content[:300])
        summary = directive_summary(
            Scope(directive=directive, viewer=admin), today=datetime.date.today()
        )
        assert response.json()["total"]["rate"] == summary.total["rate"]
    rates = [client.get(f"{BASE}/{d.pk}/rollup").json()["total"]["rate"] for d in directives]
    assert any(isinstance(rate, float) and rate != int(rate) for rate in rates), rates
