"""Keeping child processes running: restart what stops, stop everything on SIGTERM/SIGINT.

Children die with the supervisor (Linux ``PR_SET_PDEATHSIG``), so a supervisor killed with
``kill -9`` leaves no web server holding the port and no worker without a master. Each child's
pid is written to ``var/run/<name>.pid`` for operators (and the kill tests).
"""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

RESTART_DELAY = 1.0
MAX_DELAY = 30.0


def _die_with_parent() -> None:
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except OSError:
        pass


@dataclass
class Child:
    """A command to keep running."""

    name: str
    argv: list[str]
    process: subprocess.Popen[bytes] | None = None
    started: float = 0.0
    delay: float = RESTART_DELAY / 2
    restarts: int = field(default=0)
    restart_at: float | None = None

    def start(self, run_dir: Path | None) -> None:
        self.process = subprocess.Popen(self.argv, preexec_fn=_die_with_parent)
        self.started = time.monotonic()
        if run_dir is not None:
            (run_dir / f"{self.name}.pid").write_text(f"{self.process.pid}\n")
        print(f"[doimoi] {self.name}: pid {self.process.pid}", file=sys.stderr, flush=True)


def _run_dir() -> Path | None:
    var = os.environ.get("DOIMOI_VAR_DIR", str(Path.cwd() / "var"))
    path = Path(var) / "run"
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return path


def _check(child: Child, run_dir: Path | None) -> None:
    """Restart a child that stopped, waiting longer each time it stops soon after starting."""
    assert child.process is not None
    now = time.monotonic()
    if child.restart_at is not None:
        if now >= child.restart_at:
            child.restart_at, child.restarts = None, child.restarts + 1
            child.start(run_dir)
        return
    code = child.process.poll()
    if code is None:
        return
    lived = now - child.started
    child.delay = RESTART_DELAY if lived > MAX_DELAY else min(child.delay * 2, MAX_DELAY)
    child.restart_at = now + child.delay
    print(
        f"[doimoi] {child.name} stopped (code {code}); restarting in {child.delay:.0f} s",
        file=sys.stderr,
        flush=True,
    )


def supervise(children: list[Child]) -> int:
    """Run ``children`` until SIGTERM or SIGINT, restarting any that stops; then stop them all."""
    stop: list[int] = []

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.append(signum)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    run_dir = _run_dir()
    for child in children:
        child.start(run_dir)
    while not stop:
        for child in children:
            _check(child, run_dir)
        time.sleep(0.5)
    for child in children:
        if child.process is not None and child.process.poll() is None:
            child.process.send_signal(signal.SIGTERM)
    for child in children:
        if child.process is not None:
            try:
                child.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                child.process.kill()
    return 0
