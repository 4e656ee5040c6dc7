"""Exchange tests keep their exchange folder in a fresh folder (tests/conftest.py gives each
test its own file store)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(autouse=True)
def _private_stores(settings: Any, tmp_path: Path, _private_file_store: Path) -> Path:
    settings.DOIMOI_EXCHANGE_DIR = tmp_path / "exchange"
    return tmp_path


@pytest.fixture
def agencies(demo: dict[str, Any]) -> dict[str, Any]:
    """The demo units with their demo agency codes."""
    from doimoi.exchange.demo import seed_demo

    seed_demo(demo)
    return demo
