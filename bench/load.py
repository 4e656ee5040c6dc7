"""Load: 50 logged-in users on one machine, PostgreSQL with the national data set (locust).

Builds, in a PostgreSQL database of its own, the 60,000-unit tree and national cascade of
bench/rollup.py plus the demo data, starts ``doimoi serve`` (threaded gunicorn + a task worker)
on loopback, and runs locust headless against it: 50 users, each logged in (demo cadres of
Thành ủy Bảo Lộc, and national accounts that open the 60,000-unit directive), doing a realistic
mix with 1–5 s pauses: home, search, a directive page, an assignment page, the initiatives list
and a case, an upload by the clerk (a batch the worker reads), and, in the same run, the trivial
pages: the login page and a static file. Bounded: ``--minutes`` (5) and ``--users`` (50); the
target is 127.0.0.1 only.

Reports p50/p95/p99 per page and errors; targets: 0 errors, each page's p95 ≤ 3× the login
page's p95. The table goes to docs/benchmarks.md between ``<!-- bench:load -->`` markers.

Run: ``.venv/bin/pip install -e '.[bench]' && .venv/bin/python bench/load.py [--minutes 5]``
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

from report import write_section  # bench/report.py (scripts run as bench/<name>.py)

ROOT = Path(__file__).resolve().parents[1]
BENCH = Path(__file__).resolve().parent
PG_URL = "postgres://postgres@127.0.0.1:5432/doimoi_bench_load"
SEED = ROOT / "src/doimoi/documents/demo_corpus/000_bb21b65b2818ef4b.txt"
PORT = 8210
TRIVIAL = "trivial: login page"


def _pg(url: str, action: str) -> None:
    """``create`` an empty database, ``drop`` it, ``snapshot`` it as built (into ``<name>_built``)
    or ``restore`` it from that snapshot: each run then starts from the same data, not from what
    the runs before it answered, proposed and uploaded (the measured assignment's timeline grew
    with every run)."""
    import psycopg

    name = url.rsplit("/", 1)[1]
    built = f"{name}_built"
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        if action == "snapshot":
            conn.execute(f'DROP DATABASE IF EXISTS "{built}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{built}" TEMPLATE "{name}"')
            return
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if action == "drop":
            conn.execute(f'DROP DATABASE IF EXISTS "{built}" WITH (FORCE)')
        elif action == "create":
            conn.execute(f'CREATE DATABASE "{name}"')
        elif action == "restore":
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{built}"')


def load_data() -> dict[str, Any]:
    """In this process (DATABASE_URL set): migrate, the national data set, the demo; the ids."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doimoi.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    sys.path.insert(0, str(BENCH))
    import rollup

    rollup.load_units()
    ids = rollup.load_cascade()
    rollup.load_tasks_and_reports(ids["directive"])
    call_command("seed_demo", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    rollup._analyze()
    return {"national": ids["directive"], **_demo_ids()}


def demo_ids() -> dict[str, Any]:
    """In this process (DATABASE_URL set): the demo's rows the users visit, once the restored
    data set is migrated to this code (it was built by the code of its --keep run)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doimoi.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return _demo_ids()


def _demo_ids() -> dict[str, Any]:
    """The demo's ward in force today (Đảng ủy phường 1 Bảo Lộc): its assignment, which its
    people answer, one of its proposals, the unit its clerk uploads to; a static file."""
    from django.conf import settings

    from doimoi.directives.models import Assignment
    from doimoi.initiatives.models import Case
    from doimoi.organizations.models import Unit

    ward = Unit.objects.get(name="Đảng ủy phường 1 Bảo Lộc")
    assignment = Assignment.objects.filter(unit=ward).order_by("pk").first()
    cases = Case.objects.filter(unit__path__startswith=ward.path).exclude(state="draft")
    case = cases.order_by("pk").first()  # a draft is its proposer's alone
    manifest = json.loads((Path(settings.STATIC_ROOT) / "staticfiles.json").read_text())
    static = next(v for k, v in manifest["paths"].items() if k.endswith(".css"))
    assert assignment is not None and case is not None
    return {
        "demo_directive": assignment.directive_id,
        "assignment": assignment.pk,
        "case": case.pk,
        "unit": ward.pk,
        "static": static,
    }


def _wait(url: str, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(1)


def run_locust(
    env: dict[str, str], ids: dict[str, Any], args: argparse.Namespace, out: Path
) -> Path:
    env = env | {
        "BENCH_IDS": ",".join(f"{k}={v}" for k, v in ids.items() if k != "static"),
        "BENCH_STATIC": ids["static"],
        "BENCH_UPLOAD": str(SEED),
    }
    prefix = out / "load"
    command = [
        sys.executable,
        "-m",
        "locust",
        "-f",
        str(BENCH / "locustfile.py"),
        "--headless",
        "-u",
        str(args.users),
        "-r",
        "1",  # people arrive over the first minute (each login is a deliberate PBKDF2 cost)
        "-t",
        f"{int(args.minutes * 60)}s",
        "--host",
        f"http://127.0.0.1:{args.port}",
        "--csv",
        str(prefix),
        "--only-summary",
        "--stop-timeout",
        "10",
    ]
    subprocess.run(command, env=env, check=False, cwd=ROOT, timeout=args.minutes * 60 + 180)
    return Path(f"{prefix}_stats.csv")


def read_stats(path: Path) -> list[dict[str, str]]:
    with path.open(newline="") as handle:
        return [row for row in csv.DictReader(handle) if row["Name"] != "Aggregated"]


def report(rows: list[dict[str, str]], meta: dict[str, Any], command: str) -> str:
    trivial = next((float(r["95%"]) for r in rows if r["Name"] == TRIVIAL), 0.0)
    lines = [
        f"## Load: {meta['users']} logged-in users on the national data set ({meta['day']})",
        "",
        f"Command: `{command}` — {meta['when']}, {meta['cpus']} CPUs, PostgreSQL "
        f"{meta['units']:,} units, {meta['users']} users for {meta['minutes']} min, "
        f"`doimoi serve` ({meta['web']}). Load average at the end: {meta['load']} (a figure "
        "well above the CPU count means other work shared the machine and every time is "
        "longer); the ratios to the login page are the measure.",
        "",
        "| page | requests | errors | p50 ms | p95 ms | p99 ms | p95 ÷ login p95 | target ≤ 3× |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    errors = 0
    for r in sorted(rows, key=lambda r: r["Name"]):
        p95 = float(r["95%"])
        ratio = p95 / trivial if trivial else 0.0
        errors += int(r["Failure Count"])
        if r["Name"].startswith("trivial") or "POST" in r["Name"] or not trivial:
            verdict = "—"
        else:
            verdict = "yes" if ratio <= 3 else "**no**"
        lines.append(
            f"| {r['Name']} | {r['Request Count']} | {r['Failure Count']} | {r['50%']} | {r['95%']} "
            f"| {r['99%']} | {ratio:.1f} | {verdict} |"
        )
    total = sum(int(r["Request Count"]) for r in rows)
    lines += [
        "",
        f"{total:,} requests ({total / (meta['minutes'] * 60):.1f}/s), {errors} errors (target 0): "
        + ("**met**." if errors == 0 else "**not met**."),
    ]
    return "\n".join(lines)


def _prepare(args: argparse.Namespace, env: dict[str, str]) -> dict[str, Any]:
    """The data set: built in a fresh database, or (--reuse) the one a --keep run left."""
    marker = Path(env["DOIMOI_VAR_DIR"]) / "bench-ids.json"
    if args.reuse and marker.exists():
        _pg(args.pg_url, "restore")
        kept = dict(json.loads(marker.read_text()))
        return kept | _child(env, "--child-ids")  # the demo's rows, looked up again
    _pg(args.pg_url, "create")
    ids = _child(env, "--child")
    _pg(args.pg_url, "snapshot")
    marker.write_text(json.dumps(ids))
    return ids


def _child(env: dict[str, str], flag: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, __file__, flag], env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise SystemExit(done.stderr[-3000:])
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _serve(args: argparse.Namespace, env: dict[str, str]) -> subprocess.Popen[bytes]:
    log = (Path(env["DOIMOI_VAR_DIR"]) / "serve.log").open("ab")
    command = [sys.executable, "-m", "doimoi.cli", "serve", "--no-demo"]
    command += ["--host", "127.0.0.1", "--port", str(args.port)]
    return subprocess.Popen(command, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)


def _run(args: argparse.Namespace, var: Path) -> list[dict[str, str]]:
    env = {k: v for k, v in os.environ.items()} | {
        "DATABASE_URL": args.pg_url,
        "DOIMOI_VAR_DIR": str(var),
        "DJANGO_SETTINGS_MODULE": "doimoi.settings",
        "BENCH_SERIAL": str(10_000 + int(time.time()) % 80_000),  # new numbers on each run
    }
    ids = _prepare(args, env)
    serve = _serve(args, env)
    try:
        _wait(f"http://127.0.0.1:{args.port}/dang-nhap/")
        stats = run_locust(env, ids, args, var)
        failures = stats.with_name("load_failures.csv")
        if failures.exists():
            print(failures.read_text(), file=sys.stderr)
        return read_stats(stats)
    finally:
        serve.terminate()
        serve.wait(timeout=120)


def _rows(args: argparse.Namespace) -> list[dict[str, str]]:
    if args.keep or args.reuse:  # the database and the folder stay for the next run
        var = Path(args.var_dir)
        var.mkdir(parents=True, exist_ok=True)
        return _run(args, var)
    with tempfile.TemporaryDirectory(prefix="doimoi-bench-load-") as tmp:
        try:
            return _run(args, Path(tmp))
        finally:
            _pg(args.pg_url, "drop")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=5)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--port", type=int, default=PORT)
    parser.add_argument("--pg-url", default=PG_URL)
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the database and --var-dir")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="use the data set a --keep run built, restored as it was built",
    )
    parser.add_argument("--var-dir", default=str(Path(tempfile.gettempdir()) / "doimoi-bench-load"))
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--child-ids", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.minutes > 10 or args.users > 200:
        parser.error("bounded: at most 10 minutes and 200 users")
    if args.child or args.child_ids:
        print(json.dumps(load_data() if args.child else demo_ids()))
        return 0
    rows = _rows(args)
    sys.path.insert(0, str(ROOT / "src"))
    from doimoi.serve import web_processes

    meta = {
        "when": time.strftime("%Y-%m-%d %H:%M %Z"),
        "day": time.strftime("%d/%m/%Y"),
        "cpus": os.cpu_count(),
        "units": 60_000,
        "users": args.users,
        "minutes": args.minutes,
        "load": ", ".join(f"{x:.1f}" for x in os.getloadavg()),
        "web": f"{web_processes()} gunicorn processes × 8 threads, 1 task worker; {platform.python_version()}",
    }
    section = report(rows, meta, "python bench/load.py " + " ".join(argv))
    print(section)
    if not args.no_write:
        write_section("load", section)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
