"""Browser tests: Playwright for Python driving Debian's Chromium against a live server."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.conftest import require
from tests.reporting.fixtures import ward  # noqa: F401  (a fixture: tests/e2e/test_compose.py)

try:  # tests import expect from here; without Playwright the browser fixture says so (skip or fail)
    from playwright.sync_api import expect, sync_playwright
except ImportError:
    expect = sync_playwright = None

CHROMIUM = os.environ.get("DOIMOI_CHROMIUM", "/usr/bin/chromium")
# One limit for page actions, navigations and expect() (whose own default is 5 s): CI runs these
# tests once, on a loaded 2-CPU machine, where a page can take seconds.
TIMEOUT_MS = 20_000
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    require(sync_playwright is not None, "Playwright for Python is not installed")
    require(
        bool(shutil.which(CHROMIUM)), f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
    )
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    expect.set_options(timeout=TIMEOUT_MS)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def task_worker(settings: Any) -> None:
    """Tasks run in the live server's thread after each commit (django-tasks' immediate backend).

    A worker thread beside an in-memory SQLite test database would meet "database table is
    locked" (shared-cache locks do not wait); the queue and its workers are tested for real, in
    processes of their own, by tests/background.
    """
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def page(browser: Any, live_server: Any, task_worker: Any) -> Iterator[Any]:
    context = browser.new_context(
        base_url=live_server.url, locale="vi-VN", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    yield page
    context.close()


@pytest.fixture
def new_page(browser: Any, live_server: Any) -> Iterator[Callable[..., Any]]:
    """new_page(**context_options) → a page in a browser context of its own, closed when the test
    ends. A context left open until the browser closes, at the end of the session, keeps its
    connections to the live server, and with them the server threads' database connections:
    PostgreSQL then refuses to drop the test database ("being accessed by other users"), and on
    SQLite a thread closes the shared connection after pytest-django stopped sharing it."""
    contexts: list[Any] = []

    def make(**options: Any) -> Any:
        context = browser.new_context(base_url=live_server.url, locale="vi-VN", **options)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def fast_passwords(settings: Any) -> None:
    """Walks that re-seed the demo after the previous one's flush hash its passwords quickly."""
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]


@pytest.fixture
def as_persona(browser: Any, live_server: Any, task_worker: Any) -> Iterator[Any]:
    """as_persona("bithu.baoloc") → a page signed in as that persona (one browser context each,
    kept for the test, so several people can work side by side)."""
    contexts: dict[str, Any] = {}

    def get(username: str) -> Any:
        if username not in contexts:
            context = browser.new_context(
                base_url=live_server.url,
                locale="vi-VN",
                viewport={"width": 1280, "height": 900},
                accept_downloads=True,
            )
            page = context.new_page()
            page.set_default_timeout(TIMEOUT_MS)
            login(page, username)
            contexts[username] = page
        return contexts[username]

    yield get
    for page in contexts.values():
        page.context.close()


def login(page: Any, username: str, password: str = "doimoi-demo") -> None:
    page.goto("/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    # "**/" matched the sign-in page itself (/dang-nhap/), so this returned at once while the
    # sign-in was still in flight, and a goto() right after it could cancel it. Wait until the
    # browser has left the sign-in page (a wrong password stays there and times out here).
    page.wait_for_url(lambda url: urlsplit(url).path != "/dang-nhap/")


def htmx_idle(page: Any) -> None:
    """Wait until no htmx request is in flight: htmx marks the element that sent one with the class
    htmx-request (a queued request is sent as the one before ends, in the same task). The page's
    "networkidle" does not do this: once a page has been idle, it stays "networkidle"."""
    page.wait_for_function("() => !document.querySelector('.htmx-request')")
