"""``doimoi parse`` / ``python -m doimoi.vbparse parse``: JSON, table, unreadable files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from doimoi.vbparse.command import run
from doimoi.vbparse.model import FIELDS

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
SEEDS = sorted(str(p) for p in CORPUS.glob("*.txt"))


def test_json_output_has_one_object_per_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert run([*SEEDS, "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert [item["file"] for item in result] == SEEDS
    numbers = [[f"{d['number']}-{d['symbol']}" for d in item["documents"]] for item in result]
    assert numbers == [["64-KH/ThU"], ["39-KH/ĐUK"], ["287-CV/ĐUK", "1335-CV/TU", "14-KL/TW"]]
    expected_keys = {*FIELDS, "confidence", "warnings", "signers", "span", "nesting"}
    assert all(set(d) == expected_keys for item in result for d in item["documents"])


def test_forwarding_chain_in_the_json(capsys: pytest.CaptureFixture[str]) -> None:
    run([SEEDS[2], "--json"])
    documents = json.loads(capsys.readouterr().out)[0]["documents"]
    relations = [
        {(r["number"], r["symbol"]): r["relation"] for r in d["references"]} for d in documents
    ]
    assert relations[0][("1335", "CV/TU")] == "forwards"
    assert relations[0][("14", "KL/TW")] in ("cites", "implements")
    assert relations[1][("14", "KL/TW")] == "implements"


def test_table_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert run([SEEDS[0]]) == 0
    out = capsys.readouterr().out
    assert "Thành ủy Bảo Lộc" in out and "Nghiêm Xuân Đức" in out and "[implements]" in out


def test_missing_file_is_reported_and_the_others_still_parsed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = str(tmp_path / "không-có.txt")
    assert run([missing, SEEDS[0], "--json"]) == 1
    captured = capsys.readouterr()
    assert missing in captured.err and captured.err.startswith("Không đọc được tệp")
    assert [item["file"] for item in json.loads(captured.out)] == [SEEDS[0]]


def test_directory_and_odd_bytes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    odd = tmp_path / "rác.md"
    odd.write_bytes(b"\xff\xfe\x00\x01garbage\x80\x81")
    assert run([str(tmp_path), str(odd), "--json"]) == 1
    result = json.loads(capsys.readouterr().out)
    assert result[0]["documents"][0]["number"] is None


def test_usage(capsys: pytest.CaptureFixture[str]) -> None:
    assert run([]) == 2
    assert run(["--help"]) == 0
    assert run(["--bogus", SEEDS[0]]) == 2
    assert "doimoi parse" in capsys.readouterr().out


def test_python_dash_m() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "doimoi.vbparse", "parse", *SEEDS, "--json"],
        capture_output=True,
        check=False,
        env={"PYTHONIOENCODING": "ascii", "PATH": ""},
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.decode("utf-8"))
    assert len(result[2]["documents"]) == 3
