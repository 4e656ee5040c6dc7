"""The vendored htmx is the pinned release, shipped with its licence in the package (no npm)."""

from __future__ import annotations

import hashlib
from importlib import resources
from typing import Any

import pytest

HTMX_VERSION = "2.0.4"
HTMX_SHA256 = "e209dda5c8235479f3166defc7750e1dbcd5a5c1808b7792fc2e6733768fb447"


def _vendor(name: str) -> bytes:
    return resources.files("doimoi").joinpath("static", "vendor", name).read_bytes()


def test_htmx_is_the_pinned_release() -> None:
    data = _vendor("htmx.min.js")
    assert hashlib.sha256(data).hexdigest() == HTMX_SHA256
    assert f'version:"{HTMX_VERSION}"'.encode() in data


def test_htmx_ships_with_its_licence_and_the_pin_is_documented() -> None:
    assert b"Zero-Clause BSD" in _vendor("htmx.LICENSE.txt")
    readme = _vendor("README.txt").decode()
    assert f"htmx {HTMX_VERSION}" in readme and HTMX_SHA256 in readme


@pytest.mark.django_db
def test_the_page_loads_htmx_from_the_app_itself(client: Any) -> None:
    html = client.get("/dang-nhap/").content.decode()
    assert '<script src="/static/vendor/htmx.min.js" defer></script>' in html
    assert "https://" not in html.split("<body")[0]  # no CDN in the head
