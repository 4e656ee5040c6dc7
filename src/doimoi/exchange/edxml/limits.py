"""Limits on what a packet may hold (settings, else the environment, else the defaults)."""

from __future__ import annotations

import os

from django.conf import settings

DEFAULTS = {
    # base64 makes a file a third larger: a 50 MB document travels in a packet of about 67 MB
    "DOIMOI_EDXML_MAX_MB": 70,
    "DOIMOI_EDXML_MAX_ATTACHMENTS": 20,
    # everything the packet's ZIP archives unpack to, all attachments together
    "DOIMOI_EDXML_MAX_UNZIPPED_MB": 200,
}
MAX_DEPTH = 2  # a packet inside a packet inside a packet is refused


def _setting(name: str) -> float:
    value = getattr(settings, name, None) or os.environ.get(name)
    return float(value or DEFAULTS[name])


def max_packet_bytes() -> int:
    return int(_setting("DOIMOI_EDXML_MAX_MB") * 2**20)


def max_attachments() -> int:
    return int(_setting("DOIMOI_EDXML_MAX_ATTACHMENTS"))


def max_unzipped_bytes() -> int:
    return int(_setting("DOIMOI_EDXML_MAX_UNZIPPED_MB") * 2**20)
