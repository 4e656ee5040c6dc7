"""Headers and deployment checks (issue 10): CSP without inline script, HSTS behind TLS,
``check --deploy`` clean with DOIMOI_SECURE=1."""

from __future__ import annotations

import datetime
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import time_machine
from django.test import Client

TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "doimoi"


def test_pages_carry_a_csp_without_inline_script(persona: Any) -> None:
    client = Client()
    client.force_login(persona("vanthu.baoloc"))
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert (
        "script-src 'self'" in policy
        and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    )
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"


def test_no_template_has_inline_script_or_handlers() -> None:
    inline = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>|\son[a-z]+=\"")
    found = [
        str(path.relative_to(TEMPLATES))
        for path in TEMPLATES.rglob("*.html")
        if inline.search(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def _check_deploy(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    base = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("DOIMOI_") and k != "DJANGO_ALLOW_ASYNC_UNSAFE"  # set by browser tests
    }
    base |= {
        "DOIMOI_VAR_DIR": str(tmp_path),
        "DOIMOI_SECRET_KEY": "k" * 20 + "-a-long-random-secret-for-the-check-only-0123456789",
        "DOIMOI_ALLOWED_HOSTS": "doimoi.example.vn",
    } | env
    command = [sys.executable, "-m", "doimoi.cli", "check", "--deploy", "--fail-level", "WARNING"]
    return subprocess.run(command, env=base, capture_output=True, text=True, timeout=120)


def test_check_deploy_is_clean_behind_tls(tmp_path: Path) -> None:
    secure = _check_deploy(tmp_path, DOIMOI_SECURE="1")
    assert secure.returncode == 0, secure.stdout + secure.stderr
    plain = _check_deploy(tmp_path)
    assert plain.returncode != 0 and "SECURE_HSTS_SECONDS" in plain.stdout + plain.stderr


def test_hsts_and_https_redirect_when_secure(settings: Any, persona: Any) -> None:
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    client = Client()
    assert client.get("/dang-nhap/").status_code == 301
    response = client.get("/dang-nhap/", HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 200
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def test_a_session_ends_after_inactivity(settings: Any, persona: Any) -> None:
    settings.SESSION_COOKIE_AGE = 30 * 60
    client = Client()
    client.force_login(persona("vanthu.baoloc"))
    start = datetime.datetime.now(tz=datetime.UTC)
    with time_machine.travel(start + datetime.timedelta(minutes=20), tick=False):
        assert client.get("/").status_code == 200  # activity renews the session
    with time_machine.travel(start + datetime.timedelta(minutes=45), tick=False):
        assert client.get("/").status_code == 200  # 25 minutes after the last request
    with time_machine.travel(start + datetime.timedelta(minutes=80), tick=False):
        assert client.get("/").status_code == 302  # 35 idle minutes: signed out
