"""Browser: every page fits a phone (390 px), and printing shows the content without navigation."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

from tests.e2e.conftest import TIMEOUT_MS, login
from tests.organizations.conftest import Realm, realm  # noqa: F401 (the fixture)

PHONE = {"width": 390, "height": 844}
PAGES_PER_PERSONA = 16
SKIP = ("/dang-xuat/", "/quan-tri/", "/api/", "/ngon-ngu/")
DOWNLOADS = (".docx", ".pdf", ".xlsx", ".png", ".jpg", ".txt", "/tep/", "/tai-ve/", "/xlsx/")
OVERFLOW = """() => {
  const limit = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll('main *')].filter(e => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.right > limit + 1 && !e.closest('table');
  }).slice(0, 3).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));
  return {scroll: document.documentElement.scrollWidth, limit, wide};
}"""
LINKS = """() => [...document.querySelectorAll('nav a[href], main a[href]')].map(a => a.href)"""


def _walkable(url: str, origin: str) -> bool:
    parts = urlsplit(url)
    path = parts.path
    return (
        url.startswith(origin)
        and not parts.fragment
        and not any(s in path for s in SKIP)
        and not any(d in path.lower() for d in DOWNLOADS)
    )


def _walk(page: Any, origin: str) -> dict[str, Any]:
    """Open pages breadth-first from the home page; return those wider than the screen."""
    queue, seen, wide = [origin + "/"], set(), {}
    while queue and len(seen) < PAGES_PER_PERSONA:
        url = queue.pop(0).split("#")[0]
        if url in seen:
            continue
        seen.add(url)
        response = page.goto(url)
        if response is None or "html" not in response.headers.get("content-type", ""):
            continue
        measure = page.evaluate(OVERFLOW)
        if measure["scroll"] > measure["limit"] or measure["wide"]:
            wide[urlsplit(url).path] = measure
        queue += [u for u in page.evaluate(LINKS) if _walkable(u, origin) and u not in seen]
    assert len(seen) > 5, f"the walk found too few pages: {sorted(seen)}"
    return wide


@pytest.mark.django_db(transaction=True)
def test_no_page_is_wider_than_a_phone(
    browser: Any, live_server: Any, demo: Any, artifacts: Path
) -> None:
    call_command("seed_demo", verbosity=0)  # documents, directives, proposals of the demo
    from doimoi.organizations.demo import demo_logins

    usernames = [name for name, _ in demo_logins()]
    offenders: dict[str, Any] = {}
    for username in usernames:
        context = browser.new_context(base_url=live_server.url, locale="vi-VN", viewport=PHONE)
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        login(page, username)
        for path, measure in _walk(page, live_server.url).items():
            offenders[f"{username} {path}"] = measure
        if username == usernames[0]:
            page.goto("/van-ban/so-den/")
            page.screenshot(path=str(artifacts / "phone-incoming-register.png"), full_page=True)
        context.close()
    assert offenders == {}


@pytest.mark.django_db(transaction=True)
def test_printing_shows_content_without_navigation(
    page: Any,
    realm: Realm,  # noqa: F811 (the fixture imported above)
    artifacts: Path,
) -> None:
    login(page, "quantri.thu", realm.admin_password)
    page.goto(f"/to-chuc/{realm.province.pk}/")
    nav = page.get_by_role("navigation", name="Điều hướng chính")
    heading = page.get_by_role("heading", name=realm.province.name, level=1)
    assert nav.is_visible() and heading.is_visible()
    page.emulate_media(media="print")
    assert not nav.is_visible()
    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".site-footer").is_visible()
    assert not page.get_by_role("button", name="Đăng xuất").is_visible()
    assert heading.is_visible() and page.get_by_role("cell", name="Đinh Thị Quản Trị").is_visible()
    page.pdf(path=str(artifacts / "print-unit.pdf"))
    page.emulate_media(media="screen")
    assert nav.is_visible()
