"""The assignment page's lists, read by statements compiled once (selectors.assignment_page),
hold what the ORM's reads of the same rows hold, in the same order."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from doimoi.directives import selectors, services
from doimoi.directives.models import Assignment, Directive, Distribution
from tests.directives.conftest import CELLS, WARDS, of, requirements, unit

D = datetime.date
pytestmark = pytest.mark.django_db


def _ward_sends_tasks_and_a_cell_reports(cascade: Directive, ward_plan: Any, persona: Any) -> Any:
    ward = of(cascade, WARDS[0])
    tasks = [
        services.TaskSpec(
            unit=unit(CELLS[0]),
            title=f"Chi bộ, việc {n}",
            description="Quán triệt\ntới đảng viên.",
            deliverable="Biên bản",
            due_date=D(2022, 5, 27),
            number=str(n),
        )
        for n in (2, 1)
    ]
    services.plan_tasks_assign(
        actor=persona("bithu.phuong1"),
        assignment=ward,
        plan=ward_plan,
        tasks=tasks,
        sent_on=D(2022, 5, 12),
        report=services.RequirementSpec(kind="report", date=D(2022, 6, 20), note="Kèm số liệu."),
    )
    services.assignment_forward(
        actor=None,
        assignment=ward,
        document=ward_plan,
        recipients=[unit(CELLS[1])],
        requirements=requirements(study=5),
        sent_on=D(2022, 5, 12),
    )
    cell = Assignment.objects.filter(parent=ward, unit__name=CELLS[0]).order_by("pk").first()
    assert cell is not None
    task = cell.tasks.get(number="1")
    upload = SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4", content_type="application/pdf")
    report = dict(actor=None, assignment=cell, narrative="Đã quán triệt.")
    services.report_submit(**report, task=task, attachments=[upload], document_reference="3-BC")
    services.report_submit(**report, figures=[{"label": "Số buổi", "value": 2}])
    return ward, cell


def _report(r: Any, task_number: str | None) -> tuple[Any, ...]:
    files = [f.name for f in r.attachments.all()]
    return (
        r.pk,
        r.submitted_on,
        task_number,
        r.figures,
        r.on_time,
        r.document_reference,
        files,
        r.state,
    )


def _orm(a: Assignment) -> dict[str, list[tuple[Any, ...]]]:
    sendings = Distribution.objects.filter(parent=a).select_related("document")
    reports = a.reports.select_related("task").prefetch_related("attachments")
    return {
        "sendings": [
            (s.pk, s.sent_on, s.document.reference, s.assignments.count()) for s in sendings
        ],
        "children": [
            (c.pk, c.unit.name, c.get_state_display())
            for c in a.children.select_related("unit").order_by("unit__path")
        ],
        "requirements": [(r.pk, r.kind, r.note) for r in a.distribution.requirements.all()],
        "tasks": [
            (t.pk, t.number, t.title, t.description, t.deliverable, t.due_date, t.state)
            for t in a.tasks.order_by("number", "pk")
        ],
        "reports": [_report(r, r.task.number if r.task else None) for r in reports],
    }


def _kept(a: Assignment) -> dict[str, list[tuple[Any, ...]]]:
    read = selectors.assignment_detail(a)
    return {
        "sendings": [(s.pk, s.sent_on, s.document.reference, s.n) for s in read["sendings"]],
        "children": [(c.pk, c.unit_name, c.get_state_display()) for c in read["children"]],
        "requirements": [(r.pk, r.kind, r.note) for r in read["requirements"]],
        "tasks": [
            (t.pk, t.number, t.title, t.description, t.deliverable, t.due_date, t.state)
            for t in read["tasks"]
        ],
        "reports": [_report(r, r.task_number) for r in read["reports"]],
    }


def test_the_lists_hold_what_the_orm_reads(
    cascade: Directive, ward_plan: Any, persona: Any, settings: Any, tmp_path: Any, at: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path
    with at(2022, 5, 12):
        ward, cell = _ward_sends_tasks_and_a_cell_reports(cascade, ward_plan, persona)
    for a in (ward, cell, of(cascade, WARDS[1])):
        a = Assignment.objects.select_related("distribution").get(pk=a.pk)
        assert _kept(a) == _orm(a)
    orm = _orm(cell)
    assert len(_orm(ward)["sendings"]) == 2 and len(_orm(ward)["children"]) == 2
    assert [r[2] for r in orm["reports"]] == [None, "1"] and orm["reports"][1][6]
    assert [t[1] for t in orm["tasks"]] == ["1", "2"]
    assert [r[2] for r in orm["requirements"]] == ["", "Kèm số liệu."]


def test_the_page_names_them(
    cascade: Directive, ward_plan: Any, persona: Any, settings: Any, tmp_path: Any, at: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path
    with at(2022, 5, 12):
        ward, cell = _ward_sends_tasks_and_a_cell_reports(cascade, ward_plan, persona)
    client = Client()
    client.force_login(persona("bithu.phuong1"))
    page = client.get(reverse("directives:assignment_detail", args=[ward.pk])).content.decode()
    assert page.count(f"12/05/2022: {ward_plan.reference} — ") == 2
    assert f">{CELLS[0]}</a>" in page and f">{CELLS[1]}</a>" in page
    page = client.get(reverse("directives:assignment_detail", args=[cell.pk])).content.decode()
    assert "— nhiệm vụ 1 — văn bản 3-BC" in page and ">bien-ban.pdf</a>" in page
    assert 'data-testid="requirement-note">Kèm số liệu.' in page
    assert "Chi bộ, việc 2" in page and "Quán triệt<br>tới đảng viên." in page
