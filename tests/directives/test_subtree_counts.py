"""The counts over each top node's subtree on the directive page come from the summary's own scan
(issue 16: the provinces' counts were a second scan as large as the summary's). They must be the
figures the separate query gave: each is checked against a count made here, row by row, from the
assignments the viewer sees, for every viewer, requirement and branch, on the small cascade (grown
by a forward to two cells and a direct sending to three new cells below a ward, which puts top
nodes of two depths side by side) and on the seeded demo's directives. Each viewer is loaded
twice: as a test loads a user, and as a request does (with the scope stamp), which on PostgreSQL
tells each unit's subtree by the runs of unit ids kept under that stamp (selectors.children)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from doimoi.core.text import fold
from doimoi.directives import selectors, services
from doimoi.directives.models import Assignment, Directive, RequirementKind
from doimoi.directives.selectors.children import UNKNOWN, unit_runs
from doimoi.directives.selectors.rollup import scoped_assignments
from doimoi.directives.states import AssignmentState
from doimoi.organizations.backends import AccountBackend
from doimoi.organizations.models import Unit
from tests.directives.conftest import WARDS, forward_to_cells, of, requirements, unit

D = datetime.date
pytestmark = pytest.mark.django_db
VIEWERS = ("admin", "vanthu.tinhuy", "vanthu.baoloc", "bithu.phuong1", "vanthu.dukdn")


def counted_here(scope: selectors.Scope, nodes: list[Assignment], today: D) -> dict[str, Any]:
    """Per node, over the assignments the viewer sees in its unit's subtree: how many, done,
    reported, and overdue on any requirement (a deadline passed with its milestone empty)."""
    rows = list(scoped_assignments(scope).select_related("unit"))
    counts = {}
    for node in nodes:
        under = [a for a in rows if a.unit.path.startswith(node.unit.path)]
        counts[node.unit.path] = {
            "units": len(under),
            "done": sum(a.state == AssignmentState.DONE for a in under),
            "reported": sum(a.report_on is not None for a in under),
            "overdue": sum(
                bool(selectors.missing(a, today)) and a.state != AssignmentState.DONE for a in under
            ),
        }
    return counts


def check(directive: Directive, today: D, branches: list[Unit | None]) -> int:
    """Every viewer who may open the page, requirement and branch: the page's counts are the ones counted here, and
    the summary is the summary without them. The number of non-empty trees checked."""
    checked = 0
    for username in VIEWERS:
        viewer = get_user_model().objects.get(username=username)
        if not viewer.has_perm("directives.view_directive", directive):
            continue  # the page answers 404
        for loaded in (viewer, AccountBackend().get_user(viewer.pk)):
            for requirement in ["", *RequirementKind.values]:
                for branch in branches:
                    scope = selectors.Scope(directive, loaded, branch, requirement)
                    checked += check_scope(scope, today)
    return checked


def check_scope(scope: selectors.Scope, today: D) -> bool:
    summary, nodes, counts = selectors.cascade_top(scope, today=today, shown=300)
    plain = selectors.directive_summary(scope, today=today)
    assert (summary.levels, summary.total) == (plain.levels, plain.total)
    assert (summary.tasks, summary.reports) == (plain.tasks, plain.reports)
    assert counts == counted_here(scope, nodes, today), (scope.viewer, scope.requirement)
    assert counts == selectors.subtree_counts(scope, nodes, today=today)
    return bool(nodes)


def test_counts_per_subtree_on_a_grown_cascade(
    cascade: Directive, ward_plan: Any, persona: Any, at: Any
) -> None:
    ward, commune = of(cascade, WARDS[0]), unit(WARDS[2])
    with at(2022, 5, 12):
        services.assignment_answer(actor=None, assignment=ward, kind="plan", document=ward_plan)
        forward_to_cells(ward, ward_plan)
        report = services.report_submit(actor=None, assignment=ward, narrative="Đã quán triệt.")
        services.report_accept(actor=persona("vanthu.baoloc"), report=report)
        services.report_submit(actor=None, assignment=of(cascade, WARDS[1]), narrative="Đang làm.")
    extra = [_new_cell(f"Chi bộ thôn {n + 1} xã Đại Lào", commune) for n in range(3)]
    with at(2022, 5, 13):
        services.directive_distribute(
            actor=None,
            directive=cascade,
            recipients=extra,
            requirements=[
                services.RequirementSpec(kind="tasks", date=D(2022, 5, 25), note="Họp chi bộ."),
                *requirements(report=D(2022, 6, 10)),
            ],
            sent_on=D(2022, 5, 13),
        )
    tops = selectors.cascade_nodes(selectors.Scope(cascade, persona("admin")), None)
    assert len({a.unit.depth for a in tops}) == 2  # the fallback is checked too
    branches = [None, unit("Thành ủy Bảo Lộc"), unit(WARDS[0]), commune, extra[0]]
    for today in (D(2022, 5, 19), D(2022, 6, 1), D(2022, 7, 1)):
        assert check(cascade, today, branches) > 50


@pytest.mark.present  # the demo as seeded today
def test_counts_per_subtree_on_the_demo(persona: Any) -> None:
    call_command("seed_demo", verbosity=0)
    today = datetime.date.today()
    checked = 0
    for directive in Directive.objects.order_by("pk"):
        senders = directive.distributions.values("sender_id")
        branches = [None, *Unit.objects.filter(pk__in=senders).order_by("path")[:3]]
        checked += check(directive, today, branches)
    assert checked > 20


def _new_cell(name: str, under: Unit) -> Unit:
    cell = Unit(name=name, kind="party_cell", level="cell", name_folded=fold(name))
    return Unit.objects.add_child(Unit.objects.get(pk=under.pk), instance=cell)


@pytest.mark.postgres
def test_counts_by_runs_see_a_unit_newer_than_the_runs(
    cascade: Directive, ward_plan: Any, persona: Any, at: Any, django_assert_max_num_queries: Any
) -> None:
    """A unit written after the runs were read, seen by a request that read the stamp before
    the write: its assignment falls past the runs, and the summary counts again by the join."""
    admin = AccountBackend().get_user(persona("admin").pk)
    scope, today = selectors.Scope(cascade, admin), D(2022, 6, 1)
    paths = tuple(sorted(a.unit.path for a in selectors.cascade_nodes(scope, None)))
    runs = unit_runs(admin, paths)
    assert runs is not None and runs[1][-1] == UNKNOWN
    with django_assert_max_num_queries(1):  # the runs kept under the stamp: the summary alone
        selectors.directive_summary(scope, today=today, children=paths)
    cell = _new_cell("Chi bộ khu phố 9", unit(WARDS[0]))
    with at(2022, 5, 12):  # the ward sends it on: a unit below a top node, not a top node
        services.assignment_forward(
            actor=None,
            assignment=of(cascade, WARDS[0]),
            document=ward_plan,
            recipients=[cell],
            requirements=requirements(study=5),
            sent_on=D(2022, 5, 12),
        )
    assert cell.pk >= runs[0][-1]  # past the runs this viewer's stamp keeps
    assert unit_runs(admin, paths) == runs
    assert check_scope(scope, today)
    assert check_scope(selectors.Scope(cascade, AccountBackend().get_user(admin.pk)), today)
