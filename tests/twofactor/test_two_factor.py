"""Two-step sign-in (issue 10, design: TOTP with django-otp, required for heads, inspection and
organization work and admins, optional for others; a setting, off for the demo).

Codes are computed as an authenticator app computes them, from the device's key and the clock.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from doimoi.ledger.models import LedgerEvent
from doimoi.organizations.demo import DEMO_PASSWORD
from doimoi.organizations.models import Person
from doimoi.tokens.services import token_create
from doimoi.twofactor import policy
from tests.conftest import password_login

SETUP, VERIFY = "/xac-thuc-hai-buoc/thiet-lap/", "/xac-thuc-hai-buoc/"


@pytest.fixture
def required(settings: Any) -> None:
    settings.DOIMOI_TWO_FACTOR = True


def _client(username: str) -> Client:
    client = Client()
    assert password_login(client, username, DEMO_PASSWORD)
    return client


def _code(user: Any) -> str:
    device = TOTPDevice.objects.get(user=user)
    return str(totp(device.bin_key, device.step, device.t0, device.digits)).zfill(device.digits)


def _set_up(client: Client, user: Any) -> None:
    assert client.get(SETUP).status_code == 200
    response = client.post(SETUP, {"code": _code(user), "next": "/chi-dao/"})
    assert response.status_code == 302 and response["Location"] == "/chi-dao/"


@pytest.mark.usefixtures("required")
def test_a_head_is_sent_to_set_up_the_second_step_then_works(persona: Any) -> None:
    head = persona("bithu.baoloc")
    client = _client("bithu.baoloc")
    response = client.get("/chi-dao/")
    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY) and "next=%2Fchi-dao%2F" in response["Location"]
    assert client.get(response["Location"])["Location"].startswith(SETUP)
    page = client.get(SETUP).content.decode()
    assert "<svg" in page and "Khóa (nhập bằng tay)" in page
    _set_up(client, head)
    assert client.get("/chi-dao/").status_code == 200
    event = LedgerEvent.objects.filter(action="twofactor.device.confirmed").get()
    assert event.actor_id == head.pk


@pytest.mark.usefixtures("required")
def test_the_next_sign_in_asks_the_code_and_refuses_a_wrong_one(persona: Any) -> None:
    head = persona("bithu.baoloc")
    _set_up(_client("bithu.baoloc"), head)
    later = timezone.now() + datetime.timedelta(minutes=2)  # a code is accepted once only
    with time_machine.travel(later, tick=False):
        client = _client("bithu.baoloc")
        assert client.get("/")["Location"].startswith(VERIFY)
        right = _code(head)
        wrong = str((int(right) + 1) % 1_000_000).zfill(6)
        refused = client.post(VERIFY, {"code": wrong}).content.decode()
        assert "Mã xác thực không đúng hoặc đã hết hạn." in refused
        assert "gồm đúng 6 chữ số" in client.post(VERIFY, {"code": "12ab56"}).content.decode()
        assert client.get("/")["Location"].startswith(VERIFY)
        throttled = client.post(VERIFY, {"code": right}).content.decode()  # too soon after a miss
        assert "Nhập sai quá nhiều lần" in throttled
    with time_machine.travel(later + datetime.timedelta(seconds=5), tick=False):
        answer = client.post(VERIFY, {"code": _code(head), "next": "/van-ban/"})
        assert answer["Location"] == "/van-ban/"
        assert client.get("/van-ban/").status_code == 200


@pytest.mark.usefixtures("required")
def test_a_clerk_may_go_without_it_or_turn_it_on(persona: Any) -> None:
    clerk = persona("vanthu.baoloc")
    assert not policy.required_for(clerk)
    client = _client("vanthu.baoloc")
    assert client.get("/van-ban/").status_code == 200
    _set_up(client, clerk)
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=2), tick=False):
        again = _client("vanthu.baoloc")
        assert again.get("/van-ban/")["Location"].startswith(VERIFY)  # on, so asked


def test_off_for_the_demo_a_head_signs_in_with_the_password_alone(settings: Any, demo: Any) -> None:
    settings.DOIMOI_TWO_FACTOR = False
    assert _client("bithu.baoloc").get("/chi-dao/").status_code == 200


@pytest.mark.usefixtures("required")
def test_who_must(persona: Any) -> None:
    musts = ["bithu.baoloc", "phobithu.baoloc", "uvbtv.baoloc", "kiemtra.tinhuy", "admin"]
    musts += ["quantri.lamdong", "chuyenvien.btg"]  # unit admin; the party-building board
    assert [u for u in musts if not policy.required_for(persona(u))] == []
    assert not policy.required_for(persona("vanthu.dukdn"))


@pytest.mark.usefixtures("required")
def test_the_api_answers_401_to_an_unverified_session_and_serves_a_key(persona: Any) -> None:
    client = _client("bithu.baoloc")
    refused = client.get("/api/v1/organizations/units")
    assert refused.status_code == 401
    assert "xác thực hai bước" in refused.json()["detail"]
    _token, key = token_create(actor=persona("bithu.baoloc"), name="chương trình")
    with_key = Client().get("/api/v1/organizations/units", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert with_key.status_code == 200


@pytest.mark.usefixtures("required")
def test_a_unit_admin_turns_it_off_after_a_lost_phone_and_others_cannot(persona: Any) -> None:
    head = persona("bithu.baoloc")
    _set_up(_client("bithu.baoloc"), head)
    person = Person.objects.get(user=head)
    url = f"/xac-thuc-hai-buoc/can-bo/{person.pk}/tat/"
    outsider = _client("vanthu.dukdn")
    assert outsider.post(url).status_code == 404
    assert TOTPDevice.objects.filter(user=head).exists()
    admin = _client("quantri.lamdong")
    _set_up(admin, persona("quantri.lamdong"))  # an admin needs the step too
    page = admin.get(f"/to-chuc/can-bo/{person.pk}/").content.decode()
    assert "Tắt xác thực hai bước (mất điện thoại)" in page
    assert admin.post(url).status_code == 302
    assert not TOTPDevice.objects.filter(user=head).exists()
    removed = LedgerEvent.objects.filter(action="twofactor.device.removed").get()
    assert removed.actor_id == persona("quantri.lamdong").pk
