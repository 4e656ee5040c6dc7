"""Checkpoints kept outside the chain catch what the chain alone cannot (acceptance 4):
removing the last events, emptying the ledger, rewriting the tail with recomputed hashes.
And the app's PostgreSQL role cannot disable the trigger or truncate the ledger."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import psycopg
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from tests.conftest import require

from doimoi.ledger import checkpoints
from doimoi.ledger.chain import event_hash
from doimoi.ledger.models import LedgerEvent
from doimoi.ledger.verify import verify
from doimoi.organizations.models import Unit

TABLE = LedgerEvent._meta.db_table


def _raw(sql: str, params: list[Any] | None = None) -> None:
    """Change the table as a database administrator bypassing the application would."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"ALTER TABLE {TABLE} DISABLE TRIGGER ledger_append_only")
        cursor.execute(sql, params or [])


@pytest.fixture
def marks(demo: dict[str, Unit], settings: Any, tmp_path: Path) -> tuple[Path, list[Any]]:
    """Two checkpoints: one a third of the way, one at the head."""
    path = tmp_path / "checkpoints.jsonl"
    settings.DOIMOI_LEDGER_CHECKPOINTS = str(path)
    events = list(LedgerEvent.objects.order_by("seq"))
    third = events[len(events) // 3]
    early = checkpoints.record_head(third.seq, third.hash, "dossier")
    late = checkpoints.record("daily")
    assert late is not None and late.seq == events[-1].seq
    return path, [early, late]


def _fails(path: Path, seq: int, how: str) -> None:
    report = verify(checkpoints.read([path]))
    assert report.failed_checkpoint is not None and report.failed_checkpoint.seq == seq
    assert report.checkpoint_reason.startswith(how)
    with pytest.raises(CommandError, match=rf"mốc kiểm chứng #{seq} .*{how}"):
        call_command("ledger", "verify", "--checkpoints", str(path))


def test_an_intact_chain_matches_its_checkpoints(marks: Any, capsys: Any) -> None:
    path, _points = marks
    call_command("ledger", "verify", "--checkpoints", str(path))
    assert "Khớp 2 mốc kiểm chứng" in capsys.readouterr().out


def test_removing_the_last_events_is_reported(marks: Any) -> None:
    path, (_early, late) = marks
    _raw(f"DELETE FROM {TABLE} WHERE seq > %s", [late.seq - 3])
    assert verify().ok  # the chain alone still verifies: a shorter chain is a valid chain
    _fails(path, late.seq, "shortened")


def test_emptying_the_ledger_is_reported(marks: Any) -> None:
    path, (early, _late) = marks
    _raw(f"DELETE FROM {TABLE}")
    assert verify().ok
    _fails(path, early.seq, "shortened")


def test_rewriting_the_tail_with_recomputed_hashes_is_reported(marks: Any) -> None:
    path, (early, _late) = marks
    events = list(LedgerEvent.objects.filter(seq__gte=early.seq - 1).order_by("seq"))
    prev = events[0].prev_hash
    for e in events:
        payload = {**e.payload, "rewritten": True}
        new = event_hash(
            seq=e.seq,
            occurred_at=e.occurred_at,
            actor_id=e.actor_id,
            actor_label=e.actor_label,
            unit_id=e.unit_id,
            subject_type=e.subject_type,
            subject_id=e.subject_id,
            action=e.action,
            payload=payload,
            prev_hash=prev,
        )
        _raw(
            f"UPDATE {TABLE} SET payload = %s, prev_hash = %s, hash = %s WHERE seq = %s",
            [psycopg_json(payload), prev, new, e.seq],
        )
        prev = new
    assert verify().ok  # internally consistent: only the checkpoints can tell
    _fails(path, early.seq, "rewritten")


def psycopg_json(value: dict[str, Any]) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)


def test_signed_checkpoints_catch_a_rewritten_checkpoint_file(
    demo: dict[str, Unit], settings: Any, tmp_path: Path
) -> None:
    key = tmp_path / "ledger.key"
    public = checkpoints.generate_key(key)
    settings.DOIMOI_LEDGER_KEY = str(key)
    settings.DOIMOI_LEDGER_CHECKPOINTS = str(tmp_path / "cp.jsonl")
    point = checkpoints.record("daily")
    assert point is not None and point.signature
    points = checkpoints.read([tmp_path / "cp.jsonl"])
    assert checkpoints.bad_signature(points, public.read_bytes()) is None
    forged = (tmp_path / "cp.jsonl").read_text().replace(point.hash, "0" * 64)
    (tmp_path / "cp.jsonl").write_text(forged)
    with pytest.raises(CommandError, match="chữ ký không hợp lệ"):
        call_command(
            "ledger",
            "verify",
            "--checkpoints",
            str(tmp_path / "cp.jsonl"),
            "--public-key",
            str(public),
        )


@pytest.mark.postgres
def test_the_app_role_cannot_disable_the_trigger_or_truncate_the_ledger(
    transactional_db: None, demo: dict[str, Unit]
) -> None:
    require(connection.vendor == "postgresql", "needs PostgreSQL")
    role = f"doimoi_app_{uuid.uuid4().hex[:8]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE ROLE "{role}" LOGIN')
    try:
        call_command("grant_app_role", role)
        params = connection.get_connection_params()
        params.pop("cursor_factory", None)
        params.pop("context", None)
        params["user"] = role
        params.pop("password", None)
        with psycopg.connect(**params, autocommit=True) as app:
            assert app.execute(f"SELECT count(*) FROM {TABLE}").fetchone()[0] > 0
            for sql in (
                f"ALTER TABLE {TABLE} DISABLE TRIGGER ledger_append_only",
                f"TRUNCATE {TABLE}",
                f"DELETE FROM {TABLE}",
                f"UPDATE {TABLE} SET actor_label = 'x'",
                f"DROP TABLE {TABLE}",
            ):
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    app.execute(sql)
        assert verify().ok
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP OWNED BY "{role}"')
            cursor.execute(f'DROP ROLE "{role}"')
