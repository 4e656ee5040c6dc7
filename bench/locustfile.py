"""The users of bench/load.py: logged-in people doing what offices do all day (locust)."""

from __future__ import annotations

import itertools
import os
import random
import re
from datetime import date
from pathlib import Path

from locust import HttpUser, between, task
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

DEMO = ["bithu.baoloc", "vanthu.baoloc"]  # both of Thành ủy Bảo Lộc: they see its cascade
NATIONAL = [("bench.province", "x"), ("bench.admin", "x")]
IDS = {k: int(v) for k, v in (p.split("=") for p in os.environ["BENCH_IDS"].split(","))}
TEXT = Path(os.environ["BENCH_UPLOAD"]).read_text(encoding="utf-8")
_serial = itertools.count(int(os.environ.get("BENCH_SERIAL", "5000")))
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
SELECTED = re.compile(
    r'<select name="(unit|rule_set)"[^>]*>.*?<option value="(\d+)" selected', re.S
)
SEARCHES = ["kế hoạch", "dang uy", "chuyển đổi số", "quán triệt", "14-KL/TW", "bao cao"]


class Cadre(HttpUser):
    wait_time = between(1, 5)

    def on_start(self) -> None:
        # As a browser does: a GET sent on a kept-alive connection the server closed at that
        # very moment is sent again once, on a new connection (POSTs are not: the server keeps
        # idle connections 75 s, longer than any user's pause here).
        again = Retry(total=1, connect=1, read=1, status=0, allowed_methods={"GET"})
        self.client.mount("http://", HTTPAdapter(max_retries=again))
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

    @task(1)
    def answer(self) -> None:
        """An assignment answer: the ward records a study session it held (a ledger event)."""
        if self.national:
            return
        url = f"/chi-dao/nhiem-vu/{IDS['assignment']}/tra-loi/"
        data = {
            "csrfmiddlewaretoken": self._csrf(),
            "kind": "study",
            "on": date.today().isoformat(),
        }
        self.client.post(url, data, headers={"Referer": self.host + url}, name="answer (POST)")

    @task(1)
    def propose(self) -> None:
        """An initiative transition: a cadre opens a proposal (draft, a ledger event)."""
        if self.national:
            return
        form = self.client.get("/de-xuat/moi/", name="new proposal form").text
        chosen = dict(SELECTED.findall(form))
        data = {
            "csrfmiddlewaretoken": self._csrf(),
            "unit": chosen.get("unit", ""),
            "rule_set": chosen.get("rule_set", ""),
            "title": f"Số hóa sổ theo dõi nhiệm vụ {next(_serial)}",
        }
        headers = {"Referer": self.host + "/de-xuat/moi/"}
        self.client.post("/de-xuat/moi/", data, headers=headers, name="proposal (POST)")

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
