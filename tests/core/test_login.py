"""Login throttling (issue 10, finding 5): wrong passwords lock the account and the address for
a while, on the site and the admin, with a message that does not tell which accounts exist."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from doimoi.organizations.demo import DEMO_PASSWORD

CSRF = re.compile(r'"X-CSRFToken": "[^"]+"|name="csrfmiddlewaretoken" value="[^"]+"')
LOGIN, ADMIN = "/dang-nhap/", "/quan-tri/login/"


def _try(client: Client, url: str, username: str, password: str) -> Any:
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR="10.0.0.7")


@pytest.mark.parametrize("url", [LOGIN, ADMIN])
def test_many_wrong_passwords_then_the_right_one_is_refused(demo: Any, url: str) -> None:
    client = Client()
    for _ in range(12):
        _try(client, url, "admin", "sai-mat-khau")
    response = _try(client, url, "admin", DEMO_PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert "quá nhiều lần đăng nhập không thành công" in response.content.decode()


def test_the_lockout_does_not_tell_which_accounts_exist(demo: Any) -> None:
    answers = []
    for username in ("vanthu.baoloc", "khong.ton.tai"):
        client = Client()
        for _ in range(6):
            client.post(
                LOGIN, {"username": username, "password": "x"}, REMOTE_ADDR=f"10.1.{len(answers)}.1"
            )
        response = client.post(LOGIN, {"username": username, "password": "x"},
                               REMOTE_ADDR=f"10.1.{len(answers)}.1")  # fmt: skip
        page = CSRF.sub("", response.content.decode().replace(username, ""))
        answers.append((response.status_code, page))
    assert answers[0] == answers[1]


def test_one_address_trying_many_accounts_is_locked(demo: Any) -> None:
    client = Client()
    for n in range(8):
        _try(client, LOGIN, f"nguoi{n}", "x")
    response = _try(client, LOGIN, "vanthu.baoloc", DEMO_PASSWORD)
    assert response.status_code == 429


def test_a_few_mistakes_do_not_lock(demo: Any) -> None:
    client = Client()
    for _ in range(2):
        _try(client, LOGIN, "vanthu.baoloc", "sai")
    response = _try(client, LOGIN, "vanthu.baoloc", DEMO_PASSWORD)
    assert response.status_code == 302
