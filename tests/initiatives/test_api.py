"""/api/v1/initiatives/: list and detail scoped to the user; transitions with their own fields."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from django.utils import translation

from doimoi.api.urls import api
from doimoi.initiatives import states
from doimoi.initiatives.states import CaseState
from tests.initiatives import flow

BASE = "/api/v1/initiatives/"


@pytest.fixture
def as_user(persona: Any) -> Any:
    def login(username: str) -> Client:
        client = Client()
        client.force_login(persona(username))
        return client

    return login


def _post(client: Client, case_id: int, name: str, body: dict[str, Any]) -> Any:
    return client.post(f"{BASE}{case_id}/transitions/{name}", json.dumps(body),
                       content_type="application/json")  # fmt: skip


@pytest.mark.django_db
def test_list_and_detail_are_scoped(d: Any, as_user: Any) -> None:
    draft, sent = flow.draft(d), flow.submitted(d)
    ids = [c["id"] for c in as_user(flow.HEAD).get(BASE).json()]
    assert sent.pk in ids and draft.pk not in ids
    assert as_user(flow.OUTSIDER).get(BASE).json() == []
    assert as_user(flow.OUTSIDER).get(f"{BASE}{sent.pk}").status_code == 404
    detail = as_user(flow.HEAD).get(f"{BASE}{sent.pk}").json()
    assert detail["state"] == "submitted" and detail["decider"] == "Đảng ủy phường 1 Bảo Lộc"
    assert [t["name"] for t in detail["allowed_transitions"]] == [
        "return_for_revision", "put_to_collective", "escalate",
    ]  # fmt: skip
    assert detail["deadlines"][0]["confidence"] == "secondary"
    assert Client().get(BASE).status_code in (302, 401)  # the login page, or 401


@pytest.mark.django_db
def test_walk_a_case_through_the_api(d: Any, as_user: Any, ledger_probe: Any) -> None:
    case = flow.under_review(d)
    head, clerk, today = as_user(flow.HEAD), as_user(flow.CLERK), d.today.isoformat()
    response = _post(clerk, case.pk, "record_party_opinion",
                     {"body": "Ban Thường vụ", "opinion": "Đồng ý.", "given_on": today})  # fmt: skip
    assert response.status_code == 200, response.content
    items = case.rule_set.items.filter(kind__in=["condition", "legality"])
    answers = {str(i.pk): {"answer": "yes", "note": "Đạt."} for i in items}
    assert _post(head, case.pk, "answer_checklist", {"answers": answers}).status_code == 200
    voters = {str(d.person(u).pk): "for" for u in (flow.HEAD, flow.DEPUTY, flow.DEPUTY2)}
    response = _post(head, case.pk, "record_vote", {"held_on": today, "ballots": voters})
    assert response.status_code == 200, response.content
    body = {"decided_on": today, "decision_symbol": "40-QĐ/ThU", "content": "Cho thí điểm.",
            "scope": "Khu phố 1", "start_on": today, "end_on": d.days(60).isoformat(),
            "resources": "10 triệu", "indicators": "Giảm 30%", "stop_conditions": "Sai sót",
            "checkpoints": [d.days(30).isoformat()], "supervisor": d.person(flow.SUPERVISOR).pk}  # fmt: skip
    response = _post(head, case.pk, "approve_pilot", body)
    assert response.status_code == 200, response.content
    assert response.json()["state"] == CaseState.PILOT_APPROVED
    ledger_probe.assert_recorded("initiatives.case.pilot_approved", case)


@pytest.mark.django_db
def test_api_refusals_name_what_is_missing(d: Any, as_user: Any) -> None:
    case = flow.ready_to_decide(d)
    response = _post(as_user(flow.HEAD), case.pk, "reject",
                     {"decided_on": d.today.isoformat(), "reasons": "Không.", "decision_symbol": "1-QĐ/ThU"})  # fmt: skip
    assert response.status_code == 400
    assert "thông qua" in response.json()["errors"]["vote"][0]
    response = _post(
        as_user(flow.PROPOSER),
        case.pk,
        "reject",
        {"decided_on": d.today.isoformat(), "reasons": "x"},
    )
    assert response.status_code == 403
    response = _post(as_user(flow.HEAD), case.pk, "approve", {"decided_on": d.today.isoformat()})
    assert response.status_code == 422  # the schema says content is required


def test_openapi_describes_every_transition_with_its_fields() -> None:
    schema = api.get_openapi_schema()
    components = schema["components"]["schemas"]
    for spec in states.TABLE:
        operation = schema["paths"][f"{BASE}{{case_id}}/transitions/{spec.name}"]["post"]
        with translation.override("vi"):  # the API's texts are the site's language's
            assert str(spec.label) in operation["summary"]
        ref = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
        fields = components[ref.rsplit("/", 1)[1]]
        assert set(spec.required) <= set(fields.get("properties", {})), spec.name
        assert set(spec.required) <= set(fields.get("required", [])), spec.name
    pilot = components["ApprovePilotIn"]["properties"]
    assert (
        pilot["checkpoints"]["type"] == "array"
        and "Người giám sát" in pilot["supervisor"]["description"]
    )
