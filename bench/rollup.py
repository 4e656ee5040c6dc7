"""How fast a directive's cascade rolls up at national scale.

Builds, in a database of its own, a tree of 60,000 units shaped as DOMAIN.md §4 describes (the
central committee, 34 provinces, 3,321 commune-level committees, party cells below them) and one
directive cascaded to every unit: the centre sends it to the provinces, each province forwards it
to its communes, each commune to its cells, and each commune gives its cells two named tasks;
200,000 tasks and reports in all, in every state (done on time and late, reported, returned,
overdue). Rows are written in bulk (``bulk_create``), not through the services: the benchmark
measures reading, which is what the directive page does.

Then it times, median and p95 over repeated runs:

- the directive summary (counts per level, tasks per level, reports by state), whole country;
- a province's subtree: the same summary filtered to one province, its late units and the
  cascade one level down with each node's subtree counts;
- the same province as its own clerk sees it (visibility by role);
- the full directive page rendered through Django (summary, late units, tree, timeline).

Targets on PostgreSQL: summary ≤ 300 ms, a province's subtree ≤ 100 ms (SQLite reported too).
Each database runs in a child process; PostgreSQL gets its own database (created and dropped),
SQLite its own file under /tmp. The table goes to ``docs/benchmarks.md`` between
``<!-- bench:rollup -->`` markers (only that section changes).

The outreach part (``--part outreach``, PostgreSQL only; bench/rollup_outreach.py) loads a
national dissemination plan and 1,000,000 activities on the same tree and times the plan's
coverage page (target: p95 ≤ 300 ms) against one raw indexed GROUP BY over the same rows; its
table goes between ``<!-- bench:rollup-outreach -->`` markers.

Run: ``.venv/bin/python bench/rollup.py [--db both] [--rounds 20] [--part both]``
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from report import write_section  # bench/report.py (scripts run as bench/<name>.py)

ROOT = Path(__file__).resolve().parents[1]
PG_URL = "postgres://postgres@127.0.0.1:5432/doimoi_bench_rollup"
TARGET_SUMMARY_MS, TARGET_SUBTREE_MS = 300, 100
TARGET_PAGE_MS = 300  # the outreach coverage page, p95 on PostgreSQL
UNITS, PROVINCES, COMMUNES, ROWS = 60_000, 34, 3_321, 200_000
TODAY = datetime.date(2026, 3, 2)
SENT = datetime.date(2025, 9, 1)
BATCH = 5_000
D = datetime.timedelta


def _path(parent: str, index: int) -> str:
    digits, value = "", index
    for _ in range(4):
        value, rest = divmod(value, 36)
        digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"[rest] + digits
    return parent + digits


def tree() -> Iterator[tuple[str, int, str, str, str, str, int]]:
    """(path, depth, name, kind, level, code, children) of every unit, parents first."""
    cells = UNITS - 1 - PROVINCES - COMMUNES
    yield "0001", 1, "Ban Chấp hành Trung ương", "party_committee", "central", "TW", PROVINCES
    commune_no = cell_no = 0
    for p in range(PROVINCES):
        communes = COMMUNES // PROVINCES + (1 if p < COMMUNES % PROVINCES else 0)
        ppath = _path("0001", p + 1)
        yield ppath, 2, f"Tỉnh ủy số {p + 1}", "party_committee", "province", "TU", communes
        for c in range(communes):
            share = cells // COMMUNES + (1 if commune_no < cells % COMMUNES else 0)
            cpath = _path(ppath, c + 1)
            commune_no += 1
            yield cpath, 3, f"Đảng ủy xã số {commune_no}", "party_committee", "commune", "ĐU", share
            for k in range(share):
                cell_no += 1
                yield _path(cpath, k + 1), 4, f"Chi bộ số {cell_no}", "party_cell", "cell", "CB", 0


def _batches(rows: Iterator[Any] | list[Any], model: Any) -> None:
    chunk: list[Any] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == BATCH:
            model.objects.bulk_create(chunk)
            chunk = []
    if chunk:
        model.objects.bulk_create(chunk)


def load_units() -> None:
    from doimoi.core.text import fold
    from doimoi.organizations.models import Unit

    start = datetime.date(2025, 7, 1)
    _batches(
        (
            Unit(
                path=path,
                depth=depth,
                numchild=children,
                name=name,
                code=code,
                kind=kind,
                level=level,
                valid_from=start,
                name_folded=fold(f"{name} {code}"),
                code_folded=fold(code),
            )
            for path, depth, name, kind, level, code, children in tree()
        ),
        Unit,
    )


def _milestones(rng: random.Random, due: datetime.date, first: str) -> dict[str, Any]:
    """Dates and state of one assignment: done (on time or late), reported, returned, late, open."""
    roll = rng.random()
    early, tardy = due - D(days=rng.randint(1, 20)), due + D(days=rng.randint(1, 30))
    if roll < 0.45:  # done on time
        return {
            f"{first}_on": early - D(days=5),
            "report_on": early,
            "report_accepted_on": early,
            "state": "done",
            "done_on": early,
        }
    if roll < 0.55:  # done late
        return {
            f"{first}_on": early,
            "report_on": tardy,
            "report_accepted_on": tardy,
            "state": "done",
            "done_on": tardy,
        }
    if roll < 0.70:  # reported, waiting for review
        return {f"{first}_on": early, "report_on": early, "state": "reported"}
    if roll < 0.75:  # report returned: not done, and late if its deadline passed
        return {f"{first}_on": early, "state": "in_progress"}  # (its report gets returned below)
    if roll < 0.90:
        return {f"{first}_on": early, "state": "in_progress"}
    return {"state": rng.choice(["received", "acknowledged"])}


def _assignment(
    rng: random.Random,
    directive: Any,
    dist: dict[int, Any],
    by_path: dict[str, Any],
    assigned: dict[int, int],
    u: dict[str, Any],
) -> Any:
    from doimoi.directives.models import Assignment

    parent = by_path[u["path"][:-4]]
    d = dist[parent["pk"]]
    first = "plan" if u["depth"] < 4 else "study"
    due = d.sent_on + D(days=60)
    m = _milestones(rng, due, first)
    return Assignment(
        directive=directive,
        distribution=d,
        parent_id=assigned.get(parent["pk"]),
        unit_id=u["pk"],
        sender_id=parent["pk"],
        level=u["level"],
        received_on=d.sent_on,
        **{f"{first}_due": d.sent_on + D(days=20)},
        report_due=due,
        due_final=due,
        **m,
    )


def load_cascade() -> dict[str, Any]:
    from django.contrib.auth import get_user_model

    from doimoi.directives.models import Assignment, Directive, Distribution, Requirement
    from doimoi.documents.models import Document
    from doimoi.organizations.models import Membership, Person, Unit

    rng = random.Random(20260302)
    units = list(Unit.objects.order_by("path").values("pk", "path", "depth", "level"))
    by_path = {u["path"]: u for u in units}
    root = units[0]
    document = Document.objects.create(
        state="confirmed",
        kind="party",
        number="01",
        symbol="KH/TW",
        symbol_key="kh/tw",
        type_code="KH",
        type_name="Kế hoạch",
        title="thực hiện một kết luận trên toàn quốc",
        issuer_unit_id=root["pk"],
        unit_id=root["pk"],
        date=datetime.date(2025, 8, 28),
    )
    directive = Directive.objects.create(
        document=document, issuer_id=root["pk"], title="01-KH/TW — toàn quốc"
    )
    senders = [u for u in units if u["depth"] < 4]
    Distribution.objects.bulk_create(
        [
            Distribution(
                directive=directive,
                sender_id=u["pk"],
                document=document,
                sent_on=SENT + D(days=7 * (u["depth"] - 1)),
            )
            for u in senders
        ]
    )
    dist = {d.sender_id: d for d in Distribution.objects.filter(directive=directive)}
    Requirement.objects.bulk_create(
        [
            r
            for d in dist.values()
            for r in (
                Requirement(
                    distribution=d,
                    kind="plan" if d.sent_on < SENT + D(days=14) else "study",
                    due_date=d.sent_on + D(days=20),
                ),
                Requirement(distribution=d, kind="report", due_date=d.sent_on + D(days=60)),
            )
        ]
    )
    assigned: dict[int, int] = {}  # unit → its assignment, so each level points at its sender's
    for depth in (2, 3, 4):
        rows = [
            _assignment(rng, directive, dist, by_path, assigned, u)
            for u in units
            if u["depth"] == depth
        ]
        for i in range(0, len(rows), BATCH):
            for a in Assignment.objects.bulk_create(rows[i : i + BATCH]):
                assigned[a.unit_id] = a.pk
    user = get_user_model().objects.create_user("bench.province", password="x")
    person = Person.objects.create(full_name="Văn thư tỉnh", user=user)
    province = Unit.objects.get(path=_path("0001", 1))
    Membership.objects.create(
        person=person, unit=province, role="clerk", valid_from=datetime.date(2025, 7, 1)
    )
    get_user_model().objects.create_superuser("bench.admin", password="x")
    return {"directive": directive.pk, "province": province.pk}


def load_tasks_and_reports(directive_id: int) -> dict[str, int]:
    """Two named tasks per cell from its commune, then reports until tasks + reports = 200,000."""
    from doimoi.directives.models import Assignment, Report, Task

    rng = random.Random(7)
    cells = list(
        Assignment.objects.filter(directive_id=directive_id, unit__depth=4).values(
            "pk", "unit_id", "sender_id", "received_on"
        )
    )
    tasks = [
        Task(
            assignment_id=c["pk"],
            directive_id=directive_id,
            unit_id=c["unit_id"],
            sender_id=c["sender_id"],
            level="cell",
            number=str(n),
            title="Các chi bộ",
            description="Nhiệm vụ được giao",
            deliverable="Báo cáo",
            due_date=c["received_on"] + D(days=30),
        )
        for c in cells
        for n in (1, 2)
    ]
    _batches(iter(tasks), Task)
    budget = ROWS - len(tasks)
    fields = ("pk", "unit_id", "sender_id")
    reported = (
        Assignment.objects.filter(directive_id=directive_id)
        .exclude(report_on__isnull=True)
        .values(*fields, "state", "report_on", "report_due")
    )
    reports = [
        Report(
            directive_id=directive_id,
            assignment_id=a["pk"],
            unit_id=a["unit_id"],
            sender_id=a["sender_id"],
            narrative="Báo cáo kết quả",
            due_date=a["report_due"],
            submitted_on=a["report_on"],
            state="accepted" if a["state"] == "done" else "submitted",
        )
        for a in reported
    ]
    returned = Assignment.objects.filter(directive_id=directive_id, state="in_progress").values(
        *fields, "report_due"
    )[:4000]
    reports += [
        Report(
            directive_id=directive_id,
            assignment_id=a["pk"],
            unit_id=a["unit_id"],
            sender_id=a["sender_id"],
            narrative="Báo cáo",
            due_date=a["report_due"],
            submitted_on=a["report_due"] - D(days=3),
            state="returned",
            return_reason="Thiếu số liệu",
        )
        for a in returned
    ]
    task_rows = list(
        Task.objects.filter(directive_id=directive_id).values(
            "pk", "assignment_id", "unit_id", "sender_id", "due_date"
        )
    )
    rng.shuffle(task_rows)
    done_ids, reported_ids = [], []
    for t in task_rows[: max(0, budget - len(reports))]:
        on = t["due_date"] - D(days=rng.randint(-10, 15))
        accepted = rng.random() < 0.7
        (done_ids if accepted else reported_ids).append((t["pk"], on))
        reports.append(
            Report(
                directive_id=directive_id,
                assignment_id=t["assignment_id"],
                task_id=t["pk"],
                unit_id=t["unit_id"],
                sender_id=t["sender_id"],
                narrative="Đã thực hiện",
                due_date=t["due_date"],
                submitted_on=on,
                state="accepted" if accepted else "submitted",
            )
        )
    _batches(iter(reports), Report)
    _mark_tasks(done_ids, "done")
    _mark_tasks(reported_ids, "reported")
    return {"tasks": len(tasks), "reports": len(reports)}


def _mark_tasks(rows: list[tuple[int, datetime.date]], state: str) -> None:
    from doimoi.directives.models import Task

    by_day: dict[datetime.date, list[int]] = {}
    for pk, on in rows:
        by_day.setdefault(on, []).append(pk)
    for on, ids in by_day.items():
        for i in range(0, len(ids), BATCH):
            fields = {"state": state, "reported_on": on} | (
                {"done_on": on} if state == "done" else {}
            )
            Task.objects.filter(pk__in=ids[i : i + BATCH]).update(**fields)


def _time(fn: Callable[[], Any], rounds: int) -> dict[str, float]:
    for _ in range(2):
        fn()
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    p95 = samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]
    return {"median_ms": statistics.median(samples), "p95_ms": p95}


def measure(ids: dict[str, Any], rounds: int) -> dict[str, Any]:
    import time_machine
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.test.utils import override_settings
    from django.urls import reverse

    from doimoi.directives import selectors
    from doimoi.directives.models import Directive
    from doimoi.organizations.models import Unit

    users = get_user_model().objects
    admin, clerk = users.get(username="bench.admin"), users.get(username="bench.province")
    directive = Directive.objects.get(pk=ids["directive"])
    province = Unit.objects.get(pk=ids["province"])
    whole = selectors.Scope(directive, admin)
    branch = selectors.Scope(directive, admin, subtree=province)
    own = selectors.Scope(directive, clerk)

    def subtree(scope: selectors.Scope) -> Callable[[], Any]:
        def run() -> Any:
            summary = selectors.directive_summary(scope, today=TODAY)
            late = list(selectors.late_assignments(scope, today=TODAY)[:100])
            top = list(selectors.cascade_nodes(scope, None)[:300])
            below = list(selectors.cascade_nodes(scope, top[0])[:300])
            return summary, late, selectors.subtree_counts(scope, below, today=TODAY)

        return run

    page_client = Client()
    page_client.force_login(admin)
    url = reverse("directives:directive_detail", args=[directive.pk])
    storages = {"staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    results: dict[str, Any] = {}
    with (
        time_machine.travel(datetime.datetime.combine(TODAY, datetime.time(9)), tick=True),
        override_settings(
            STORAGES={
                "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
                **storages,
            },
            ALLOWED_HOSTS=["*"],
        ),
    ):
        results["summary"] = _time(lambda: selectors.directive_summary(whole, today=TODAY), rounds)
        results["subtree"] = _time(subtree(branch), rounds)
        results["own"] = _time(subtree(own), rounds)
        results["page"] = _time(lambda: page_client.get(url).content, max(5, rounds // 4))
        summary = selectors.directive_summary(whole, today=TODAY)
        results["counts"] = {
            "overdue": summary.total["overdue"],
            "done": summary.total["done"],
            "tasks_overdue": summary.task_total["overdue"],
        }
    return results


def _setup(var_dir: str) -> None:
    os.environ["DOIMOI_VAR_DIR"] = var_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doimoi.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _analyze() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def child(db: str, rounds: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="doimoi-bench-rollup-") as tmp:
        _setup(tmp)
        started = time.perf_counter()
        load_units()
        ids = load_cascade()
        sizes = load_tasks_and_reports(ids["directive"])
        _analyze()
        from doimoi.directives.models import Assignment
        from doimoi.organizations.models import Unit

        sizes |= {"units": Unit.objects.count(), "assignments": Assignment.objects.count()}
        load_s = time.perf_counter() - started
        return {"db": db, "sizes": sizes, "load_s": load_s, **measure(ids, rounds)}


def child_outreach(db: str, rounds: int) -> dict[str, Any]:
    """The outreach coverage page on the same tree with 1,000,000 activities (bench/rollup_outreach.py)."""
    import rollup_outreach

    with tempfile.TemporaryDirectory(prefix="doimoi-bench-rollup-") as tmp:
        _setup(tmp)
        started = time.perf_counter()
        load_units()
        from django.contrib.auth import get_user_model

        get_user_model().objects.create_superuser("bench.admin", password="x")
        ids = rollup_outreach.load(TODAY)
        _analyze()
        from doimoi.organizations.models import Unit

        load_s = time.perf_counter() - started
        sizes = {k: ids[k] for k in ("activities", "sessions", "tallies", "rebuild_s")}
        sizes["units"] = Unit.objects.count()
        import time_machine
        from django.test.utils import override_settings

        storages = {
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
        }
        with (
            time_machine.travel(datetime.datetime.combine(TODAY, datetime.time(9)), tick=True),
            override_settings(STORAGES=storages, ALLOWED_HOSTS=["*"]),
        ):
            measured = rollup_outreach.measure(ids, TODAY, rounds, _time)
        return {"db": db, "sizes": sizes, "load_s": load_s, **measured}


def _pg(url: str, action: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if action == "create":
            conn.execute(f'CREATE DATABASE "{name}"')


def spawn(db: str, args: argparse.Namespace) -> dict[str, Any]:
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)
    if db == "postgresql":
        _pg(args.pg_url, "create")
        env["DATABASE_URL"] = args.pg_url
    command = [sys.executable, __file__, "--child", db, "--rounds", str(args.rounds)]
    if args.part == "outreach":
        command.append("--outreach")
    try:
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    finally:
        if db == "postgresql":
            _pg(args.pg_url, "drop")
    if done.returncode != 0:
        raise SystemExit(done.stderr[-3000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def _verdict(value: float, target: float) -> str:
    return f"≤ {target} ms: " + ("meets" if value <= target else "**misses**")


def _cell(r: dict[str, Any], key: str, target: float | None) -> str:
    m = r[key]
    verdict = f" ({_verdict(m['p95_ms'], target)})" if target and r["db"] == "postgresql" else ""
    return f"{m['median_ms']:.0f} / {m['p95_ms']:.0f}{verdict}"


def _environment() -> str:
    cpu, loads = platform.processor() or platform.machine(), os.getloadavg()
    return (
        f"Python {platform.python_version()}, {cpu}, {os.cpu_count()} CPUs; load average "
        f"{loads[0]:.1f}, {loads[1]:.1f}, {loads[2]:.1f} at the end (the machine is shared)."
    )


def report(results: list[dict[str, Any]], command: str) -> str:
    cpu = platform.processor() or platform.machine()
    sizes, loads = results[0]["sizes"], os.getloadavg()
    lines = [
        f"### Directive rollups at national scale ({datetime.date.today():%d/%m/%Y})",
        "",
        f"`{command}` — Python {platform.python_version()}, {cpu}, {os.cpu_count()} CPUs; "
        f"load average {loads[0]:.1f}, {loads[1]:.1f}, {loads[2]:.1f} at the end (the machine is shared).",
        f"{sizes['units']:,} units, {sizes['assignments']:,} assignments (one directive cascaded to all), "
        f"{sizes['tasks']:,} tasks and {sizes['reports']:,} reports.",
        "",
        "Times in ms, median / p95 (targets apply to PostgreSQL, checked on p95).",
        "",
        "| database | directive summary | a province's subtree | the province as its clerk sees it | full page render | load (s) |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        lines.append(
            f"| {r['db']} | {_cell(r, 'summary', TARGET_SUMMARY_MS)} | {_cell(r, 'subtree', TARGET_SUBTREE_MS)} | "
            f"{_cell(r, 'own', None)} | {_cell(r, 'page', None)} | {r['load_s']:.0f} |"
        )
    lines += [
        "",
        "Summary: counts per level (received, acknowledged, plan issued, forwarded, reported, done,",
        "overdue, on time, late), tasks per level and reports by state — three grouped queries. A province's",
        "subtree: the same summary filtered by tree-path prefix, its first 100 late units, the top of its",
        "cascade and one level down with each node's subtree counts (grouped by path prefix). Full page:",
        "the directive page as the national administrator opens it, rendered by Django (HTML).",
    ]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--db", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--pg-url", default=PG_URL)
    parser.add_argument("--child", choices=["sqlite", "postgresql"])
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument(
        "--part",
        choices=["directives", "outreach", "both"],
        default="both",
        help="directives: the cascade rollups; outreach: the coverage page (PostgreSQL only)",
    )
    parser.add_argument("--outreach", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        run = child_outreach if args.outreach else child
        print(json.dumps(run(args.child, args.rounds), default=str))
        return 0
    command = "python bench/rollup.py " + " ".join(argv)
    if args.part in ("directives", "both"):
        dbs = ["sqlite", "postgresql"] if args.db == "both" else [args.db]
        results = [
            spawn(db, argparse.Namespace(**{**vars(args), "part": "directives"})) for db in dbs
        ]
        section = report(results, command)
        print(section)
        if not args.no_write:
            write_section("rollup", section)
    if args.part in ("outreach", "both") and args.db != "sqlite":
        import rollup_outreach

        result = spawn("postgresql", argparse.Namespace(**{**vars(args), "part": "outreach"}))
        section = rollup_outreach.report(result, command, _environment(), TARGET_PAGE_MS)
        print(section)
        if not args.no_write:
            write_section("rollup-outreach", section)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
