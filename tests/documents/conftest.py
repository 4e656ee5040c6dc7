"""Documents tests: what their file store holds (tests/conftest.py gives each test its own)."""

from __future__ import annotations

from pathlib import Path


def stored_files(root: Path) -> list[str]:
    """Every file under the documents store (staging excluded)."""
    base = root / "documents"
    return (
        sorted(str(p.relative_to(base)) for p in base.rglob("*") if p.is_file())
        if base.exists()
        else []
    )
