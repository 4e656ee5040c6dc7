"""Demo data of the documents app: the three seed documents, ingested once."""

from __future__ import annotations

from typing import Any


def seed_demo(units: dict[str, Any]) -> None:
    """Ingest the seed documents held in ``demo_corpus/`` (idempotent)."""
