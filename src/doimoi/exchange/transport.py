"""How packets leave and arrive: a transport sends bytes and hands over what came in.

The folder transport (an outbox and an inbox under one folder) serves a hub connector running
beside doimoi, or a USB exchange on a closed network. The national hub's own connector (its
credentials, security server and SDK) is a later plug-in with the same two methods; so is any
Party network adapter, whose packet format is not public (Quy định 337-QĐ/TW).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Protocol

from django.conf import settings


@dataclass
class Arrival:
    """A packet waiting in the inbox; ``done(ok)`` files it away once it has been handled."""

    name: str
    data: bytes
    done: Callable[[bool], None]


class Transport(Protocol):
    name: str

    def send(self, name: str, data: bytes) -> None: ...

    def receive(self) -> Iterator[Arrival]: ...


_UNSAFE = re.compile(r"[^0-9A-Za-z._-]+")


def safe_name(name: str) -> str:
    """A file name without folders or characters that trouble other systems."""
    base = _UNSAFE.sub("_", name.replace("\\", "/").rsplit("/", 1)[-1]).strip("._")
    return (base or "packet")[:120]


class FolderTransport:
    """``<root>/outbox`` for what doimoi sends, ``<root>/inbox`` for what arrives; handled
    arrivals move to ``inbox/.done`` or ``inbox/.failed``."""

    name = "folder"

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)
        self.outbox = self.root / "outbox"
        self.inbox = self.root / "inbox"

    def send(self, name: str, data: bytes) -> None:
        self.outbox.mkdir(parents=True, exist_ok=True)
        target = self.outbox / safe_name(name)
        partial = target.with_name(f".{target.name}.part")
        partial.write_bytes(data)
        os.replace(partial, target)  # a reader never sees half a packet

    def _file(self, path: Path, ok: bool) -> None:
        """File a handled arrival away (``ok``: taken in; else refused, kept for a person)."""
        folder = self.inbox / (".done" if ok else ".failed")
        folder.mkdir(parents=True, exist_ok=True)
        os.replace(path, folder / path.name)

    def receive(self) -> Iterator[Arrival]:
        if not self.inbox.is_dir():
            return
        for path in sorted(self.inbox.iterdir()):
            if path.is_file() and not path.name.startswith("."):
                yield Arrival(path.name, path.read_bytes(), partial(self._file, path))


def configured() -> Transport | None:
    """The transport the settings name (DOIMOI_EXCHANGE_DIR: a folder transport), if any."""
    root = getattr(settings, "DOIMOI_EXCHANGE_DIR", None) or os.environ.get("DOIMOI_EXCHANGE_DIR")
    return FolderTransport(root) if root else None
