"""Limits on what ingest accepts (settings, else the environment, else the defaults)."""

from __future__ import annotations

import os

from django.conf import settings

DEFAULT_MAX_MB = 50
# A DOCX is a zip: its parts may expand this many times their packed size, up to a ceiling.
MAX_EXPANSION = 100
MAX_UNPACKED = 200 * 2**20
SUBPROCESS_TIMEOUT = 120


def max_bytes() -> int:
    """The largest file ingest accepts (DOIMOI_INGEST_MAX_MB, default 50 MB)."""
    value = getattr(settings, "DOIMOI_INGEST_MAX_MB", None) or os.environ.get(
        "DOIMOI_INGEST_MAX_MB"
    )
    return int(float(value or DEFAULT_MAX_MB) * 2**20)


def tesseract() -> str:
    """The Tesseract command; an empty setting turns OCR off."""
    return str(
        getattr(settings, "DOIMOI_TESSERACT", os.environ.get("DOIMOI_TESSERACT", "tesseract"))
    )
