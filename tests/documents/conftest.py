"""Documents tests keep their file store in a fresh folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(autouse=True)
def _private_file_store(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def stored_files(root: Path) -> list[str]:
    """Every file under the documents store (staging excluded)."""
    base = root / "documents"
    return (
        sorted(str(p.relative_to(base)) for p in base.rglob("*") if p.is_file())
        if base.exists()
        else []
    )
