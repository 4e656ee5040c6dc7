"""docs/api.md, second walk, through the API alone (issue 10, acceptance 4): the provincial
committee uploads its plan and sends it to a ward committee; the ward acknowledges, answers with
its own plan, reports; the province returns the report, the ward reports again, the province
accepts. Every step is one documented call, with today's dates."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from doimoi.organizations.models import Membership, Person, Role, Unit

pytestmark = pytest.mark.present  # the walk runs on today's date, as docs/api.md shows it

PROVINCE, WARD = "Tỉnh ủy Lâm Đồng (từ 01/7/2025)", "Đảng ủy phường 1 Bảo Lộc"


def _text(header: str, number: str, title: str, signer: str) -> str:
    today = datetime.date.today()
    return f"""{header}
*
Số {number}
ĐẢNG CỘNG SẢN VIỆT NAM
Lâm Đồng, ngày {today:%d} tháng {today:%m} năm {today:%Y}

KẾ HOẠCH
{title}

Nội dung kế hoạch.

T/M BAN THƯỜNG VỤ
BÍ THƯ

{signer}
"""


def _client(username: str, unit: Unit, role: str = Role.CLERK) -> Client:
    user = get_user_model().objects.create_user(username=username, password="x")
    person = Person.objects.create(user=user, full_name=username)
    Membership.objects.create(person=person, unit=unit, role=role)
    client = Client()
    client.force_login(user)
    return client


def _post(client: Client, path: str, body: dict[str, Any]) -> Any:
    return client.post(path, json.dumps(body), content_type="application/json")


def _upload(client: Client, unit: Unit, name: str, text: str) -> int:
    upload = SimpleUploadedFile(name, text.encode())
    response = client.post("/api/v1/documents/ingest", {"unit": unit.pk, "files": [upload]})
    assert response.status_code == 200, response.content
    (result,) = response.json()["files"]
    assert result["status"] == "stored", result
    return int(result["documents"][0]["id"])


def test_a_directive_sent_answered_reported_returned_and_accepted(demo: dict[str, Any]) -> None:
    province, ward = Unit.objects.get(name=PROVINCE), Unit.objects.get(name=WARD)
    sender, recipient = _client("walk.tinhuy", province), _client("walk.phuong", ward)
    scope = recipient.get("/api/v1/organizations/units").json()
    names = [u["name"] for u in scope]  # the ward and the units it succeeded, not its superior
    assert WARD in names and PROVINCE not in names
    plan_id = _upload(sender, province, "kh.txt", _text(
        "TỈNH ỦY LÂM ĐỒNG", "501-KH/TU", "thực hiện chuyển đổi số", "Nguyễn Văn Tỉnh"))  # fmt: skip
    sent = _post(sender, "/api/v1/directives/", {
        "document_id": plan_id, "issuer_id": province.pk, "recipient_ids": [ward.pk],
        "requirements": [{"kind": "plan", "days": 10}, {"kind": "report", "days": 30}],
    })  # fmt: skip
    assert sent.status_code == 201, sent.content
    directive_id = sent.json()["id"]
    (assignment,) = recipient.get(f"/api/v1/directives/units/{ward.pk}/assignments").json()
    assert assignment["directive_id"] == directive_id
    path = f"/api/v1/directives/assignments/{assignment['id']}"
    acknowledged = _post(recipient, f"{path}/acknowledge", {})
    assert acknowledged.status_code == 200 and acknowledged.json()["state"] == "acknowledged"
    ward_plan = _upload(recipient, ward, "kh-phuong.txt", _text(
        "ĐẢNG ỦY PHƯỜNG 1 BẢO LỘC", "12-KH/ĐU",
        "thực hiện Kế hoạch số 501-KH/TU của Ban Thường vụ Tỉnh ủy", "Lý Văn Phường"))  # fmt: skip
    answered = _post(recipient, f"{path}/answers", {"kind": "plan", "document_id": ward_plan})
    assert answered.status_code == 200, answered.content
    assert answered.json()["plan_on"] == datetime.date.today().isoformat()
    refused = _post(recipient, f"{path}/answers", {"kind": "khac"})
    assert refused.status_code == 400 and "kind" in refused.json()["detail"]
    report = _post(recipient, f"{path}/reports", {"narrative": "Đã ban hành kế hoạch."})
    assert report.status_code == 201, report.content
    review = f"/api/v1/directives/reports/{report.json()['id']}/review"
    returned = _post(sender, review, {"decision": "return", "reason": "Thiếu số liệu."})
    assert returned.status_code == 200 and returned.json()["state"] == "returned"
    again = _post(recipient, f"{path}/reports", {"narrative": "Đã quán triệt 100% đảng viên.",
                                                 "figures": [{"label": "Đảng viên", "value": 412}]})  # fmt: skip
    assert again.status_code == 201, again.content
    accepted = _post(sender, f"/api/v1/directives/reports/{again.json()['id']}/review",
                     {"decision": "accept"})  # fmt: skip
    assert accepted.status_code == 200 and accepted.json()["state"] == "accepted"
    rollup = sender.get(f"/api/v1/directives/{directive_id}/rollup").json()
    assert rollup["reports"]["accepted"] == 1
    outsider = _client("walk.ngoai", Unit.objects.get(name="Đảng ủy Ủy ban nhân dân tỉnh Lâm Đồng"))
    assert outsider.get(f"/api/v1/directives/{directive_id}/rollup").status_code == 404
    assert _post(outsider, f"{path}/acknowledge", {}).status_code == 404
