"""Checkpoints: the chain's head (sequence, hash) written down outside the chain's own table.

A hash chain proves that nothing *inside* it was changed, but whoever can write the table can
drop its last events or recompute every hash after a rewrite, and the chain still verifies.
A checkpoint kept elsewhere catches both: it names an event that must still be there with the
same hash. Checkpoints are appended, one JSON line each, to a file outside the database
(``DOIMOI_LEDGER_CHECKPOINTS``, default ``var/ledger-checkpoints.jsonl``; put it on another
machine or a write-once medium for more safety), and printed in dossiers and backups'
manifests. With an Ed25519 key kept outside the database (``DOIMOI_LEDGER_KEY``), each line is
signed, so the file cannot be rewritten to match a rewritten chain either.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import timezone

from doimoi.ledger.models import LedgerEvent


@dataclass(frozen=True)
class Checkpoint:
    """The head of the chain at one moment, and why it was written down."""

    seq: int
    hash: str
    at: str
    reason: str
    signature: str = ""
    source: str = ""

    def message(self) -> bytes:
        return f"doimoi-ledger:{self.seq}:{self.hash}:{self.at}:{self.reason}".encode()

    def label(self) -> str:
        where = f" ({self.source})" if self.source else ""
        return f"#{self.seq} {self.hash[:16]} {self.at[:19]} {self.reason}{where}"


def default_path() -> Path:
    configured = getattr(settings, "DOIMOI_LEDGER_CHECKPOINTS", "") or os.environ.get(
        "DOIMOI_LEDGER_CHECKPOINTS", ""
    )
    return Path(configured) if configured else Path(settings.VAR_DIR) / "ledger-checkpoints.jsonl"


def key_path() -> Path | None:
    configured = getattr(settings, "DOIMOI_LEDGER_KEY", "") or os.environ.get(
        "DOIMOI_LEDGER_KEY", ""
    )
    return Path(configured) if configured else None


def head() -> tuple[int, str] | None:
    """The chain's last (sequence, hash), or None for an empty ledger."""
    last = LedgerEvent.objects.order_by("-seq").values_list("seq", "hash").first()
    return (int(last[0]), str(last[1])) if last else None


def _sign(point: Checkpoint) -> str:
    path = key_path()
    if path is None or not path.exists():
        return ""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    key = load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError(f"{path} is not an Ed25519 private key")
    return key.sign(point.message()).hex()


def record(reason: str, *, path: Path | None = None) -> Checkpoint | None:
    """Append the current head to the checkpoint file (fsync'd); None when the ledger is empty."""
    current = head()
    if current is None:
        return None
    return record_head(current[0], current[1], reason, path=path)


def record_head(seq: int, hash_: str, reason: str, *, path: Path | None = None) -> Checkpoint:
    """Append (seq, hash) — a head seen elsewhere, e.g. in a backup's snapshot — to the file."""
    point = Checkpoint(seq, hash_, timezone.now().isoformat(), reason[:200])
    point = Checkpoint(**{**asdict(point), "signature": _sign(point)})
    target = path or default_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    fields = {k: v for k, v in asdict(point).items() if k != "source"}
    line = json.dumps(fields, ensure_ascii=False) + "\n"
    fd = os.open(target, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
    try:
        os.write(fd, line.encode())
        os.fsync(fd)
    finally:
        os.close(fd)
    return point


def _parse(line: str, source: str) -> Checkpoint | None:
    try:
        data: dict[str, Any] = json.loads(line)
        return Checkpoint(
            int(data["seq"]),
            str(data["hash"]),
            str(data.get("at", "")),
            str(data.get("reason", "")),
            str(data.get("signature", "")),
            source,
        )
    except (ValueError, KeyError, TypeError):
        return None


def read(paths: Iterable[Path]) -> list[Checkpoint]:
    """Every checkpoint in the given files (JSON lines, or a backup manifest), by sequence."""
    found: list[Checkpoint] = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".json":  # a backup's manifest
            data = json.loads(text).get("ledger") or {}
            if data.get("seq"):
                found.append(
                    Checkpoint(int(data["seq"]), data["hash"], "", "backup", "", str(path))
                )
            continue
        for number, line in enumerate(text.splitlines(), 1):
            if line.strip() and (point := _parse(line, f"{path.name}:{number}")) is not None:
                found.append(point)
    return sorted(found, key=lambda p: (p.seq, p.at))


def bad_signature(points: list[Checkpoint], public_key_pem: bytes) -> Checkpoint | None:
    """The first checkpoint whose signature does not verify with ``public_key_pem``."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
    from cryptography.hazmat.primitives.serialization import load_pem_public_key

    key = load_pem_public_key(public_key_pem)
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError("not an Ed25519 public key")
    for point in points:
        try:
            key.verify(bytes.fromhex(point.signature), point.message())
        except (InvalidSignature, ValueError):
            return point
    return None


def generate_key(path: Path) -> Path:
    """Write a new Ed25519 private key (mode 600) and its public key beside it (``.pub``)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(pem)
    public = path.with_suffix(path.suffix + ".pub")
    public.write_bytes(
        key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    return public
