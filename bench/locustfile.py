"""The users of bench/load.py: logged-in people doing what offices do all day (locust)."""

from __future__ import annotations

import itertools
import os
import random
import re
from pathlib import Path

from locust import HttpUser, between, task

DEMO = ["bithu.baoloc", "vanthu.baoloc"]  # both of Thành ủy Bảo Lộc: they see its cascade
NATIONAL = [("bench.province", "x"), ("bench.admin", "x")]
IDS = {k: int(v) for k, v in (p.split("=") for p in os.environ["BENCH_IDS"].split(","))}
TEXT = Path(os.environ["BENCH_UPLOAD"]).read_text(encoding="utf-8")
_serial = itertools.count(int(os.environ.get("BENCH_SERIAL", "5000")))
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
SEARCHES = ["kế hoạch", "dang uy", "chuyển đổi số", "quán triệt", "14-KL/TW", "bao cao"]


class Cadre(HttpUser):
    wait_time = between(1, 5)

    def on_start(self) -> None:
        national = random.random() < 0.3
        self.national = national
        username, password = (
            random.choice(NATIONAL) if national else (random.choice(DEMO), "doimoi-demo")
        )
        self.username = username
        page = self.client.get("/dang-nhap/", name="login page").text
        token = TOKEN.search(page)
        self.client.post(
            "/dang-nhap/",
            {
                "csrfmiddlewaretoken": token[1] if token else "",
                "username": username,
                "password": password,
            },
            name="login (POST)",
        )

    def _csrf(self) -> str:
        return str(self.client.cookies.get("csrftoken", ""))

    @task(6)
    def home(self) -> None:
        self.client.get("/", name="home")

    @task(4)
    def search(self) -> None:
        self.client.get("/van-ban/", params={"q": random.choice(SEARCHES)}, name="search")

    @task(3)
    def directive(self) -> None:
        pk = IDS["national"] if self.national else IDS["demo_directive"]
        self.client.get(f"/chi-dao/{pk}/", name="directive page")

    @task(2)
    def assignment(self) -> None:
        if self.national:
            return
        self.client.get(f"/chi-dao/nhiem-vu/{IDS['assignment']}/", name="assignment page")

    @task(2)
    def initiatives(self) -> None:
        self.client.get("/de-xuat/", name="initiatives list")

    @task(1)
    def case(self) -> None:
        if self.national:
            return
        self.client.get(f"/de-xuat/{IDS['case']}/", name="initiative page")

    @task(2)
    def login_page(self) -> None:
        with self.client.get(
            "/dang-nhap/", name="trivial: login page", allow_redirects=False, catch_response=True
        ) as r:
            if r.status_code in (200, 302):
                r.success()

    @task(2)
    def static(self) -> None:
        self.client.get(f"/static/{IDS_STATIC}", name="trivial: static file")

    @task(1)
    def upload(self) -> None:
        if self.username != "vanthu.baoloc":  # the clerk files what arrives
            return
        n = next(_serial)
        data = TEXT.replace("Số 64-KH/ThU", f"Số {n}-KH/ThU").encode()
        self.client.post(
            "/van-ban/nhap/",
            {"csrfmiddlewaretoken": self._csrf(), "unit": IDS["unit"]},
            files={"files": (f"kh{n}.txt", data, "text/plain")},
            headers={"Referer": self.host + "/van-ban/nhap/"},
            name="upload (POST)",
        )


IDS_STATIC = os.environ["BENCH_STATIC"]
