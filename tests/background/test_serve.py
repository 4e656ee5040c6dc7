"""`doimoi serve`: a slow or half-open client cannot stall the web server (acceptance 2)."""

from __future__ import annotations

import socket
import time
import urllib.request
from pathlib import Path

from tests.background.processes import Serve, instance_env


def _half_open(port: int, first_bytes: bytes) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port))
    if first_bytes:
        sock.sendall(first_bytes)
    return sock


def _timed(base: str) -> float:
    started = time.monotonic()
    with urllib.request.urlopen(base + "/dang-nhap/", timeout=10) as response:
        body = response.read()
    assert response.status == 200 and "Đăng nhập" in body.decode()
    return time.monotonic() - started


def test_two_half_open_connections_do_not_delay_a_third_client(tmp_path: Path) -> None:
    with instance_env(tmp_path) as env:
        # One web process on purpose: the slow clients must not hold it.
        serve = Serve(env, "--no-demo", "--no-worker", "--workers", "1").ready(timeout=900)
        try:
            baseline = min(_timed(serve.url) for _ in range(3))  # warm, on this machine's load
            silent = _half_open(serve.port, b"")
            partial = _half_open(serve.port, b"GET /dang-nhap/ HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            time.sleep(0.5)  # both connections are now accepted by the server
            # A server stalled by the two (sync workers) never answers: the client gives up.
            elapsed = _timed(serve.url)
            assert elapsed - baseline < 1.0, (elapsed, baseline)
            silent.close()
            partial.close()
        finally:
            serve.stop()
