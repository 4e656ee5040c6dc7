"""The directive page's timeline, read by one statement compiled once per directive, viewer's
scope and count (selectors.timeline), holds what the ORM's reads of the same events hold: each
part of the key, changed alone, gives other events, so a key that dropped one would hand a page
the timeline of another directive, viewer or count."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, OuterRef, Subquery
from django.db.models.functions import Coalesce

from doimoi.directives import selectors, services
from doimoi.directives.models import Assignment, Directive, Distribution, Report
from doimoi.organizations.models import Membership, Person, Role
from tests.directives.conftest import CELLS, WARDS, of, requirements, unit

D = datetime.date
pytestmark = pytest.mark.django_db


def _clerk_of(name: str) -> Any:
    user = get_user_model().objects.create_user(username=f"clerk-{unit(name).pk}", password="x")
    person = Person.objects.create(user=user, full_name=user.username)
    Membership.objects.create(person=person, unit=unit(name), role=Role.CLERK)
    return user


def _answers_and_reports(cascade: Directive, ward_plan: Any, persona: Any) -> Directive:
    """Ward 1 issues its plan naming a task for a cell and forwards it to the other; the cell
    reports twice, two wards report; the city accepts one and returns one. Ward 1's own
    directive to its first cell is a second timeline."""
    ward, head = of(cascade, WARDS[0]), persona("bithu.phuong1")
    task = services.TaskSpec(
        unit=unit(CELLS[0]),
        title="Quán triệt",
        description="",
        deliverable="Biên bản",
        due_date=D(2022, 5, 27),
        number="1",
    )
    services.plan_tasks_assign(
        actor=head,
        assignment=ward,
        plan=ward_plan,
        tasks=[task],
        sent_on=D(2022, 5, 12),
        report=services.RequirementSpec(kind="report", date=D(2022, 6, 20)),
    )
    services.assignment_forward(
        actor=None,
        assignment=ward,
        document=ward_plan,
        recipients=[unit(CELLS[1])],
        requirements=requirements(study=5),
        sent_on=D(2022, 5, 12),
    )
    cell = Assignment.objects.get(directive=cascade, unit__name=CELLS[0])
    report = dict(actor=None, narrative="Đã quán triệt.")
    services.report_submit(**report, assignment=cell, task=cell.tasks.get())
    services.report_submit(**report, assignment=cell)
    sent = [services.report_submit(**report, assignment=of(cascade, name)) for name in WARDS[1:]]
    clerk = persona("vanthu.baoloc")
    services.report_accept(actor=clerk, report=sent[0])
    services.report_return(actor=clerk, report=sent[1], reason="Thiếu số liệu.")
    other = services.directive_create(actor=head, document=ward_plan, issuer=unit(WARDS[0]))
    services.directive_distribute(
        actor=head,
        directive=other,
        recipients=[unit(CELLS[0])],
        requirements=requirements(plan=D(2022, 5, 25)),
        sent_on=D(2022, 5, 12),
    )
    return other


def _read_by_querysets(viewer: Any, directive: Directive, limit: int) -> list[tuple[Any, ...]]:
    """What the timeline read before its statement was kept: a queryset per part."""
    visible = Assignment.objects.restrict(viewer).filter(directive=directive)
    sendings = Distribution.objects.filter(directive=directive)
    if not viewer.is_superuser:
        sendings = sendings.filter(Exists(visible.filter(distribution=OuterRef("pk"))))
    size = Assignment.objects.restrict(viewer).filter(distribution=OuterRef("pk"))
    size = size.order_by().values("distribution").annotate(n=Count("pk")).values("n")
    sendings = sendings.select_related("sender", "document").annotate(n=Coalesce(Subquery(size), 0))
    events = [
        ("sent", d.sent_on, d.pk, d.sender.name, d.document.reference, d.n, None, None)
        for d in sendings.order_by("-sent_on", "-pk")[:limit]
    ]
    for kind in ("plan", "forward"):
        answered = visible.filter(**{f"{kind}_on__isnull": False}).select_related("unit")
        for a in answered.select_related(f"{kind}_document").order_by(f"-{kind}_on", "-pk")[:limit]:
            document = getattr(a, f"{kind}_document")
            reference = document.reference if document else None
            events.append((kind, getattr(a, f"{kind}_on"), a.pk, a.unit.name, reference))
            events[-1] += (None, None, None)
    reports = Report.objects.restrict(viewer).filter(directive=directive)
    reports = reports.select_related("unit", "task")
    for r in reports.order_by("-submitted_on", "-pk")[:limit]:
        events.append(("report", r.submitted_on, r.pk, r.unit.name, None, None, r.task, ""))
    reviewed = reports.filter(reviewed_on__isnull=False).order_by("-reviewed_on", "-pk")
    for r in reviewed[:limit]:
        events.append((r.state, r.reviewed_on, r.pk, r.unit.name, None, None, r.task, ""))
        if r.state == "returned":
            events[-1] = (*events[-1][:-1], r.return_reason)
    order = {"sent": 0, "plan": 1, "forward": 2, "report": 3, "accepted": 4, "returned": 4}
    events.sort(key=lambda e: (e[1], order[e[0]], e[2]), reverse=True)
    return [(*e[:6], e[6].number if e[6] else None, e[7]) for e in events[:limit]]


def _kept(viewer: Any, directive: Directive, limit: int) -> list[tuple[Any, ...]]:
    """The same of the kept statement's events, as the page shows them."""
    found = []
    for e in selectors.cascade_events(viewer=viewer, directive=directive, limit=limit):
        document, report = e.get("document"), e.get("report")
        task = report.task if report is not None else None
        found.append(
            (
                e["kind"],
                e["date"],
                e["pk"],
                e["unit"].name,
                document.reference if document is not None else None,
                e.get("n"),
                task.number if task is not None else None,
                report.return_reason if e["kind"] == "returned" else ("" if report else None),
            )
        )
    return found


