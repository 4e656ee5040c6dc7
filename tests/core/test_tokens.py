"""Personal API tokens: shown once, the user's own rights, revocable, no CSRF needed."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client

from doimoi.organizations.selectors import units_in_scope
from doimoi.tokens.models import ApiToken


def _make(persona: Any, username: str) -> tuple[Client, str]:
    client = Client(enforce_csrf_checks=True)
    client.force_login(persona(username))
    page = client.get("/khoa-api/")
    token = page.context["csrf_token"]
    response = client.post("/khoa-api/", {"name": "máy tổng hợp", "csrfmiddlewaretoken": token})
    key = response.context["key"]
    assert key and key in response.content.decode()
    assert key not in client.get("/khoa-api/").content.decode()  # shown once
    return client, key


def test_a_token_acts_with_its_users_rights_and_is_revocable(
    persona: Any, ledger_probe: Any
) -> None:
    client, key = _make(persona, "vanthu.dukdn")
    token = ApiToken.objects.get(user=persona("vanthu.dukdn"))
    ledger_probe.assert_recorded("tokens.api_token.created", token)
    assert token.key_hash != key and key not in token.key_hash  # only the hash is kept
    api = Client(enforce_csrf_checks=True, HTTP_AUTHORIZATION=f"Bearer {key}")
    units = api.get("/api/v1/organizations/units").json()
    mine = units_in_scope(viewer=persona("vanthu.dukdn"))
    assert [u["id"] for u in units] == [u.pk for u in mine]
    assert "Thành ủy Bảo Lộc" not in [u["name"] for u in units]
    created = api.post(
        "/api/v1/documents/999999/confidentiality",
        json.dumps({"confidentiality": 1}),
        content_type="application/json",
    )
    assert created.status_code == 404  # a write without CSRF: the token, not a cookie
    csrf = client.get("/khoa-api/").context["csrf_token"]
    client.post(f"/khoa-api/{token.pk}/thu-hoi/", {"csrfmiddlewaretoken": csrf})
    assert api.get("/api/v1/organizations/units").status_code == 401
    ledger_probe.assert_recorded("tokens.api_token.revoked", token)


def test_another_users_token_cannot_be_revoked(persona: Any) -> None:
    _client, _key = _make(persona, "vanthu.dukdn")
    token = ApiToken.objects.get(user=persona("vanthu.dukdn"))
    other = Client()
    other.force_login(persona("vanthu.baoloc"))
    assert other.post(f"/khoa-api/{token.pk}/thu-hoi/").status_code == 404
    token.refresh_from_db()
    assert token.active


def test_a_wrong_key_is_refused(demo: Any) -> None:
    api = Client(HTTP_AUTHORIZATION="Bearer dm_khong-phai-khoa")
    assert api.get("/api/v1/organizations/units").status_code == 401
