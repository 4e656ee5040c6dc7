"""DOIMOI_REQUIRE_ALL=1 turns a missing PostgreSQL or Chromium into a failure, not a skip."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

PYTEST = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rs"]


def _run(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DOIMOI_REQUIRE_ALL"}}
    return subprocess.run(
        [*PYTEST, *args], env=base | env, capture_output=True, text=True, timeout=300
    )


@pytest.mark.parametrize("require_all", ["0", "1"])
def test_missing_chromium(require_all: str) -> None:
    result = _run(
        ["tests/e2e/test_units.py", "-k", "mobile"],
        DOIMOI_CHROMIUM="/nonexistent/chromium",
        DOIMOI_REQUIRE_ALL=require_all,
    )
    assert "Chromium not found at /nonexistent/chromium" in result.stdout
    assert (result.returncode != 0) is (require_all == "1"), result.stdout


@pytest.mark.parametrize("require_all", ["0", "1"])
def test_unreachable_postgresql(require_all: str) -> None:
    result = _run(
        ["tests/workdays", "-k", "negative"],
        DATABASE_URL="postgres://postgres@127.0.0.1:1/none",
        DOIMOI_REQUIRE_ALL=require_all,
    )
    assert "PostgreSQL" in result.stdout + result.stderr
    assert (result.returncode != 0) is (require_all == "1"), result.stdout + result.stderr
