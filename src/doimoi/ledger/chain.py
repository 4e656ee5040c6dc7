"""The canonical encoding of an event and its hash; shared by writing and verifying."""

from __future__ import annotations

import datetime
import hashlib
import json
from typing import Any

GENESIS = "0" * 64


def canonical(fields: dict[str, Any]) -> bytes:
    """Sorted-key, compact, UTF-8 JSON of the fields that the hash covers."""
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def event_hash(
    *,
    seq: int,
    occurred_at: datetime.datetime,
    actor_id: int | None,
    actor_label: str,
    unit_id: int | None,
    subject_type: str,
    subject_id: str,
    action: str,
    payload: dict[str, Any],
    prev_hash: str,
) -> str:
    """SHA-256 over the canonical encoding of one event and the hash of the event before it."""
    fields = {
        "seq": seq,
        "occurred_at": occurred_at.astimezone(datetime.UTC).isoformat(timespec="microseconds"),
        "actor_id": actor_id,
        "actor_label": actor_label,
        "unit_id": unit_id,
        "subject_type": subject_type,
        "subject_id": subject_id,
        "action": action,
        "payload": payload,
        "prev_hash": prev_hash,
    }
    return hashlib.sha256(canonical(fields)).hexdigest()
