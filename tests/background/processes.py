"""Running doimoi as its users do: `doimoi serve` and `doimoi worker` in processes of their own,
on a database of their own (a SQLite file, or a fresh PostgreSQL database beside the test one)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOIMOI = [sys.executable, "-m", "doimoi.cli"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _admin_url() -> str | None:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


@contextmanager
def instance_env(var_dir: Path) -> Iterator[dict[str, str]]:
    """Environment for a separate doimoi instance: its own folder and its own database."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env.update(
        DOIMOI_VAR_DIR=str(var_dir),
        DJANGO_SETTINGS_MODULE="doimoi.settings",
        DOIMOI_WORKER_BEAT="0.5",
        DOIMOI_WORKER_DEAD_AFTER="5",
        PYTHONUNBUFFERED="1",
    )
    admin = _admin_url()
    if admin is None:
        env.pop("DATABASE_URL", None)
        yield env
        return
    import psycopg

    name = f"i11_proc_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    env["DATABASE_URL"] = admin.rsplit("/", 1)[0] + "/" + name
    try:
        yield env
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [name]
            )
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')


def run(env: dict[str, str], *args: str, timeout: float = 900) -> str:
    """Run a doimoi command to its end; its output (it must succeed)."""
    done = subprocess.run(
        [*DOIMOI, *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def wait_http(url: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            if time.monotonic() > deadline:
                raise
        time.sleep(0.3)


class Serve:
    """`doimoi serve` running in the background until stopped."""

    def __init__(self, env: dict[str, str], *args: str) -> None:
        self.env, self.port = env, free_port()
        self.log = Path(env["DOIMOI_VAR_DIR"]) / f"serve-{self.port}.log"
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with self.log.open("ab") as out:
            self.process = subprocess.Popen(
                [*DOIMOI, "serve", "--port", str(self.port), *args],
                env=env,
                cwd=ROOT,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        self.url = f"http://127.0.0.1:{self.port}"

    def ready(self, timeout: float = 900) -> Serve:
        wait_http(self.url + "/dang-nhap/", timeout)
        return self

    def child_pid(self, name: str) -> int:
        return int((Path(self.env["DOIMOI_VAR_DIR"]) / "run" / f"{name}.pid").read_text())

    def kill9(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=90)
            except subprocess.TimeoutExpired:
                self.kill9()


def wait_gone(pid: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.2)
    raise AssertionError(f"process {pid} still running")
