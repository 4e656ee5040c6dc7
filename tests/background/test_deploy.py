"""docs/deploy.md on one machine: two app servers and two workers against one PostgreSQL and one
shared file store; any server answers a logged-in user, any worker takes a task."""

from __future__ import annotations

import http.cookiejar
import re
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.background.processes import DOIMOI, ROOT, Serve, instance_env, run
from tests.conftest import require

ENQUEUE = """
from tests.background.tasks_for_tests import slow
for _ in range(6):
    slow.enqueue(3.0)
"""


def _login(base: str) -> http.cookiejar.CookieJar:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base + "/dang-nhap/", timeout=30).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token is not None
    data = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token[1], "username": "bithu.baoloc", "password": "doimoi-demo"}
    ).encode()
    opener.open(urllib.request.Request(base + "/dang-nhap/", data=data), timeout=30).read()
    return jar


def _home(base: str, jar: http.cookiejar.CookieJar) -> str:
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with opener.open(base + "/", timeout=30) as response:
        assert response.url.rstrip("/") == base, "sent back to the login page"
        return str(response.read().decode())


def _wait_for_workers(env: dict[str, str], count: int) -> None:
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if _live(env) >= count:
            return
        time.sleep(1)
    raise AssertionError("the workers did not start")


def _live(env: dict[str, str]) -> int:
    out = run(
        env,
        "shell",
        "-c",
        "from doimoi.background.worker import live_workers;print(len(live_workers()))",
    )
    return int(out.strip().splitlines()[-1])


@pytest.mark.postgres
@pytest.mark.processes
def test_two_app_servers_and_two_workers_share_one_postgresql(tmp_path: Path) -> None:
    with instance_env(tmp_path / "a") as env:
        require("DATABASE_URL" in env, "needs PostgreSQL")
        env["DOIMOI_SECRET_KEY"] = "the-same-on-every-server-" + "x" * 30
        env["DOIMOI_MEDIA_ROOT"] = str(tmp_path / "shared-files")
        first = Serve(env, "--no-worker").ready(timeout=900)  # migrates, seeds the demo
        other_env = env | {"DOIMOI_VAR_DIR": str(tmp_path / "b")}  # another machine's var/
        second = Serve(other_env, "--no-worker", "--no-demo").ready(timeout=900)
        workers = [subprocess.Popen([*DOIMOI, "worker"], env=e, cwd=ROOT) for e in (env, other_env)]
        try:
            jar = _login(first.url)
            _home(second.url, jar)  # the session opened on one server is known to the other
            _wait_for_workers(env, 2)
            run(env, "shell", "-c", ENQUEUE)
            out = ""
            deadline = time.monotonic() + 300
            while time.monotonic() < deadline:
                out = run(
                    env,
                    "shell",
                    "-c",
                    "from django_tasks_db.models import DBTaskResult as R;"
                    "done = R.objects.filter(status='SUCCESSFUL', task_path__endswith='.slow');"
                    "print(done.count(), sorted({r.return_value for r in done}))",
                )
                if out.strip().splitlines()[-1].startswith("6 "):
                    break
                time.sleep(2)
            last = out.strip().splitlines()[-1]
            assert last.startswith("6 "), last
            pids = {str(w.pid) for w in workers}
            assert set(re.findall(r"'(\d+)'", last)) == pids  # both workers took tasks
        finally:
            for w in workers:
                w.terminate()
            for w in workers:
                w.wait(timeout=60)
            first.stop()
            second.stop()