def test_the_kept_statement_reads_what_the_querysets_read(
    cascade: Directive, ward_plan: Any, persona: Any, at: Any
) -> None:
    with at(2022, 5, 12):
        other = _answers_and_reports(cascade, ward_plan, persona)
    admin = get_user_model().objects.create_superuser(username="quantri", password="x")
    viewers = [
        persona("vanthu.baoloc"),
        persona("bithu.phuong1"),
        _clerk_of(WARDS[1]),
        persona("vanthu.dukdn"),
        admin,
    ]
    for _round in range(2):  # the second round reads through the kept statements
        for directive in (cascade, other):
            for viewer in viewers:
                for limit in (3, 30):  # a statement cut at 3 would answer 30 short
                    kept = _kept(viewer, directive, limit)
                    assert kept == _read_by_querysets(viewer, directive, limit), (
                        viewer.username,
                        directive.pk,
                        limit,
                    )
    # each part of the key, changed alone, changes the answer
    city = _kept(persona("vanthu.baoloc"), cascade, 30)
    assert city != _kept(persona("bithu.phuong1"), cascade, 30)
    assert city != _kept(persona("vanthu.baoloc"), other, 30)
    assert city[:3] == _kept(persona("vanthu.baoloc"), cascade, 3) and len(city) > 3
    assert {e[0] for e in city} == {"sent", "plan", "forward", "report", "accepted", "returned"}
    assert ("returned", "Thiếu số liệu.") in {(e[0], e[7]) for e in city}
    assert "1" in {e[6] for e in city}  # the task a report answers


def test_another_wards_viewer_learns_nothing_of_ward_1(
    cascade: Directive, ward_plan: Any, persona: Any, at: Any
) -> None:
    with at(2022, 5, 12):
        _answers_and_reports(cascade, ward_plan, persona)
    neighbour = _kept(_clerk_of(WARDS[1]), cascade, 30)
    names = {e[3] for e in neighbour}
    assert names == {"Thành ủy Bảo Lộc", WARDS[1]}, names
    assert [e[5] for e in neighbour if e[0] == "sent"] == [1]  # its own of the city's three
    assert _kept(persona("vanthu.dukdn"), cascade, 30) == []
