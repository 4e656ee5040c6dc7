"""The start page's panel reads only what it shows (issue 16), with the same figures as before:
the dashboard's own selector gives the same work, counts and reports for every unit and viewer
of the demo, and the reports waiting for review, found by their own sender, are those the
assignment's sender was joined for."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.management import call_command
from django.db.models import Count
from django.utils import timezone

from doimoi.directives import selectors
from doimoi.directives.models import Assignment, Report, Task
from doimoi.directives.selectors import missing, overdue_q
from doimoi.directives.states import AssignmentState, ReportState, TaskState
from doimoi.organizations.models import Unit

pytestmark = [pytest.mark.django_db, pytest.mark.present]

VIEWERS = ("admin", "vanthu.tinhuy", "vanthu.baoloc", "bithu.baoloc")


@pytest.fixture
def seeded(demo: dict[str, Any]) -> None:
    call_command("seed_demo", verbosity=0)


def test_the_panel_shows_what_the_dashboard_shows(seeded: None, persona: Any) -> None:
    today = timezone.localdate()
    ids = set(Assignment.objects.values_list("unit_id", flat=True))
    units = Unit.objects.filter(
        pk__in=ids | set(Assignment.objects.values_list("sender_id", flat=True))
    )
    compared = reviewed = 0
    for username in VIEWERS:
        viewer = persona(username)
        for unit in units:
            todo = selectors.unit_todo(viewer=viewer, unit=unit, today=today, limit=5)
            board = selectors.unit_dashboard(viewer=viewer, unit=unit, today=today, limit=5)
            assert [a.pk for a in todo.owes] == [a.pk for a in board.owes]
            assert [a.overdue for a in todo.owes] == [a.overdue for a in board.owes]  # type: ignore[attr-defined]
            assert [t.pk for t in todo.tasks] == [t.pk for t in board.tasks]
            assert todo.counts == {k: board.counts[k] for k in ("owed", "overdue")}
            joined = (
                Report.objects.restrict(viewer)
                .filter(assignment__sender=unit, state=ReportState.SUBMITTED)
                .order_by("submitted_on", "pk")
            )
            assert [r.pk for r in board.to_review] == [r.pk for r in joined[:5]]
            assert board.counts["to_review"] == joined.count()
            compared += bool(todo.owes or todo.tasks or todo.counts["owed"])
            reviewed += bool(board.to_review)
    assert compared and reviewed  # the demo has work, owed work and reports to review


def _read_by_querysets(viewer: Any, unit: Unit, today: Any) -> tuple[Any, ...]:
    """What ``unit_todo`` read before its statements were kept (``selectors.todo``)."""
    visible = Assignment.objects.restrict(viewer).exclude(state=AssignmentState.DONE)
    counts = visible.filter(sender=unit).aggregate(
        owed=Count("pk"), overdue=Count("pk", filter=overdue_q(today))
    )
    owes = visible.filter(unit=unit).select_related("directive").order_by("due_final", "pk")[:5]
    tasks = Task.objects.restrict(viewer).filter(unit=unit).exclude(state=TaskState.DONE)
    return (
        [(a.pk, a.directive.title, bool(missing(a, today))) for a in owes],
        [t.pk for t in tasks.order_by("due_date", "pk")[:5]],
        counts,
    )


def test_the_kept_statements_read_what_the_querysets_read(seeded: None, persona: Any) -> None:
    """Every viewer, unit and two days in turn, in one process: a statement kept under a key
    that missed the viewer's scope, the unit or the day would answer for another's."""
    today = timezone.localdate()
    ids = {*Assignment.objects.values_list("unit_id", "sender_id")}
    units = Unit.objects.filter(pk__in={pk for pair in ids for pk in pair})
    answers = set()
    for day in (today, today + datetime.timedelta(days=60)):
        for username in VIEWERS:
            viewer = persona(username)
            for unit in units:
                todo = selectors.unit_todo(viewer=viewer, unit=unit, today=day, limit=5)
                kept = (
                    [(a.pk, a.directive_title, a.overdue) for a in todo.owes],  # type: ignore[attr-defined]
                    [t.pk for t in todo.tasks],
                    todo.counts,
                )
                assert kept == _read_by_querysets(viewer, unit, day), (username, unit, day)
                answers.add(repr(kept))
    assert len(answers) > len(VIEWERS)  # the viewers, units and days were told apart


def test_the_start_page_shows_the_units_work(seeded: None, persona: Any, client: Any) -> None:
    from django.urls import reverse

    from doimoi.organizations.selectors import units_of_user

    shown = {"owes": 0, "owed": 0}
    for username in ("vanthu.tinhuy", "vanthu.baoloc"):
        viewer = persona(username)
        client.force_login(viewer)
        page = client.get(reverse("home")).content.decode()
        unit = units_of_user(user=viewer)[0]
        board = selectors.unit_dashboard(viewer=viewer, unit=unit, today=timezone.localdate())
        for a in board.owes[:5]:
            assert reverse("directives:assignment_detail", args=[a.pk]) in page
        for t in board.tasks[:5]:
            assert reverse("directives:assignment_detail", args=[t.assignment_id]) in page
        link = reverse("directives:unit_dashboard", args=[unit.pk])
        assert (link in page) == bool(board.counts["owed"])
        shown["owes"] += len(board.owes) + len(board.tasks)
        shown["owed"] += board.counts["owed"]
    assert shown["owes"] and shown["owed"]
