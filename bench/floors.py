"""Every hot path beside its floor, in one run: how far each is from the least work it must do.

For each row of issue 16's table the project's own path and its floor (hand-written SQL, or the
minimal Python) take turns, round by round, so a busy moment on a shared machine slows one
sample of each rather than one side. Each row checks that both give equal results (a faster
wrong floor is no floor), and reports median and p95 of each, the ratio, and the SQL queries
each makes. The table goes to ``docs/benchmarks.md`` between ``<!-- bench:floors -->`` markers.

Two data sets, each in a database of its own per engine (a child process each):
- the national cascade of bench/rollup.py (60,000 units, one directive to all, 200,000 tasks and
  reports): the directive summary, one province, the province as the page needs it, the full
  directive page, and the pages one user opens, against the login page;
- the demo organization with ``--search-docs`` documents loaded in bulk as bench/ingest.py does
  (Zipf text from the seeds' vocabulary): the search page and API for 200 queries, against the
  login page plus the raw full-text query; ingest of text documents, against vbparse plus one
  INSERT of the document and its index row; and vbparse on the seeds' corpus, against NFC plus
  one citation ``findall`` (bench/parse.py's floor).

Run: ``.venv/bin/python bench/floors.py [--db both] [--rounds 20] [--search-docs 100000]``.
Building the data sets takes minutes; ``--keep`` leaves each (database, part) in ``--var-dir``
(PostgreSQL: a database per part) and ``--reuse`` measures on what a ``--keep`` run left.
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
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import floors_sql
import rollup  # bench/rollup.py: the national data set
from report import write_section

PG_URL = "postgres://postgres@127.0.0.1:5432/doimoi_bench_floors"
TODAY = rollup.TODAY


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _queries(fn: Callable[[], Any]) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        fn()
    return len(captured)


def alternate(project: Callable[[], Any], floor: Callable[[], Any], rounds: int) -> dict[str, Any]:
    """Time both, in turns (which goes first alternates too); ms samples of each."""
    for _ in range(2):
        project(), floor()
    samples: dict[str, list[float]] = {"project": [], "floor": []}
    for i in range(rounds):
        order = [("project", project), ("floor", floor)]
        for name, fn in order if i % 2 == 0 else order[::-1]:
            start = time.perf_counter()
            fn()
            samples[name].append((time.perf_counter() - start) * 1000)
    return {
        "project_ms": (statistics.median(samples["project"]), _p95(samples["project"])),
        "floor_ms": (statistics.median(samples["floor"]), _p95(samples["floor"])),
        "queries": (_queries(project), _queries(floor)),
    }


def row(
    name: str, timed: dict[str, Any], equal: bool | None, goal: str, basis: str = "median"
) -> dict[str, Any]:
    index = 0 if basis == "median" else 1
    ratio = timed["project_ms"][index] / max(timed["floor_ms"][index], 1e-6)
    return {"name": name, **timed, "equal": equal, "goal": goal, "basis": basis, "ratio": ratio}


@contextmanager
def _pages(today: datetime.date | None) -> Iterator[None]:
    import time_machine
    from django.test.utils import override_settings

    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages, ALLOWED_HOSTS=["*"]):
        if today is None:
            yield
            return
        with time_machine.travel(datetime.datetime.combine(today, datetime.time(9)), tick=True):
            yield


def _client(username: str | None) -> Any:
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    if username:
        client.force_login(get_user_model().objects.get(username=username))
    return client


def _get(client: Any, url: str) -> Callable[[], bytes]:
    def fetch() -> bytes:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return bytes(response.content)

    return fetch


# --- the national cascade ---------------------------------------------------------------------


def _branch(scope: Any) -> dict[str, Any]:
    from doimoi.directives import selectors

    summary = selectors.directive_summary(scope, today=TODAY)
    late = [a.pk for a in selectors.late_assignments(scope, today=TODAY)[:100]]
    top = list(selectors.cascade_nodes(scope, None)[:300])
    below = list(selectors.cascade_nodes(scope, top[0])[:300])
    counts = selectors.subtree_counts(scope, below, today=TODAY)
    return {
        "summary": floors_sql.project_shape(summary),
        "late": late,
        "below": [a.pk for a in below],
        "counts": counts,
    }


def _restamp(directive: int) -> None:
    """New cascade stamps for the directive (both: as a write the timeline shows renews them):
    its page is counted and rendered again."""
    import secrets

    from doimoi.directives.models import CascadeStamp

    CascadeStamp.objects.filter(directive_id=directive).update(
        token=secrets.token_hex(16), timeline_token=secrets.token_hex(16)
    )


def cascade_rows(ids: dict[str, Any], rounds: int) -> list[dict[str, Any]]:
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    from doimoi.directives import selectors
    from doimoi.directives.models import Directive
    from doimoi.organizations.models import Unit

    admin = get_user_model().objects.get(username="bench.admin")
    directive = Directive.objects.get(pk=ids["directive"])
    province = Unit.objects.get(pk=ids["province"])
    whole = selectors.Scope(directive, admin)
    one = selectors.Scope(directive, admin, subtree=province)
    rows: list[dict[str, Any]] = []

    def summary() -> Any:
        return floors_sql.project_shape(selectors.directive_summary(whole, today=TODAY))

    def floor() -> Any:
        return floors_sql.summary(directive.pk, TODAY)

    rows.append(
        row(
            f"directive summary, {Unit.objects.count():,} units",
            alternate(summary, floor, rounds),
            summary() == floor(),
            "≤ 2×",
        )
    )

    def province_summary() -> Any:
        return floors_sql.project_shape(selectors.directive_summary(one, today=TODAY))

    def province_floor() -> Any:
        return floors_sql.summary(directive.pk, TODAY, province.path)

    timed = alternate(province_summary, province_floor, rounds)
    rows.append(
        row("one province's summary", timed, province_summary() == province_floor(), "≤ 2×")
    )

    def page_branch() -> Any:
        return _branch(one)

    def branch_floor() -> Any:
        return floors_sql.branch(directive.pk, TODAY, province.pk, province.path)

    timed = alternate(page_branch, branch_floor, rounds)
    rows.append(
        row(
            "province subtree as the page needs it (summary, late units, cascade, child counts)",
            timed,
            page_branch() == branch_floor(),
            "≤ 2×",
        )
    )
    with _pages(TODAY):
        page = _get(
            _client("bench.admin"), reverse("directives:directive_detail", args=[directive.pk])
        )

        def page_after_a_write() -> bytes:
            _restamp(directive.pk)  # as any write to its assignments does (one small UPDATE)
            return page()

        timed = alternate(page_after_a_write, summary, max(5, rounds // 2))
        rows.append(
            row(
                "full directive page, counted again after a write (floor: the summary)",
                timed,
                None,
                "≤ 2× the summary",
            )
        )
        timed = alternate(page, summary, max(5, rounds // 2))
        rows.append(
            row(
                "full directive page, kept since the last view (floor: the summary)",
                timed,
                None,
                "≤ 2× the summary",
            )
        )
        rows.append(any_page(rounds))
    return rows


def any_page(
    rounds: int, user: str = "bench.province", pages: tuple[str, ...] = ()
) -> dict[str, Any]:
    """The slowest of the pages one user opens, at p95, against the login page."""
    from django.urls import reverse

    client, anonymous = _client(user), _client(None)
    login = _get(anonymous, reverse("login"))
    names = pages or (
        "home",
        "directives:directive_list",
        "documents:document_list",
        "initiatives:case_list",
        "organizations:unit_tree",
    )
    worst: dict[str, Any] | None = None
    for name in names:
        timed = alternate(_get(client, reverse(name)), login, max(5, rounds // 2))
        candidate = row(
            f"any page, one user (slowest: {name}; floor: the login page)",
            timed,
            None,
            "≤ 2×",
            "p95",
        )
        if worst is None or candidate["ratio"] > worst["ratio"]:
            worst = candidate
    assert worst is not None
    return worst


def _any_page_only(rounds: int) -> list[dict[str, Any]]:
    with _pages(TODAY):
        return [any_page(rounds)]


def _built(marker: Path | None, size: dict[str, int]) -> dict[str, Any] | None:
    """What a --keep run built, if it is there and of the size asked."""
    if marker is None or not marker.exists():
        return None
    kept = dict(json.loads(marker.read_text()))
    return kept if kept.get("size") == size else None


def cascade_child(
    rounds: int, units: int, marker: Path | None, only: str | None = None
) -> dict[str, Any]:
    if units != rollup.UNITS:  # a smaller tree while developing (same shape)
        share = units / rollup.UNITS
        rollup.UNITS, rollup.COMMUNES = units, max(34, int(rollup.COMMUNES * share))
        rollup.ROWS = int(rollup.ROWS * share)
    kept = _built(marker, {"units": units})
    if kept is None:
        started = time.perf_counter()
        rollup.load_units()
        ids = rollup.load_cascade()
        rollup.load_tasks_and_reports(ids["directive"])
        rollup._analyze()
        kept = {"size": {"units": units}, "ids": ids, "load_s": time.perf_counter() - started}
        if marker is not None:
            marker.write_text(json.dumps(kept))
        kept["reused"] = False
    else:
        kept["reused"] = True
    return {
        "load_s": kept["load_s"],
        "reused": kept["reused"],
        "rows": _any_page_only(rounds) if only == "any-page" else cascade_rows(kept["ids"], rounds),
    }


# --- documents: search, ingest, vbparse ------------------------------------------------------


def _search_queries(count: int) -> list[str]:
    import ingest  # bench/ingest.py

    words, _weights = ingest.vocabulary()
    rng = random.Random(16)
    queries = list(ingest.QUERIES)
    while len(queries) < count:
        rank = int(rng.paretovariate(0.6)) % len(words)
        other = rng.randrange(len(words))
        queries.append(words[rank] if rng.random() < 0.4 else f"{words[rank]} {words[other]}")
    return queries[:count]


def _search_equal(viewer: Any, queries: list[str]) -> bool:
    """The page's hits are all full-text matches in the viewer's scope, and its total is theirs."""
    from doimoi.documents import search, selectors

    scope = selectors.document_list(viewer=viewer).order_by()
    for query in queries:
        words = search.words_of(query)
        page = selectors.document_search(viewer=viewer, query=query)
        matches = set(_raw_matches(words))
        visible = (
            set(scope.filter(pk__in=matches).values_list("pk", flat=True))
            if len(matches) <= 20_000
            else None
        )
        hits = {h.document.pk for h in page.hits}
        exact = {h.document.pk for h in page.hits if h.document.pk not in matches}
        if visible is not None and not (hits - exact) <= visible:
            return False
        if page.total is not None and visible is not None and page.total != len(visible):
            return False
    return True


def _raw_matches(words: list[str], limit: int | None = None) -> list[int]:
    from django.db import connection

    from doimoi.documents.search import postgres, sqlite

    if connection.vendor == "postgresql":
        sql = "SELECT document_id FROM documents_search WHERE vector @@ %s::tsquery"
        query = postgres._tsquery(words)
    else:
        sql = "SELECT rowid FROM documents_search WHERE documents_search MATCH %s"
        query = sqlite._match(words)
    with connection.cursor() as cursor:
        cursor.execute(sql + (f" LIMIT {limit}" if limit else ""), [query])
        return [r[0] for r in cursor.fetchall()]


def search_rows(queries: list[str]) -> list[dict[str, Any]]:
    from django.contrib.auth import get_user_model
    from django.urls import reverse
    from django.utils.http import urlencode

    from doimoi.documents import search

    clerk = _client("vanthu.baoloc")
    login = _get(_client(None), reverse("login"))
    base = reverse("documents:document_list")
    samples: dict[str, list[float]] = {"page": [], "api": [], "login": [], "fts": []}
    counts: dict[str, int] = {}
    with _pages(None):
        for q in queries[:10]:
            _get(clerk, f"{base}?{urlencode({'q': q})}")()
        for i, q in enumerate(queries):
            steps = {
                "page": _get(clerk, f"{base}?{urlencode({'q': q})}"),
                "api": _get(clerk, f"/api/v1/documents/?{urlencode({'q': q})}"),
                "login": login,
                "fts": lambda q=q: _raw_matches(search.words_of(q), 20),
            }
            for name, fn in steps.items() if i % 2 == 0 else reversed(steps.items()):
                start = time.perf_counter()
                fn()
                samples[name].append((time.perf_counter() - start) * 1000)
            if i == 0:
                counts = {name: _queries(fn) for name, fn in steps.items()}
    equal = _search_equal(get_user_model().objects.get(username="vanthu.baoloc"), queries[:40])
    floor = [a + b for a, b in zip(sorted(samples["login"]), sorted(samples["fts"]), strict=True)]
    rows: list[dict[str, Any]] = []
    for name, label in (("page", "search page"), ("api", "search API")):
        timed = {
            "project_ms": (statistics.median(samples[name]), _p95(samples[name])),
            "floor_ms": (statistics.median(floor), _p95(samples["login"]) + _p95(samples["fts"])),
            "queries": (counts[name], counts["login"] + counts["fts"]),
        }
        rows.append(
            row(
                f"{label}, {len(queries)} queries (floor: login page + raw full-text)",
                timed,
                equal,
                "≤ 1.5×",
                "p95",
            )
        )
    return rows


def ingest_row(units: dict[str, Any], count: int) -> dict[str, Any]:
    """Ingest of text documents, against vbparse plus one INSERT of the document and its index."""
    import ingest  # bench/ingest.py
    from doimoi.core.text import fold
    from doimoi.documents.models import Document
    from doimoi.documents.search import backend, body_of
    from doimoi.documents.services.fields import document_fields
    from doimoi.documents.services.ingest import ingest_file
    from doimoi.vbparse import parse_all

    rng, lines = random.Random(20260524), ingest.paragraphs()
    unit = units["Tỉnh ủy Lâm Đồng"]
    # Numbers of five digits at most, as documents carry them and vbparse reads them (the data
    # set's count, over 100,000, gave six: most documents then had no number and an issuer read
    # as "Số 100099-…", matched by a search of every unit's name, and the rest took a cited
    # document's number), new on each run of a reused data set.
    base = 10_000 + Document.objects.count() % 80_000
    texts = [ingest.compose(rng, base + i, lines) for i in range(2 * count)]
    engine = backend()

    def floor(text: str) -> None:
        fields = document_fields(parse_all(text)[0].to_dict())
        fields.pop("recipients")
        document = Document.objects.create(state="review", text=text, unit=unit, **fields)
        body = body_of(document.reference, document.type_name, document.title, folded=fold(text))
        engine.index(document.pk, body, fresh=True)

    samples: dict[str, list[float]] = {"project": [], "floor": []}
    for i in range(count):
        steps = [
            (
                "project",
                lambda t=texts[2 * i], n=f"p{i}.txt": ingest_file(
                    actor=None, unit=unit, name=n, data=t.encode(), source="bench"
                ),
            ),
            ("floor", lambda t=texts[2 * i + 1]: floor(t)),
        ]
        for name, fn in steps if i % 2 == 0 else steps[::-1]:
            start = time.perf_counter()
            fn()
            samples[name].append((time.perf_counter() - start) * 1000)
    check = texts[0].replace(f"Số {base + 100}-", f"Số {base + 99}-")
    result = ingest_file(
        actor=None, unit=unit, name="check.txt", data=check.encode(), source="bench"
    )
    timed = {
        "project_ms": (statistics.median(samples["project"]), _p95(samples["project"])),
        "floor_ms": (statistics.median(samples["floor"]), _p95(samples["floor"])),
        "queries": (
            _queries(
                lambda: ingest_file(
                    actor=None,
                    unit=unit,
                    name="q.txt",
                    data=texts[2].replace(f"Số {base + 102}-", f"Số {base + 98}-").encode(),
                    source="bench",
                )
            ),
            2,
        ),
    }
    return row(
        f"ingest of text documents ({count} each)", timed, _same_fields(result, check), "≤ 2×"
    )


def _same_fields(result: Any, text: str) -> bool:
    """The ingested document's number, symbol, date and title are what vbparse read, and it
    read a number (a document without one would measure another path)."""
    from doimoi.documents.models import Document
    from doimoi.documents.services.fields import document_fields
    from doimoi.vbparse import parse_all

    fields = document_fields(parse_all(text)[0].to_dict())
    document = Document.objects.get(pk=result.documents[0]["id"])
    keys = ("number", "symbol", "date", "title", "type_name", "kind")
    return fields["number"] is not None and all(getattr(document, k) == fields[k] for k in keys)


def vbparse_row(count: int, rounds: int) -> dict[str, Any]:
    import parse  # bench/parse.py

    corpus = parse.build_corpus(count, 10_240)
    for text in corpus[:10]:
        parse.parse_all(text)
    parse_s, floor_s = parse.best_times([parse.parse_all, parse.floor], corpus, rounds)
    timed = {
        "project_ms": (parse_s * 1000 / count, parse_s * 1000 / count),
        "floor_ms": (floor_s * 1000 / count, floor_s * 1000 / count),
        "queries": (0, 0),
    }
    return row(
        f"vbparse, {count} documents of 10 KB (per document, best of {rounds})",
        timed,
        None,
        "≤ 10×",
    )


def documents_child(
    rounds: int,
    search_docs: int,
    ingest_docs: int,
    parse_docs: int,
    marker: Path | None,
    only: str | None = None,
) -> dict[str, Any]:
    import ingest  # bench/ingest.py
    from doimoi.organizations.demo import seed_demo

    units = seed_demo()
    kept = _built(marker, {"search_docs": search_docs})
    if kept is None:
        started = time.perf_counter()
        ingest.bulk_load(units, search_docs)
        kept = {"size": {"search_docs": search_docs}, "load_s": time.perf_counter() - started}
        if marker is not None:
            marker.write_text(json.dumps(kept))
        kept["reused"] = False
    else:
        kept["reused"] = True
    rows: list[dict[str, Any]] = []
    if only in (None, "search"):
        rows += search_rows(_search_queries(200))
    if only in (None, "ingest"):
        rows.append(ingest_row(units, ingest_docs))
    if only in (None, "vbparse"):
        rows.append(vbparse_row(parse_docs, max(2, rounds // 5)))
    return {"load_s": kept["load_s"], "reused": kept["reused"], "rows": rows}


# --- processes, databases, the report ----------------------------------------------------------


def _setup(var_dir: str) -> None:
    os.environ["DOIMOI_VAR_DIR"] = var_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doimoi.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from doimoi.startup import settle

    settle()  # as the server does once the application is loaded (doimoi/wsgi.py)


def _part(args: argparse.Namespace, marker: Path | None) -> dict[str, Any]:
    if args.part == "cascade":
        return cascade_child(args.rounds, args.units, marker, args.only)
    return documents_child(
        args.rounds, args.search_docs, args.ingest_docs, args.parse_docs, marker, args.only
    )


def child(args: argparse.Namespace) -> dict[str, Any]:
    if args.child_var:  # kept between runs (--keep, --reuse)
        _setup(args.child_var)
        return _part(args, Path(args.child_var) / "bench-ids.json")
    with tempfile.TemporaryDirectory(prefix="doimoi-bench-floors-") as tmp:
        _setup(tmp)
        return _part(args, None)


def _kept_place(db: str, part: str, args: argparse.Namespace) -> tuple[Path | None, str]:
    """Where a part's data set lives: a folder (and PostgreSQL database) kept between runs with
    --keep/--reuse, emptied first unless reused; else a temporary folder and database."""
    if not (args.keep or args.reuse):
        return None, args.pg_url
    var = Path(args.var_dir) / f"{db}-{part}"
    if not args.reuse and var.exists():
        for name in (
            "doimoi.sqlite3",
            "doimoi.sqlite3-wal",
            "doimoi.sqlite3-shm",
            "bench-ids.json",
        ):
            (var / name).unlink(missing_ok=True)
    var.mkdir(parents=True, exist_ok=True)
    return var, f"{args.pg_url}_{part}"


def spawn(db: str, part: str, args: argparse.Namespace) -> dict[str, Any]:
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)
    var, url = _kept_place(db, part, args)
    reusing = var is not None and (var / "bench-ids.json").exists()
    if db == "postgresql":
        if not reusing:
            rollup._pg(url, "create")
        env["DATABASE_URL"] = url
    command = [sys.executable, __file__, "--child", db, "--part", part]
    command += ["--rounds", str(args.rounds), "--units", str(args.units)]
    command += ["--search-docs", str(args.search_docs), "--ingest-docs", str(args.ingest_docs)]
    command += ["--parse-docs", str(args.parse_docs)]
    command += ["--only", args.only] if args.only else []
    command += ["--child-var", str(var)] if var is not None else []
    try:
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    finally:
        if db == "postgresql" and var is None:
            rollup._pg(url, "drop")
    if done.returncode != 0:
        raise SystemExit(done.stderr[-4000:])
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _ms(pair: list[float]) -> str:
    return f"{pair[0]:.1f} / {pair[1]:.1f}"


def _verdict(r: dict[str, Any]) -> str:
    goal = r["goal"]
    limit = float(goal.split("≤ ")[1].split("×")[0])
    met = "meets" if r["ratio"] <= limit else "**misses**"
    return f"{goal}: {met}"


EXPLAINED = [
    "",
    "Where a row misses its goal, what the rest of the time is (profiled on this machine, on the",
    "data sets a --keep run left):",
    "",
    "- *Any page* (the slowest is now the directives list): every signed-in page pays the session,",
    "  the user and the middleware (~0.5-0.8 ms over the login page on PostgreSQL); the header,",
    "  the tree's levels, the cases' filter options and the rows' links are kept rendered. The",
    "  directives list's scope statement costs 3-4 ms on PostgreSQL (the province's 1,863 unit",
    "  ids built three times: a directive is seen through an assignment received or sent in the",
    "  viewer's subtrees); home runs five section reads, each compiled once per key.",
    "- *Search page / API*: one statement asks the index and the viewer's scope (3-5 ms for a",
    "  common word: ts_rank over 1,001 matches, the scope of the newest 500, planning on every",
    "  run), then the 20 documents (~0.8 ms), the snippets (~0.8), the template (~2.5), session",
    "  and user (~0.9) and the middleware (~1); the API the same statement, 100 documents (~2)",
    "  and its schema (~1). The floor reads no session, no user, no document and no snippet.",
    "- *Ingest* (SQLite CPU a document, 4.5 ms against 1.5): parse 0.61 (the floor's too), store",
    "  the original 0.60, citations 0.66, their look-up 0.49, the copy row ~0.4, the",
    "  transaction ~0.35, the document 0.31 (the floor's too), the ledger event 0.30, the index",
    "  row 0.18 (the floor's too), issuer matching 0.15 (kept under the units' stamp). Each",
    "  remaining statement is something ingest must do; the floor is one INSERT and one index row.",
    "- *vbparse*: the text cleanup (~165 µs a document; the OCR-slip search alone costs more",
    "  than the whole floor), the citations (~105 µs) and the references after them (~100 µs),",
    "  spread over many small functions, none over ~18 µs; no change tried was worth more than",
    "  ~1 %. A mypyc build read 11.9× (not adopted); ≤ 10× needs a planning decision.",
    "- *Province subtree* (SQLite, within twice its goal): 6 statements against the floor's 3",
    "  (late units, the tree's nodes and their counts are the page's own reads).",
]


def report(results: dict[str, dict[str, Any]], command: str, seconds: float) -> str:
    cpu = platform.processor() or platform.machine()
    loads = os.getloadavg()
    lines = [
        f"### Hot paths against their floors ({datetime.date.today():%d/%m/%Y})",
        "",
        f"`{command}` — Python {platform.python_version()}, {cpu}, {os.cpu_count()} CPUs; load average "
        f"{loads[0]:.1f}, {loads[1]:.1f}, {loads[2]:.1f} at the end (the machine is shared); {seconds:.0f} s in all.",
        "",
        "Times in ms, median / p95; the ratio is the project's over the floor's, at the median (p95 where "
        "the row says so). Queries: SQL statements of one run, project / floor. Equal: the floor gave the "
        "same figures (— where the row has nothing to compare).",
        "",
        "| database | hot path | project | floor | ratio | goal | queries | equal |",
        "| --- | --- | ---: | ---: | ---: | --- | ---: | --- |",
    ]
    for db, result in results.items():
        for r in result["rows"]:
            equal = "—" if r["equal"] is None else ("yes" if r["equal"] else "**NO**")
            basis = " (p95)" if r["basis"] == "p95" else ""
            lines.append(
                f"| {db} | {r['name']} | {_ms(r['project_ms'])} | {_ms(r['floor_ms'])} | "
                f"{r['ratio']:.1f}×{basis} | {_verdict(r)} | {r['queries'][0]} / {r['queries'][1]} | {equal} |"
            )
    lines += EXPLAINED
    within = "within" if seconds < 600 else "**over**"
    lines += ["", f"This run took {seconds / 60:.1f} minutes, {within} the 10-minute budget."]
    lines += [
        "",
        "Data sets built in (s; *reused*: built by an earlier --keep run, not in this run's time): "
        + ", ".join(
            f"{k} {v['load_s']:.0f}" + (" *reused*" if v.get("reused") else "")
            for k, v in results.items()
            if "load_s" in v
        )
        + ".",
    ]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--db", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--units", type=int, default=rollup.UNITS)
    parser.add_argument("--search-docs", type=int, default=100_000)
    parser.add_argument("--ingest-docs", type=int, default=100)
    parser.add_argument("--parse-docs", type=int, default=200)
    parser.add_argument("--pg-url", default=PG_URL)
    parser.add_argument("--child", choices=["sqlite", "postgresql"])
    parser.add_argument("--part", choices=["cascade", "documents"], default="cascade")
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument(
        "--only",
        choices=["any-page", "search", "ingest", "vbparse"],
        help="measure one row alone (any-page: on the cascade data set, the others on the"
        " documents one; not written to the docs)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the data sets in --var-dir")
    parser.add_argument("--reuse", action="store_true", help="measure on what --keep left")
    parser.add_argument(
        "--var-dir", default=str(Path(tempfile.gettempdir()) / "doimoi-bench-floors")
    )
    parser.add_argument("--child-var", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args), default=str))
        return 0
    started = time.perf_counter()
    dbs = ["sqlite", "postgresql"] if args.db == "both" else [args.db]
    results: dict[str, dict[str, Any]] = {}
    for db in dbs:
        parts: dict[str, dict[str, Any]] = {}
        if args.only in (None, "any-page"):
            parts["cascade"] = spawn(db, "cascade", args)
        if args.only != "any-page":
            parts["documents"] = spawn(db, "documents", args)
        results[db] = {"rows": [r for done in parts.values() for r in done["rows"]]}
        for part, done in parts.items():
            results[f"{db} {part}"] = {"load_s": done["load_s"], "reused": done["reused"]}
            results[f"{db} {part}"]["rows"] = []
    section = report(
        results, "python bench/floors.py " + " ".join(argv), time.perf_counter() - started
    )
    print(section)
    if not args.no_write and not args.only:  # one row alone is not the table
        write_section("floors", section)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
