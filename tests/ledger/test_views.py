"""The inspectors' page: the ledger verified against its checkpoints, one subject's events."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from django.db import connection
from django.test import Client

from doimoi.ledger import checkpoints
from doimoi.ledger.models import LedgerEvent


def _client(persona: Any, username: str) -> Client:
    client = Client()
    client.force_login(persona(username))
    return client


def _text(content: bytes) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", content.decode()))


def test_an_inspector_sees_the_chain_verified_and_its_checkpoints(
    persona: Any, settings: Any, tmp_path: Path
) -> None:
    settings.DOIMOI_LEDGER_CHECKPOINTS = str(tmp_path / "cp.jsonl")
    point = checkpoints.record("daily")
    assert point is not None
    client = _client(persona, "kiemtra.tinhuy")
    page = _text(client.get("/so-cai/kiem-tra/").content)
    assert "Sổ cái toàn vẹn" in page and "khớp 1 mốc kiểm chứng" in page
    assert f"{point.seq} {point.hash[:16]}" in page and "daily" in page
    event = LedgerEvent.objects.order_by("seq").first()
    assert event is not None
    subject = f"{event.subject_type}:{event.subject_id}"
    page = _text(client.get("/so-cai/kiem-tra/", {"doi_tuong": subject}).content)
    assert event.hash in page and "nằm trong chuỗi vừa được kiểm chứng" in page


def test_a_shortened_chain_shows_the_checkpoint_it_breaks(
    persona: Any, settings: Any, tmp_path: Path
) -> None:
    settings.DOIMOI_LEDGER_CHECKPOINTS = str(tmp_path / "cp.jsonl")
    point = checkpoints.record("daily")
    assert point is not None
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE ledger_ledgerevent DISABLE TRIGGER ledger_append_only")
        cursor.execute("DELETE FROM ledger_ledgerevent WHERE seq = %s", [point.seq])
    page = _text(_client(persona, "kiemtra.tinhuy").get("/so-cai/kiem-tra/").content)
    assert f"Sổ cái không khớp mốc kiểm chứng #{point.seq}" in page and "không khớp" in page


def test_others_may_not_open_it(persona: Any) -> None:
    assert _client(persona, "bithu.baoloc").get("/so-cai/kiem-tra/").status_code == 403
    assert _client(persona, "admin").get("/so-cai/kiem-tra/").status_code == 200
