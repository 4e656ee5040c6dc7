"""The user guide: a page per role with screenshots, shown inside the app from the Help entry."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from doimoi.core.guide import pages

ROLE_PAGES = ["van-thu", "van-phong", "nguoi-dung-dau", "can-bo", "kiem-tra", "quan-tri-don-vi"]
pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(persona: Any) -> Client:
    client = Client()
    client.force_login(persona("vanthu.baoloc"))
    return client


def test_every_role_has_a_page_with_screenshots() -> None:
    assert set(ROLE_PAGES) <= set(pages())
    for slug in ROLE_PAGES:
        text = (settings.DOIMOI_GUIDE_DIR / f"{slug}.md").read_text(encoding="utf-8")
        images = re.findall(r"!\[[^\]]+\]\(img/([a-z0-9-]+\.png)\)", text)
        assert images, slug
        for name in images:
            assert (settings.DOIMOI_GUIDE_DIR / "img" / name).stat().st_size > 10_000, name


def test_help_entry_opens_the_guide_and_its_pages(reader: Client) -> None:
    home = reader.get("/").content.decode()
    index = reverse("guide_index")
    assert f'<a href="{index}">Hướng dẫn</a>' in home
    html = reader.get(index).content.decode()
    assert "<h1>Hướng dẫn sử dụng doimoi</h1>" in html
    for slug in ROLE_PAGES:  # the index links every page by its in-app address
        assert f'href="{reverse("guide", args=[slug])}"' in html
    for slug in pages()[1:]:
        page = reader.get(reverse("guide", args=[slug]))
        assert page.status_code == 200, slug
        body = page.content.decode()
        assert '.md"' not in body and 'src="img/' not in body  # links rewritten
        for src in re.findall(r'<img[^>]* src="([^"]+)"', body):
            image = reader.get(src)
            assert image.status_code == 200 and image["Content-Type"] == "image/png", src
            assert b"".join(image.streaming_content)[:8] == b"\x89PNG\r\n\x1a\n"  # type: ignore[attr-defined]


def test_guide_is_for_signed_in_users_and_only_its_files(reader: Client, client: Client) -> None:
    response = client.get(reverse("guide_index"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert reader.get(reverse("guide", args=["khong-co"])).status_code == 404
    assert reader.get("/huong-dan/img/..%2F..%2Fsettings.py").status_code == 404
    assert reader.get("/huong-dan/img/khong-co.png").status_code == 404
