"""Readers of packet formats that carry a document with its metadata (edXML from e-office
systems): an upper app registers one, and every way into ingest (web, API, command, folder)
hands it the files it recognizes instead of reading them as plain documents."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class PacketReader:
    """``accepts(name, data)`` says whether a file is such a packet; ``ingest(...)`` takes it
    in (same keywords as ``ingest_file``) and returns a ``FileResult``."""

    accepts: Callable[[str, bytes], bool]
    ingest: Callable[..., Any]


_READERS: list[PacketReader] = []


def register(reader: PacketReader) -> None:
    if reader not in _READERS:
        _READERS.append(reader)


def reader_for(name: str, data: bytes) -> PacketReader | None:
    """The reader that takes this file, if any."""
    return next((r for r in _READERS if r.accepts(name, data)), None)
