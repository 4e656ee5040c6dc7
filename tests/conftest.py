"""Shared test set-up: requirement switches, demo personas, ledger assertions.

Tests talk to a real database (SQLite by default, PostgreSQL with DATABASE_URL) and a real
browser. Where PostgreSQL or Chromium is missing on a laptop, the tests that need them skip
with the reason; with DOIMOI_REQUIRE_ALL=1 (set by .ci/run) the same absence is a failure.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REQUIRE_ALL = os.environ.get("DOIMOI_REQUIRE_ALL") == "1"


def require(condition: bool, reason: str) -> None:
    """Skip (laptop) or fail (CI) when something a test needs is missing."""
    if condition:
        return
    if REQUIRE_ALL:
        pytest.fail(f"{reason} — DOIMOI_REQUIRE_ALL=1 makes this a failure", pytrace=False)
    pytest.skip(reason)


def _postgres_reachable(url: str) -> str | None:
    import psycopg

    try:
        with psycopg.connect(url.replace("postgresql://", "postgres://", 1), connect_timeout=3):
            return None
    except psycopg.Error as error:
        return str(error).strip().splitlines()[0]


def pytest_configure(config: pytest.Config) -> None:
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        problem = _postgres_reachable(url)
        if problem and REQUIRE_ALL:
            raise pytest.UsageError(f"PostgreSQL unreachable at DATABASE_URL ({problem})")
        if problem:
            pytest.exit(
                f"Bỏ qua lượt PostgreSQL / skipping the PostgreSQL pass: {problem}", returncode=0
            )


def _on_postgresql() -> bool:
    return os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))


def _deselect_process_tests(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked ``processes`` (kill -9 and multi-server runs, minutes each) keep CI under its
    30-minute budget by running only when asked: ``make test-processes``
    (DOIMOI_PROCESS_TESTS=1). They are deselected, not skipped, so CI's no-skip rule holds."""
    if os.environ.get("DOIMOI_PROCESS_TESTS") == "1":
        return
    slow = [item for item in items if item.get_closest_marker("processes")]
    if slow:
        config.hook.pytest_deselected(items=slow)
        items[:] = [item for item in items if item not in slow]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked ``postgres`` run in the PostgreSQL pass.

    In a SQLite run they are skipped with the reason on a laptop; in CI (DOIMOI_REQUIRE_ALL=1),
    whose PostgreSQL pass runs them, the SQLite pass deselects them so that nothing is skipped.
    """
    _deselect_process_tests(config, items)
    if _on_postgresql():
        return
    only_pg = [item for item in items if item.get_closest_marker("postgres")]
    if not only_pg:
        return
    if REQUIRE_ALL:
        config.hook.pytest_deselected(items=only_pg)
        items[:] = [item for item in items if item not in only_pg]
        return
    reason = (
        "needs PostgreSQL: run with DATABASE_URL=postgres://… (CI runs it in its PostgreSQL pass)"
    )
    for item in only_pg:
        item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(autouse=True)
def _plain_static_storage(settings: Any) -> None:
    """Tests render templates without running collectstatic first."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _private_file_store(settings: Any, tmp_path: Path) -> Path:
    """Each test keeps its stored files (documents, issued DOCX/PDF, dossiers) in a fresh folder:
    two workers, or two tests, must not see each other's files."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return Path(settings.MEDIA_ROOT)


@pytest.fixture(autouse=True)
def _own_ledger_checkpoints(settings: Any, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Each test writes ledger checkpoints (dossiers, backups, the daily task) to a file of its
    own: a checkpoint of one test's database would not match the next test's chain."""
    folder = tmp_path_factory.mktemp("checkpoints")
    settings.DOIMOI_LEDGER_CHECKPOINTS = str(folder / "ledger-checkpoints.jsonl")


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    """Each test starts with an empty cache (what one test kept names another's rows)."""
    from django.core.cache import cache

    cache.clear()


