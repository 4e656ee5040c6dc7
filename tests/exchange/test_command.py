"""``doimoi exchange``: its help, and exporting then importing a folder through it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from doimoi.documents.models import Document
from doimoi.documents.services.ingest import ingest_file
from doimoi.exchange.models import Direction, ExchangeRecord
from doimoi.exchange.selectors import code_of
from tests.documents.files import PLAN_64, seed_text

DOIMOI = [sys.executable, "-m", "doimoi.cli"]


@pytest.mark.parametrize("action", ["", "import", "export", "poll", "agencies"])
def test_every_exchange_command_has_help(action: str) -> None:
    args = [*DOIMOI, "exchange", *([action] if action else []), "--help"]
    out = subprocess.run(
        args, capture_output=True, text=True, check=True, env={"PYTHONPATH": "src"} | _env()
    ).stdout
    assert "usage" in out.lower()
    if not action:
        assert "import" in out and "export" in out and "poll" in out
    else:  # each says what it does (a description, not the usage line alone), in both languages
        assert WHAT_IT_SAYS[action] in out, out
        assert " / " in out


WHAT_IT_SAYS = {
    "import": "gói tin sai bị từ chối",
    "export": "văn bản mật bị từ chối",
    "poll": "inbox/.failed",
    "agencies": "không dòng nào",
}


def _env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}


@pytest.mark.django_db
def test_export_then_import_a_folder(agencies: dict[str, Any], tmp_path: Path) -> None:
    unit = agencies["Thành ủy Bảo Lộc"]
    result = ingest_file(
        actor=None, unit=unit, name="64.txt", data=seed_text(PLAN_64).encode(), source="web"
    )
    document = Document.objects.get(pk=result.documents[0]["id"])
    target = agencies["Ban Tuyên giáo Thành ủy Bảo Lộc"]
    folder = tmp_path / "in"
    folder.mkdir()
    out = folder / "64.edxml"
    call_command("exchange", "export", str(document.pk), "--to", code_of(target), "--out", str(out))
    assert out.read_bytes().startswith(b"<?xml")
    call_command("exchange", "import", str(folder), "--unit", code_of(target))
    assert ExchangeRecord.objects.filter(direction=Direction.INCOMING, unit=target).exists()
