"""docs/api.md, first walk, through the API alone (issue 10, acceptance 4): a cadre creates a
case, writes the plan and sends it; the head takes it to a pilot; it is carried out, reported,
evaluated and the cadre is protected. Each step is one documented call; refusals name the field."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from doimoi.initiatives.demo_cases import plan
from doimoi.initiatives.models import Case
from doimoi.organizations.models import Unit
from tests.initiatives import flow

BASE = "/api/v1/initiatives/"


@pytest.fixture
def api(persona: Any) -> Any:
    clients: dict[str, Client] = {}

    def call(username: str, method: str, path: str, body: Any = None) -> Any:
        if username not in clients:
            clients[username] = Client()
            clients[username].force_login(persona(username))
        client = clients[username]
        if method == "GET":
            return client.get(path)
        return client.post(path, json.dumps(body or {}), content_type="application/json")

    return call


def _step(api: Any, who: str, name: str, case_id: int, body: dict[str, Any]) -> dict[str, Any]:
    response = api(who, "POST", f"{BASE}{case_id}/transitions/{name}", body)
    assert response.status_code == 200, (name, response.content.decode())
    return response.json()


def test_a_case_from_creation_to_protection_through_the_api(d: Any, api: Any) -> None:
    today, later = d.today.isoformat(), d.days(60).isoformat()
    unit = Unit.objects.get(name=flow.TU)
    created = api(flow.PROPOSER, "POST", BASE, {"unit_id": unit.pk, "regime": "kl14",
                                                 "title": "Một cửa điện tử"})  # fmt: skip
    assert created.status_code == 201, created.content
    case_id = created.json()["id"]
    assert created.json()["dossier"] == {}  # a draft has no dossier yet
    _step(api, flow.PROPOSER, "save_draft", case_id,
          {"title": "Một cửa điện tử"} | plan("một cửa điện tử"))  # fmt: skip
    assert _step(api, flow.PROPOSER, "submit", case_id, {})["state"] == "submitted"
    _step(api, flow.HEAD, "put_to_collective", case_id, {"meeting_on": today})
    _step(api, flow.CLERK, "record_party_opinion", case_id,
          {"body": "Ban Thường vụ", "opinion": "Đồng ý.", "given_on": today})  # fmt: skip
    detail = api(flow.HEAD, "GET", f"{BASE}{case_id}").json()
    assert "answer_checklist" in [t["name"] for t in detail["allowed_transitions"]]
    items = Case.objects.get(pk=case_id).rule_set.items.filter(kind__in=["condition", "legality"])
    answers = {str(i.pk): {"answer": "yes", "note": "Đạt."} for i in items}
    _step(api, flow.HEAD, "answer_checklist", case_id, {"answers": answers})
    ballots = {str(d.person(u).pk): "for" for u in (flow.HEAD, flow.DEPUTY, flow.DEPUTY2)}
    _step(api, flow.HEAD, "record_vote", case_id, {"held_on": today, "ballots": ballots})
    pilot = {"decided_on": today, "decision_symbol": "41-QĐ/ThU", "content": "Cho thí điểm.",
             "scope": "Khu phố 1", "start_on": today, "end_on": later, "resources": "10 triệu",
             "indicators": "Giảm 30%", "stop_conditions": "Sai sót",
             "checkpoints": [d.days(30).isoformat()], "supervisor": d.person(flow.SUPERVISOR).pk}  # fmt: skip
    assert _step(api, flow.HEAD, "approve_pilot", case_id, pilot)["state"] == "pilot_approved"
    _step(api, flow.HEAD, "start", case_id, {"started_on": today})
    _step(api, flow.PROPOSER, "complete", case_id, {"completed_on": today})
    _step(api, flow.PROPOSER, "report_result", case_id, {"reported_on": today, "report": "Đạt."})
    _step(api, flow.CLERK, "record_party_opinion", case_id,
          {"body": "Ban Thường vụ", "opinion": "Đồng ý.", "given_on": today})  # fmt: skip
    _step(api, flow.HEAD, "evaluate", case_id,
          {"evaluated_on": today, "outcome": "completed", "damage": False,
           "objective_causes": "Khách quan.", "subjective_causes": "Chủ quan."})  # fmt: skip
    done = _step(api, flow.HEAD, "grant_protection", case_id,
                 {"decided_on": today, "decision_symbol": "42-QĐ/ThU",
                  "finding": "no_liability", "reasons": "Hoàn thành."})  # fmt: skip
    assert done["state"] == "protected"
    assert set(done["dossier"]) == {"docx", "pdf"}
    dossier = api(flow.HEAD, "GET", done["dossier"]["docx"])
    assert dossier.status_code == 200 and "attachment" in dossier["Content-Disposition"]


def test_refusals_name_the_field_at_fault(d: Any, api: Any) -> None:
    case = flow.ready_to_decide(d)
    response = api(flow.HEAD, "POST", f"{BASE}{case.pk}/transitions/approve",
                   {"decided_on": d.days(5).isoformat(), "content": "Cho làm.",
                    "decision_symbol": "50-QĐ/ThU"})  # fmt: skip
    assert response.status_code == 400
    body = response.json()
    assert body["errors"] and all(messages for messages in body["errors"].values()), body
    assert "decided_on" in body["errors"], body


def test_a_vote_in_the_proposers_name_is_refused_not_dropped(d: Any, api: Any) -> None:
    """ND 73 art. 8.1: a deputy who proposed does not vote; a ballot for them is an error."""
    case = flow.under_review(d, proposer=flow.DEPUTY)
    case = flow.checklist(d, flow.opinion(d, case))
    ballots = {str(d.person(u).pk): "for" for u in (flow.HEAD, flow.DEPUTY, flow.DEPUTY2)}
    response = api(flow.HEAD, "POST", f"{BASE}{case.pk}/transitions/record_vote",
                   {"held_on": d.today.isoformat(), "ballots": ballots})  # fmt: skip
    assert response.status_code == 400, response.content
    assert "người đề xuất" in json.dumps(response.json(), ensure_ascii=False)
