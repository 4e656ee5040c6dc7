"""Services: sending, answering, forwarding, reporting, reviewing; ledger and atomicity."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from doimoi.background.worker import drain
from doimoi.core.errors import ApplicationError
from doimoi.directives import selectors, services
from doimoi.directives.models import Assignment, Directive, Notification, Period, Report
from doimoi.directives.states import AssignmentState, ReportState
from doimoi.documents.models import Citation, Relation
from tests.directives.conftest import CELLS, WARDS, forward_to_cells, of, requirements, unit

D = datetime.date
pytestmark = pytest.mark.django_db


def test_sending_makes_assignments_tells_the_units_and_writes_the_ledger(
    city_plan: Any,
    persona: Any,
    ledger_probe: Any,
    mailoutbox: Any,
    django_capture_on_commit_callbacks: Any,
    at: Any,
) -> None:
    head = persona("bithu.phuong1")
    head.email = "phuong1@example.vn"
    head.save()
    clerk = persona("vanthu.baoloc")
    with at(2022, 5, 5), django_capture_on_commit_callbacks(execute=True):
        directive = services.directive_create(
            actor=clerk, document=city_plan, issuer=unit("Thành ủy Bảo Lộc")
        )
        dist = services.directive_distribute(
            actor=clerk,
            directive=directive,
            recipients=[unit(n) for n in WARDS],
            requirements=requirements(plan=10, report=D(2022, 6, 30)),
            sent_on=D(2022, 5, 5),
        )
    assert mailoutbox == []  # the mail is a task on the queue, sent by a worker
    drain()
    assert sorted(dist.assignments.values_list("unit__name", flat=True)) == sorted(WARDS)
    a = of(directive, WARDS[0])
    assert (a.state, a.plan_due, a.report_due, a.due_final) == (
        AssignmentState.RECEIVED,
        D(2022, 5, 19),
        D(2022, 6, 30),
        D(2022, 6, 30),
    )
    ledger_probe.assert_recorded("directives.directive.created", directive)
    event = ledger_probe.assert_recorded("directives.directive.distributed", directive)
    assert len(event.payload["recipients"]) == 3
    notice = Notification.objects.get(user=head)
    assert "70-KH/ThU" in notice.message and notice.assignment == a
    assert [m.to for m in mailoutbox] == [["phuong1@example.vn"]]


@pytest.mark.parametrize(
    ("names", "field"),
    [
        (["Đảng ủy Khối Doanh nghiệp tỉnh Lâm Đồng"], "recipients"),  # not under the city
        ([], "recipients"),
    ],
)
def test_refused_sending_writes_nothing(
    cascade: Directive, persona: Any, at: Any, names: list[str], field: str
) -> None:
    from tests.conftest import LedgerProbe

    probe, before = LedgerProbe(), Assignment.objects.count()
    with at(2022, 5, 6), pytest.raises(ApplicationError) as error:
        services.directive_distribute(
            actor=persona("vanthu.baoloc"),
            directive=cascade,
            recipients=[unit(n) for n in names],
            requirements=requirements(plan=5),
            sent_on=D(2022, 5, 6),
        )
    assert field in error.value.message_dict
    assert Assignment.objects.count() == before
    probe.assert_nothing()


def test_a_unit_gets_a_directive_once_and_deadlines_are_checked(
    cascade: Directive, persona: Any, at: Any
) -> None:
    clerk = persona("vanthu.baoloc")
    with at(2022, 5, 6):
        with pytest.raises(ApplicationError) as error:
            services.directive_distribute(
                actor=clerk,
                directive=cascade,
                recipients=[unit(WARDS[0])],
                requirements=requirements(plan=5),
                sent_on=D(2022, 5, 6),
            )
        assert "Đảng ủy phường 1" in error.value.message_dict["recipients"][0]
        with pytest.raises(ApplicationError) as error:
            services.directive_distribute(
                actor=clerk,
                directive=cascade,
                recipients=[unit(CELLS[0])],
                requirements=requirements(plan=D(2022, 5, 1)),
                sent_on=D(2022, 5, 6),
            )
        assert "plan_date" in error.value.message_dict


def test_only_the_issuers_people_send(cascade: Directive, persona: Any, at: Any) -> None:
    with at(2022, 5, 6), pytest.raises(PermissionDenied):
        services.directive_distribute(
            actor=persona("bithu.phuong1"),
            directive=cascade,
            recipients=[unit(CELLS[0])],
            requirements=requirements(plan=5),
            sent_on=D(2022, 5, 6),
        )


def test_answer_with_a_plan_and_forward_grows_the_tree_and_the_citation_graph(
    cascade: Directive, ward_plan: Any, persona: Any, ledger_probe: Any, at: Any
) -> None:
    head, ward = persona("bithu.phuong1"), of(cascade, WARDS[0])
    with at(2022, 5, 12):
        services.assignment_answer(actor=head, assignment=ward, kind="plan", document=ward_plan)
        forward_to_cells(ward, ward_plan, head)
    ward.refresh_from_db()
    assert (ward.state, ward.plan_on, ward.forward_on) == (
        AssignmentState.IN_PROGRESS,
        D(2022, 5, 10),
        D(2022, 5, 12),
    )
    cells = Assignment.objects.filter(directive=cascade, parent=ward)
    assert sorted(c.unit.name for c in cells) == sorted(CELLS)
    assert all(c.sender_id == ward.unit_id for c in cells)
    edge = Citation.objects.get(source=ward_plan, target=cascade.document)
    assert edge.relation == Relation.IMPLEMENTS
    ledger_probe.assert_recorded("directives.assignment.answered", ward)
    ledger_probe.assert_recorded("directives.assignment.forwarded", ward)


def test_a_plan_issued_by_another_unit_is_refused(
    cascade: Directive, city_plan: Any, persona: Any, at: Any
) -> None:
    with at(2022, 5, 12), pytest.raises(ApplicationError) as error:
        services.assignment_answer(
            actor=None, assignment=of(cascade, WARDS[0]), kind="plan", document=city_plan
        )
    assert "document" in error.value.message_dict


def _report(a: Assignment, **kwargs: Any) -> Report:
    return services.report_submit(actor=None, assignment=a, narrative="Đã quán triệt.", **kwargs)


def test_returned_report_counts_as_not_done_until_sent_again(
    cascade: Directive, ward_plan: Any, persona: Any, ledger_probe: Any, at: Any
) -> None:
    clerk, ward = persona("vanthu.baoloc"), of(cascade, WARDS[0])
    with at(2022, 6, 20):
        services.assignment_answer(actor=None, assignment=ward, kind="plan", document=ward_plan)
        report = _report(
            ward,
            figures=[{"label": "Số buổi quán triệt", "value": 3}],
            document_reference="15-BC/ĐU",
        )
        assert (
            selectors.directive_summary(
                selectors.Scope(cascade, clerk), today=D(2022, 6, 20)
            ).total["reported"]
            == 1
        )
        services.report_return(actor=clerk, report=report, reason="Thiếu số đảng viên dự.")
    ledger_probe.assert_recorded("directives.report.returned", report)
    ward.refresh_from_db()
    assert (ward.state, ward.report_on) == (AssignmentState.IN_PROGRESS, None)
    after = selectors.directive_summary(selectors.Scope(cascade, clerk), today=D(2022, 7, 1))
    assert (after.total["reported"], after.total["done"], after.reports["returned"]) == (0, 0, 1)
    late = selectors.late_assignments(selectors.Scope(cascade, clerk), today=D(2022, 7, 1))
    assert ward in late  # its report deadline (30/6) passed with no report standing
    with at(2022, 7, 4):
        again = _report(ward)
        services.report_accept(actor=clerk, report=again)
    ward.refresh_from_db()
    assert (ward.state, ward.done_on) == (AssignmentState.DONE, D(2022, 7, 4))
    done = selectors.directive_summary(selectors.Scope(cascade, clerk), today=D(2022, 7, 5)).total
    assert (done["done"], done["late"], done["on_time"]) == (1, 1, 0)


def test_review_is_the_senders_and_needs_a_reason(
    cascade: Directive, persona: Any, at: Any
) -> None:
    with at(2022, 6, 1):
        report = _report(of(cascade, WARDS[1]))
        with pytest.raises(PermissionDenied):
            services.report_accept(actor=persona("bithu.phuong1"), report=report)
        with pytest.raises(ApplicationError) as error:
            services.report_return(actor=persona("vanthu.baoloc"), report=report, reason="  ")
    assert "reason" in error.value.message_dict
    assert Report.objects.get(pk=report.pk).state == ReportState.SUBMITTED


def test_periodic_report_opens_the_next_round(city_plan: Any, persona: Any, at: Any) -> None:
    clerk = persona("vanthu.baoloc")
    with at(2022, 5, 5):
        directive = services.directive_create(
            actor=clerk, document=city_plan, issuer=unit("Thành ủy Bảo Lộc")
        )
        spec = services.RequirementSpec(
            kind="report", date=D(2022, 5, 31), period=Period.MONTHLY, until=D(2022, 12, 31)
        )
        services.directive_distribute(
            actor=clerk,
            directive=directive,
            recipients=[unit(WARDS[2])],
            requirements=[spec],
            sent_on=D(2022, 5, 5),
        )
    a = of(directive, WARDS[2])
    with at(2022, 5, 30):
        services.report_accept(actor=clerk, report=_report(a))
    a.refresh_from_db()
    assert (a.report_round, a.report_due, a.report_on, a.state) == (
        1,
        D(2022, 6, 30),
        None,
        AssignmentState.IN_PROGRESS,
    )


def test_tasks_from_a_plan_are_assigned_reported_and_close_the_assignment(
    cascade: Directive, ward_plan: Any, persona: Any, at: Any
) -> None:
    ward = of(cascade, WARDS[0])
    tasks = [
        services.TaskSpec(
            unit=unit(name),
            title="Các chi bộ",
            description="Quán triệt tới đảng viên.",
            deliverable="Biên bản sinh hoạt",
            due_date=D(2022, 5, 28),
            number="1",
        )
        for name in CELLS
    ]
    with at(2022, 5, 12):
        dist = services.plan_tasks_assign(
            actor=persona("bithu.phuong1"),
            assignment=ward,
            plan=ward_plan,
            tasks=tasks,
            sent_on=D(2022, 5, 12),
        )
    cell = Assignment.objects.get(distribution=dist, unit__name=CELLS[0])
    task = cell.tasks.get()
    assert (task.due_date, cell.tasks_due) == (D(2022, 5, 30), D(2022, 5, 30))  # 28/5 is a Saturday
    with at(2022, 5, 25):
        report = _report(cell, task=task)
    cell.refresh_from_db()
    assert cell.tasks_on == D(2022, 5, 25) and cell.state == AssignmentState.IN_PROGRESS
    with at(2022, 5, 26):
        services.report_accept(actor=persona("bithu.phuong1"), report=report)
    cell.refresh_from_db()
    assert cell.state == AssignmentState.DONE
    summary = selectors.directive_summary(
        selectors.Scope(cascade, persona("vanthu.baoloc")), today=D(2022, 6, 1)
    )
    assert (
        summary.task_total["total"],
        summary.task_total["done"],
        summary.task_total["on_time"],
    ) == (2, 1, 1)


def test_figures_are_read_line_by_line() -> None:
    assert services.parse_figures("Số buổi quán triệt: 12\n\nSố đảng viên dự: 1.234") == [
        {"label": "Số buổi quán triệt", "value": 12},
        {"label": "Số đảng viên dự", "value": 1234},
    ]
    with pytest.raises(ApplicationError) as error:
        services.parse_figures("Số buổi: mười hai")
    assert "Dòng 1" in error.value.message_dict["figures"][0]
