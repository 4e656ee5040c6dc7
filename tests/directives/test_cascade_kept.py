"""The directive page's results (summary, late units, tree) are kept between requests under the
directive's cascade stamp: every write to its assignments, tasks or reports, by a service or by
raw SQL, counts them again; so does a new day, another viewer, another filter. Its timeline is
kept under the timeline stamp: the same writes, but an assignment's only if the timeline reads
what changed."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.db import connection, models
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from doimoi.directives import selectors, services
from doimoi.directives.models import Assignment, CascadeStamp, Directive
from doimoi.directives.stamp import UNSHOWN
from tests.directives.conftest import WARDS, of

OVERDUE = re.compile(r'data-testid="overdue-total">(\d+)<')
CSRF = re.compile(r'(CSRFToken": |name="csrfmiddlewaretoken" value=)"[^"]+"')  # new each time


def _client(persona: Any, username: str) -> Client:
    client = Client()
    client.force_login(persona(username))
    return client


def _page(client: Client, directive: Directive, **query: str) -> tuple[str, int]:
    """The page and the SQL statements it took."""
    url = reverse("directives:directive_detail", args=[directive.pk])
    with CaptureQueriesContext(connection) as statements:
        response = client.get(url, query)
    assert response.status_code == 200
    return response.content.decode(), len(statements)


def _overdue(page: str) -> int:
    found = OVERDUE.search(page)
    assert found is not None, "no overdue total on the page"
    return int(found[1])


@pytest.mark.django_db
def test_kept_until_a_write_then_counted_again(
    cascade: Directive, ward_plan: Any, persona: Any, at: Any
) -> None:
    clerk = _client(persona, "vanthu.baoloc")
    with at(2022, 6, 1):
        first, first_statements = _page(clerk, cascade)
        again, again_statements = _page(clerk, cascade)
        assert (
            CSRF.sub("", again) == CSRF.sub("", first) and again_statements < first_statements - 2
        )
        assert _overdue(first) == 3  # three wards, each past its plan's 20/5 deadline
        ward = persona("bithu.phuong1")
        services.assignment_answer(
            actor=ward, assignment=of(cascade, WARDS[0]), kind="plan", document=ward_plan
        )
        after, after_statements = _page(clerk, cascade)
    assert after_statements > again_statements  # counted again
    assert _overdue(after) == 2


@pytest.mark.django_db
def test_a_write_by_raw_sql_counts_again(cascade: Directive, persona: Any, at: Any) -> None:
    clerk = _client(persona, "vanthu.baoloc")
    with at(2022, 6, 1):
        assert _overdue(_page(clerk, cascade)[0]) == 3
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE directives_assignment SET plan_on = plan_due WHERE directive_id = %s",
                [cascade.pk],
            )
        assert _overdue(_page(clerk, cascade)[0]) == 0


@pytest.mark.django_db
def test_a_new_day_counts_again(cascade: Directive, persona: Any, at: Any) -> None:
    clerk = _client(persona, "vanthu.baoloc")
    with at(2022, 5, 20):  # the plans' deadline: not yet late
        assert _overdue(_page(clerk, cascade)[0]) == 0
    with at(2022, 5, 21):
        assert _overdue(_page(clerk, cascade)[0]) == 3


@pytest.mark.django_db
def test_each_viewer_and_filter_has_its_own(cascade: Directive, persona: Any, at: Any) -> None:
    with at(2022, 6, 1):
        city, _ = _page(_client(persona, "vanthu.baoloc"), cascade)
        ward, _ = _page(_client(persona, "bithu.phuong1"), cascade)
        assert WARDS[2] in city and WARDS[2] not in ward
        assert _overdue(city) == 3 and _overdue(ward) == 1
        branch = of(cascade, WARDS[0]).unit
        filtered, _ = _page(_client(persona, "vanthu.baoloc"), cascade, don_vi=str(branch.pk))
        assert _overdue(filtered) == 1


@pytest.mark.django_db(transaction=True)
def test_the_stamp_changes_when_the_writer_commits(
    cascade: Directive, persona: Any, at: Any
) -> None:
    before = CascadeStamp.objects.get(directive_id=cascade.pk).token
    with at(2022, 6, 1):
        services.assignment_acknowledge(
            actor=persona("bithu.phuong1"), assignment=of(cascade, WARDS[0])
        )
    assert CascadeStamp.objects.get(directive_id=cascade.pk).token != before


@pytest.mark.postgres  # SQLite has no TRUNCATE; its DELETE fires the row triggers
@pytest.mark.django_db
def test_emptying_a_table_changes_every_stamp(cascade: Directive) -> None:
    before = CascadeStamp.objects.get(directive_id=cascade.pk).token
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE directives_report CASCADE")
    assert CascadeStamp.objects.get(directive_id=cascade.pk).token != before


@pytest.mark.django_db
def test_a_corrected_reference_shows_in_the_timeline(
    cascade: Directive, persona: Any, at: Any
) -> None:
    clerk = _client(persona, "vanthu.baoloc")
    with at(2022, 6, 1):
        assert "gửi 70-KH/ThU tới 3 đơn vị" in _page(clerk, cascade)[0]
        with connection.cursor() as cursor:  # as the review service writes it
            cursor.execute(
                "UPDATE documents_document SET number = '71' WHERE id = %s", [cascade.document_id]
            )
        page = _page(clerk, cascade)[0]
    assert "gửi 71-KH/ThU tới 3 đơn vị" in page and "70-KH/ThU tới" not in page


@pytest.mark.django_db
def test_every_stamp_trigger_is_in_place() -> None:
    """A migration that alters a table on SQLite rebuilds it without its triggers: after all
    migrations, every table the cascade stamp watches still has them."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT tgname FROM pg_trigger WHERE tgname LIKE %s", ["%cascade_stamp%"]
            )
        else:
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        names = {row[0] for row in cursor.fetchall()}
    for table in ("directives_assignment", "directives_task", "directives_report"):
        assert any(name.startswith(f"{table}_cascade_stamp") for name in names), table
    assert "documents_document_cascade_stamp" in names