def _in_one_transaction(request: pytest.FixtureRequest) -> bool:
    """The test runs in one transaction that is rolled back, never committed."""
    if "db" in request.fixturenames:
        return True
    marker = request.node.get_closest_marker("django_db")
    return marker is not None and not marker.kwargs.get("transaction", marker.args[:1] == (True,))


@pytest.fixture(autouse=True)
def _cascade_stamps_at_each_statement(request: pytest.FixtureRequest) -> None:
    """On PostgreSQL a directive's cascade stamp is written when its writer commits (deferred
    triggers, doimoi.directives.stamp); a test that never commits has it written at each
    statement instead, as SQLite writes it, so a page read after a write counts again."""
    if not (_on_postgresql() and _in_one_transaction(request)):
        return
    request.getfixturevalue("db")
    from django.db import connection

    from doimoi.directives.stamp import trigger_names

    with connection.cursor() as cursor:
        cursor.execute(f"SET CONSTRAINTS {', '.join(trigger_names())} IMMEDIATE")


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    """Each test starts in the site's language: a request in English activates English in the
    thread (LocaleMiddleware), and a later test in the same process would read every lazy
    label in English (initiatives' OpenAPI test failed after tests/test_site.py)."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _sessions_outlive_time_travel(settings: Any) -> None:
    """Tests travel years in time with one signed-in client; the 30-minute inactivity expiry
    would sign it out. tests/core/test_headers.py checks the expiry itself."""
    settings.SESSION_COOKIE_AGE = 60 * 60 * 24 * 365 * 30


@pytest.fixture(scope="session", autouse=True)
def _fast_password_hashing() -> Iterator[None]:
    """Tests make hundreds of users (the permission matrix alone makes 56 per test): one MD5 round
    instead of PBKDF2's million, for the whole run. Checking, validating and changing passwords
    run the same code either way."""
    from django.test.utils import override_settings

    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: Any) -> None:
    """Seed the demo organization once; each test then runs in a transaction rolled back after."""
    from doimoi.organizations.demo import seed_demo

    with django_db_blocker.unblock():
        seed_demo()


@pytest.fixture
def demo(db: None) -> dict[str, Any]:
    """The demo organization (units by name); seeded again if a transactional test flushed it."""
    from doimoi.organizations.demo import seed_demo

    return seed_demo()


@pytest.fixture
def persona(demo: dict[str, Any]) -> Any:
    """persona("bithu.baoloc") → that demo user."""
    from django.contrib.auth import get_user_model

    def get(username: str) -> Any:
        return get_user_model().objects.get(username=username)

    return get


class LedgerProbe:
    """Asserts on what the ledger recorded since the probe was made."""

    def __init__(self) -> None:
        from doimoi.ledger.models import LedgerEvent

        self.model = LedgerEvent
        self.start = LedgerEvent.objects.order_by("-seq").values_list("seq", flat=True).first() or 0

    def new(self) -> list[Any]:
        return list(self.model.objects.filter(seq__gt=self.start).order_by("seq"))

    def assert_recorded(self, action: str, subject: Any) -> Any:
        matches = [
            e
            for e in self.new()
            if e.action == action
            and e.subject_id == str(subject.pk)
            and e.subject_type == subject._meta.label_lower
        ]
        assert matches, (
            f"no ledger event {action} on {subject!r}; got {[e.action for e in self.new()]}"
        )
        return matches[-1]

    def assert_nothing(self) -> None:
        assert self.new() == [], f"unexpected ledger events: {[e.action for e in self.new()]}"


@pytest.fixture
def ledger_probe(db: None) -> Iterator[LedgerProbe]:
    yield LedgerProbe()


def password_login(client: Any, username: str, password: str) -> bool:
    """Log a test client in by password, through the login throttle (which needs a request)."""
    from django.test import RequestFactory

    return bool(
        client.login(request=RequestFactory().get("/"), username=username, password=password)
    )
