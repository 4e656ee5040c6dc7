"""The pages bench/load.py's demo users open, each timed against the home page of the same user.

In one process, through Django's test client (the full middleware, the real session and scope
cache), on a copy of the load data set (DATABASE_URL): the login page, the home page, the demo
ward's assignment page, the demo's case page and the demo directive's page (``directive``: as
most views find it, kept since the last; ``directive-miss``: just after one of the ward's study
sessions was recorded, as the load's answers do every few seconds, untimed, before each sample),
for ``bithu.baoloc`` and ``vanthu.baoloc``,
round by round in turn (a busy moment slows one sample of each, not one page). Prints, per user
and page, the median and p95 in ms and the ratio of each to the home page's median, the same for
the CPU time of this process alone (Python and templates, without the database's: less noisy on
a shared machine), and the SQL statements of a warm request. ``--events N`` first answers the
assignment until its timeline holds N events, as the load's answers do; ``--profile PAGE``
prints cProfile's top functions of that page instead, ``--sql PAGE`` its statements with their
times.

Run: ``createdb -T doimoi_bench_load_built <copy>``, then
``DATABASE_URL=postgres://.../<copy> python bench/pages.py [--rounds 60] [--events 200]``
(never on the load's own database: ``--events`` writes). Not part of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

USERS = ("bithu.baoloc", "vanthu.baoloc")


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _setup() -> dict[str, Any]:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doimoi.settings")
    import django

    django.setup()
    sys.path.insert(0, os.path.dirname(__file__))
    from load import _demo_ids  # bench/load.py: the rows its users visit

    return _demo_ids()


def _grow_timeline(assignment_pk: int, events: int) -> None:
    """Answer the assignment (a study session, as the load's POSTs do) until it has ``events``."""
    from django.contrib.auth import get_user_model

    from doimoi.directives import services
    from doimoi.directives.models import Assignment
    from doimoi.ledger.selectors import latest_events_for

    a = Assignment.objects.get(pk=assignment_pk)
    actor = get_user_model().objects.get(username=USERS[0])
    have = latest_events_for(subject=a, limit=1)[1]
    for _ in range(max(0, events - have)):
        services.assignment_answer(actor=actor, assignment=a, kind="study")
        a.refresh_from_db()


def _fetch(client: Any, url: str, ok: tuple[int, ...] = (200,)) -> Callable[[], int]:
    def get() -> int:
        response = client.get(url)
        assert response.status_code in ok, (url, response.status_code)
        return len(response.content)

    return get


def _pages(ids: dict[str, Any], client: Any) -> dict[str, Callable[[], int]]:
    directive = f"/chi-dao/{ids['demo_directive']}/"
    return {
        "login": _fetch(client, "/dang-nhap/", (200, 302)),
        "home": _fetch(client, "/"),
        "assignment": _fetch(client, f"/chi-dao/nhiem-vu/{ids['assignment']}/"),
        "case": _fetch(client, f"/de-xuat/{ids['case']}/"),
        "directive": _fetch(client, directive),
        "directive-miss": _fetch(client, directive),
    }


def _answer(assignment_pk: int) -> Callable[[], None]:
    """A study session recorded on the ward's assignment (as the load's POSTs do): it renews the
    directive's cascade stamp."""
    from django.contrib.auth import get_user_model

    from doimoi.directives import services
    from doimoi.directives.models import Assignment

    actor = get_user_model().objects.get(username=USERS[0])

    def answer() -> None:
        a = Assignment.objects.get(pk=assignment_pk)
        services.assignment_answer(actor=actor, assignment=a, kind="study")

    return answer


def _before(ids: dict[str, Any]) -> dict[str, Callable[[], None]]:
    """What runs, untimed, before a page's sample."""
    return {"directive-miss": _answer(ids["assignment"])}


def _signed_in(username: str) -> Any:
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def _statements(before: Callable[[], None], fetch: Callable[[], int]) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    before()
    with CaptureQueriesContext(connection) as captured:
        fetch()
    return len(captured.captured_queries)


def _nothing() -> None:
    pass


def measure(ids: dict[str, Any], rounds: int) -> None:
    for username in USERS:
        client = _signed_in(username)
        pages = _pages(ids, client)
        for fetch in pages.values():  # warm: the scope, the template loaders
            fetch()
        samples: dict[str, list[float]] = {name: [] for name in pages}
        cpu: dict[str, list[float]] = {name: [] for name in pages}
        before = _before(ids)
        for _ in range(rounds):
            for name, fetch in pages.items():
                before.get(name, _nothing)()
                start, start_cpu = time.perf_counter(), time.process_time()
                fetch()
                samples[name].append((time.perf_counter() - start) * 1000)
                cpu[name].append((time.process_time() - start_cpu) * 1000)
        home, home_cpu = statistics.median(samples["home"]), statistics.median(cpu["home"])
        print(f"{username}  (load {os.getloadavg()[0]:.2f})")
        for name, fetch in pages.items():
            med, p95 = statistics.median(samples[name]), _p95(samples[name])
            med_cpu = statistics.median(cpu[name])
            print(
                f"  {name:<14} median {med:6.1f} ms  p95 {p95:6.1f} ms  x home {med / home:4.2f}"
                f"  | this process's CPU {med_cpu:5.1f} ms  x home {med_cpu / home_cpu:4.2f}"
                f"  | statements {_statements(before.get(name, _nothing), fetch):3d}"
            )


def profile(ids: dict[str, Any], page: str, rounds: int, username: str, top: int) -> None:
    client = _signed_in(username)
    fetch, before = _pages(ids, client)[page], _before(ids).get(page, _nothing)
    fetch()
    profiler = cProfile.Profile()
    for _ in range(rounds):
        before()
        profiler.enable()
        fetch()
        profiler.disable()
    stats = pstats.Stats(profiler).sort_stats("cumulative")
    stats.print_stats(top)


def show_sql(ids: dict[str, Any], page: str, username: str) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = _signed_in(username)
    fetch, before = _pages(ids, client)[page], _before(ids).get(page, _nothing)
    fetch()
    before()
    with CaptureQueriesContext(connection) as captured:
        fetch()
    for q in captured.captured_queries:
        print(f"[{q['time']}] {q['sql']}\n")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=60)
    parser.add_argument("--events", type=int, default=0)
    pages = ("login", "home", "assignment", "case", "directive", "directive-miss")
    parser.add_argument("--profile", choices=pages)
    parser.add_argument("--sql", choices=pages)
    parser.add_argument("--user", default=USERS[0])
    parser.add_argument("--top", type=int, default=45)
    args = parser.parse_args(argv)
    ids = _setup()
    from django.test.utils import override_settings

    with override_settings(ALLOWED_HOSTS=["*"]):
        if args.events:
            _grow_timeline(ids["assignment"], args.events)
        if args.profile:
            profile(ids, args.profile, args.rounds, args.user, args.top)
        elif args.sql:
            show_sql(ids, args.sql, args.user)
        else:
            measure(ids, args.rounds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