def _tokens(directive: Directive) -> tuple[str, str]:
    stamp = CascadeStamp.objects.get(directive_id=directive.pk)
    return stamp.token, stamp.timeline_token


@pytest.mark.django_db
def test_a_study_session_counts_again_and_keeps_the_timeline(
    cascade: Directive, ward_plan: Any, persona: Any, at: Any
) -> None:
    """A study session held shows in the counts, never in the timeline: the results are counted
    again, the timeline is kept; a plan issued shows in both."""
    clerk, ward = _client(persona, "vanthu.baoloc"), persona("bithu.phuong1")
    with at(2022, 6, 1):
        full = _page(clerk, cascade)[1]
        kept = _page(clerk, cascade)[1]
        services.assignment_answer(actor=ward, assignment=of(cascade, WARDS[0]), kind="study")
        studied, counted = _page(clerk, cascade)
        assert "ban hành kế hoạch 12-KH/ĐU" not in studied
        services.assignment_answer(
            actor=ward, assignment=of(cascade, WARDS[0]), kind="plan", document=ward_plan
        )
        planned, both = _page(clerk, cascade)
    assert kept < counted < both <= full
    assert "ban hành kế hoạch 12-KH/ĐU" in planned  # the timeline read again


def _other(field: Any) -> Any:
    """A value no assignment of the cascade has in ``field``'s column."""
    if field.is_relation:
        return 987654  # foreign keys are checked at the commit (or the test's end)
    if isinstance(field, models.DateTimeField):
        return datetime.datetime(2001, 1, 1, tzinfo=datetime.UTC)
    if isinstance(field, models.DateField):
        return datetime.date(2001, 1, 1)
    if isinstance(field, models.CharField):
        return "zz"
    return 77


@pytest.mark.django_db
def test_only_the_columns_the_timeline_never_reads_keep_it(cascade: Directive) -> None:
    """Every column of an assignment but ``stamp.UNSHOWN`` renews the timeline's stamp when it
    changes (a column added later too, or it is named here on purpose); every one renews the
    results' stamp. (``directive`` is never changed; ``id`` is the row.)"""
    a = Assignment.objects.filter(directive=cascade).order_by("pk").first()
    assert a is not None
    for field in Assignment._meta.concrete_fields:
        if field.name in ("id", "directive"):
            continue
        token, timeline = _tokens(cascade)
        _set(a.pk, field.column, _other(field))
        after, timeline_after = _tokens(cascade)
        _set(a.pk, field.column, getattr(a, field.attname))  # its foreign key checked at the end
        assert after != token, field.column
        assert (timeline_after == timeline) == (field.column in UNSHOWN), field.column


def _set(pk: int, column: str, value: Any) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE directives_assignment SET {column} = %s WHERE id = %s", [value, pk])


@pytest.mark.django_db
def test_the_timeline_reads_no_column_that_keeps_it(cascade: Directive, persona: Any) -> None:
    """``stamp.UNSHOWN`` names columns the timeline never reads: were one read (shown), a write
    of it would leave the timeline kept and stale."""
    with CaptureQueriesContext(connection) as statements:
        events = selectors.cascade_events(viewer=persona("vanthu.baoloc"), directive=cascade)
    assert events
    read = " ".join(q["sql"] for q in statements.captured_queries)
    for column in UNSHOWN:
        assert f'"directives_assignment"."{column}"' not in read, column


@pytest.mark.django_db
def test_a_report_shows_in_the_timeline(cascade: Directive, persona: Any, at: Any) -> None:
    clerk = _client(persona, "vanthu.baoloc")
    with at(2022, 6, 1):
        assert "gửi báo cáo" not in _page(clerk, cascade)[0]
        services.report_submit(
            actor=persona("bithu.phuong1"), assignment=of(cascade, WARDS[0]), narrative="Đã làm."
        )
        assert "gửi báo cáo" in _page(clerk, cascade)[0]


@pytest.mark.django_db
def test_every_timeline_stamp_trigger_is_in_place() -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT tgname FROM pg_trigger WHERE tgname LIKE %s", ["%timeline%"])
        else:
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        names = {row[0] for row in cursor.fetchall()}
    for table in ("directives_assignment", "directives_task", "directives_report"):
        assert any(name.startswith(f"{table}_timeline_stamp") for name in names), table
    assert "documents_document_timeline_stamp" in names
