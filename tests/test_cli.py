"""The ``doimoi`` command as a user runs it: help, serve with demo data, ledger verify."""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

DOIMOI = [sys.executable, "-m", "doimoi.cli"]


def _env(var_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    return env | {"DOIMOI_VAR_DIR": str(var_dir), "PYTHONPATH": "src"}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_help_lists_commands_in_both_languages() -> None:
    out = subprocess.run([*DOIMOI, "--help"], capture_output=True, text=True, check=True).stdout
    for command in (
        "serve",
        "seed-demo",
        "parse",
        "ingest",
        "ledger",
        "createsuperuser",
        "migrate",
    ):
        assert f"  {command} " in out
    assert "chạy máy chủ web" in out and "run the web server" in out


def test_serve_runs_gunicorn_with_demo_data(tmp_path: Path) -> None:
    port = _free_port()
    proc = subprocess.Popen(
        [*DOIMOI, "serve", "--port", str(port), "--workers", "1"],
        env=_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        body = _wait_for(f"http://127.0.0.1:{port}/dang-nhap/", proc)
        assert "Đăng nhập" in body
        proc.terminate()
        out, _ = proc.communicate(timeout=20)
    finally:
        proc.kill()
    assert f"http://127.0.0.1:{port}/" in out
    assert "bithu.baoloc" in out and "doimoi-demo" in out
    assert "gunicorn" in out.lower()
    assert "[doimoi] web: pid" in out and "[doimoi] worker: pid" in out  # both supervised
    assert (tmp_path / "doimoi.sqlite3").exists() and (tmp_path / "secret_key").exists()
    verify = subprocess.run(
        [*DOIMOI, "ledger", "verify"], env=_env(tmp_path), capture_output=True, text=True
    )
    assert verify.returncode == 0, verify.stderr
    assert "Sổ cái toàn vẹn" in verify.stdout


def _wait_for(url: str, proc: subprocess.Popen[str]) -> str:
    deadline = time.monotonic() + 240  # a busy CI machine: migrate, seed, then two processes
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"doimoi serve exited: {proc.stdout.read() if proc.stdout else ''}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return str(response.read().decode())
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"doimoi serve did not answer at {url}")


def test_ledger_verify_exits_nonzero_naming_the_event(tmp_path: Path) -> None:
    env = _env(tmp_path)
    subprocess.run([*DOIMOI, "migrate", "-v0"], env=env, check=True)
    subprocess.run([*DOIMOI, "seed-demo"], env=env, check=True, capture_output=True)
    with sqlite3.connect(tmp_path / "doimoi.sqlite3") as db:
        db.execute("UPDATE ledger_ledgerevent SET actor_label = 'giả mạo' WHERE seq = 12")
    result = subprocess.run([*DOIMOI, "ledger", "verify"], env=env, capture_output=True, text=True)
    assert result.returncode != 0
    assert "sự kiện số 12" in result.stderr


def test_serve_on_a_taken_port_says_so_and_stops(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [*DOIMOI, "serve", "--port", str(port)],
            env=_env(tmp_path),
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 2
    assert f"Cổng {port} trên 127.0.0.1 đang được một chương trình khác dùng" in result.stderr
    assert f"doimoi serve --port {port + 1}" in result.stderr
    assert not (tmp_path / "doimoi.sqlite3").exists()  # refused before touching the database


def test_serve_port_check_ignores_a_free_port() -> None:
    from doimoi.serve import port_taken

    port = _free_port()
    assert not port_taken("127.0.0.1", port)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", port))
        taken.listen()
        assert port_taken("127.0.0.1", port)
