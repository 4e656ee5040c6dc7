"""The demo directives (idempotent; runs after the documents app's demo): a live one dated from the
day the demo is seeded (``demo_live``), and the seeds' 2022 cascade, kept as history.

14-KL/TW (Bộ Chính trị) goes to Tỉnh ủy Lâm Đồng, which answers with 1335-CV/TU to the two bloc
committees and to Thành ủy Bảo Lộc; Đảng ủy Khối Doanh nghiệp answers with 287-CV/ĐUK, Thành ủy
Bảo Lộc with plan 64-KH/ThU, whose four tasks go to the units it names. Some reports are accepted,
one is returned (and sent again, late), Đảng ủy Khối các cơ quan never answers: it is overdue.
"""

from __future__ import annotations

import datetime
from importlib import resources
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from doimoi.directives import plan_tasks
from doimoi.directives.demo_live import seed_live
from doimoi.directives.models import Assignment, Directive, Task
from doimoi.directives.services import (
    RequirementSpec,
    TaskSpec,
    assignment_acknowledge,
    assignment_answer,
    assignment_forward,
    directive_create,
    directive_distribute,
    plan_tasks_assign,
    report_accept,
    report_return,
    report_submit,
)
from doimoi.documents import selectors as documents
from doimoi.documents import services as document_services
from doimoi.documents.models import Document
from doimoi.organizations.models import Unit

D = datetime.date
TW, TU = "Ban Chấp hành Trung ương Đảng", "Tỉnh ủy Lâm Đồng"
DUK_CQ, DUK_DN = "Đảng ủy Khối các cơ quan tỉnh Lâm Đồng", "Đảng ủy Khối Doanh nghiệp tỉnh Lâm Đồng"
BAO_LOC = "Thành ủy Bảo Lộc"
# reference → (number, symbol, date, seed file, unit that holds the paper)
DOCUMENTS = {
    "14-KL/TW": ("14", "KL/TW", D(2021, 9, 22), "004_d465b73f169d6f0b.txt", DUK_DN),
    "1335-CV/TU": ("1335", "CV/TU", D(2022, 3, 16), "004_d465b73f169d6f0b.txt", DUK_DN),
    "287-CV/ĐUK": ("287", "CV/ĐUK", D(2022, 3, 17), "004_d465b73f169d6f0b.txt", DUK_DN),
    "64-KH/ThU": ("64", "KH/ThU", D(2022, 5, 4), "000_bb21b65b2818ef4b.txt", BAO_LOC),
}
TASK_DUE = D(2022, 6, 10)
DELIVERABLES = {
    "1": "Kế hoạch tuyên truyền và tin, bài trên phương tiện thông tin đại chúng",
    "2": "Báo cáo kết quả quán triệt tại tổ chức cơ sở đảng",
    "3": "Báo cáo kết quả tuyên truyền của Mặt trận và các đoàn thể",
    "4": "Báo cáo kết quả tuyên truyền miệng và trên internet",
}


def _document(units: dict[str, Unit], reference: str) -> Document:
    """The seed document, found as the documents app stored it, or created from the seed text."""
    number, symbol, day, seed, holder = DOCUMENTS[reference]
    admin = get_user_model().objects.get(username="admin")
    found = documents.document_list(viewer=admin).filter(number=number, symbol=symbol, date=day)
    document = found.order_by("pk").first()
    if document is None:
        # the documents app keeps the seeds; their demo usually ingested them already
        text = resources.files("doimoi.documents").joinpath("demo_corpus", seed).read_text("utf-8")
        document_services.document_create_from_text(actor=None, unit=units[holder], text=text)
        document = documents.document_list(viewer=admin).get(number=number, symbol=symbol, date=day)
    return document


def _of(directive: Directive, unit: Unit) -> Assignment:
    return Assignment.objects.get(directive=directive, unit=unit)


def _report(
    a: Assignment, on: datetime.date, text: str, *, task: Task | None = None, figures: Any = ()
) -> Any:
    return report_submit(
        actor=None, assignment=a, task=task, narrative=text, figures=figures, on=on
    )


def _province(units: dict[str, Unit], d: Directive, docs: dict[str, Document]) -> None:
    tu = _of(d, units[TU])
    assignment_acknowledge(actor=None, assignment=tu, on=D(2021, 9, 24))
    blocs = [units[DUK_CQ], units[DUK_DN]]
    forward = [
        RequirementSpec("forward", date=D(2022, 3, 31)),
        RequirementSpec("report", date=D(2022, 6, 30)),
    ]
    assignment_forward(
        actor=None,
        assignment=tu,
        document=docs["1335-CV/TU"],
        recipients=blocs,
        requirements=forward,
        sent_on=D(2022, 3, 16),
    )
    plan = [
        RequirementSpec("plan", date=D(2022, 5, 16)),
        RequirementSpec("report", date=D(2022, 6, 30)),
    ]
    assignment_forward(
        actor=None,
        assignment=tu,
        document=docs["1335-CV/TU"],
        recipients=[units[BAO_LOC]],
        requirements=plan,
        sent_on=D(2022, 3, 16),
    )
    dn = _of(d, units[DUK_DN])
    assignment_answer(actor=None, assignment=dn, kind="forward", document=docs["287-CV/ĐUK"])
    figures = [{"label": "Số tổ chức cơ sở đảng đã nhận công văn", "value": 42}]
    report = _report(
        dn,
        D(2022, 6, 20),
        "Đã sao gửi Công văn 1335-CV/TU tới cấp ủy các tổ chức cơ sở đảng trực thuộc (Công văn 287-CV/ĐUK).",
        figures=figures,
    )
    report_accept(actor=None, report=report, on=D(2022, 6, 24))
    report = _report(
        _of(d, units[TU]),
        D(2022, 7, 20),
        "Ban Thường vụ Tỉnh ủy đã ban hành Công văn 1335-CV/TU; các đảng bộ trực thuộc đã triển khai.",
    )
    report_accept(actor=None, report=report, on=D(2022, 7, 25))


def _candidates(issuer: Unit, day: datetime.date) -> list[plan_tasks.Candidate]:
    below = Unit.objects.get_descendants(issuer).filter(valid_from__lte=day)
    return [plan_tasks.Candidate(u.pk, u.name, u.kind, u.depth - issuer.depth) for u in below]


def _city(units: dict[str, Unit], d: Directive, docs: dict[str, Document]) -> None:
    bao_loc, plan = units[BAO_LOC], docs["64-KH/ThU"]
    a = _of(d, bao_loc)
    assignment_acknowledge(actor=None, assignment=a, on=D(2022, 3, 18))
    by_id = {u.pk: u for u in units.values()}
    tasks = [
        TaskSpec(
            unit=by_id[unit_id],
            title=p.heading,
            description=p.body,
            deliverable=DELIVERABLES[p.number],
            due_date=TASK_DUE,
            number=p.number,
        )
        for p in plan_tasks.propose_for(plan.text, _candidates(bao_loc, plan.date or D(2022, 5, 4)))
        for unit_id in p.unit_ids
    ]
    plan_tasks_assign(actor=None, assignment=a, plan=plan, tasks=tasks, sent_on=D(2022, 5, 5))
    pending = {"Đảng ủy xã Đại Lào", "Ban Tuyên giáo Thành ủy Bảo Lộc"}
    for task in Task.objects.filter(directive=d, sender=bao_loc).select_related(
        "unit", "assignment"
    ):
        report = _report(
            task.assignment,
            D(2022, 6, 8),
            f"{task.unit.name} đã thực hiện nhiệm vụ {task.number} của Kế hoạch 64-KH/ThU.",
            task=task,
        )
        if task.unit.name not in pending:
            report_accept(actor=None, report=report, on=D(2022, 6, 13))
    first = _report(
        a,
        D(2022, 6, 27),
        "Thành ủy đã ban hành Kế hoạch 64-KH/ThU và giao nhiệm vụ cho các đơn vị.",
    )
    report_return(
        actor=None,
        report=first,
        reason="Báo cáo chưa nêu số buổi quán triệt và số cán bộ, đảng viên được quán triệt; đề nghị bổ sung số liệu.",
        on=D(2022, 6, 29),
    )
    figures = [
        {"label": "Số buổi quán triệt", "value": 27},
        {"label": "Số cán bộ, đảng viên được quán triệt", "value": 3920},
    ]
    _report(
        a,
        D(2022, 7, 8),
        "Báo cáo bổ sung: các tổ chức cơ sở đảng đã quán triệt Kết luận 14-KL/TW.",
        figures=figures,
    )


@transaction.atomic
def seed_demo(units: dict[str, Unit]) -> None:
    """Create the demo cascades once: the live one dated from today, then the 2022 one (history)."""
    seed_live(units)
    _seed_2022(units)


def _seed_2022(units: dict[str, Unit]) -> None:
    docs = {ref: _document(units, ref) for ref in DOCUMENTS}
    central = units[TW]
    if Directive.objects.filter(document=docs["14-KL/TW"], issuer=central).exists():
        return
    d = directive_create(actor=None, document=docs["14-KL/TW"], issuer=central)
    requirements = [
        RequirementSpec("forward", date=D(2022, 3, 31)),
        RequirementSpec("report", date=D(2022, 7, 29)),
    ]
    directive_distribute(
        actor=None,
        directive=d,
        recipients=[units[TU]],
        requirements=requirements,
        sent_on=D(2021, 9, 22),
    )
    _province(units, d, docs)
    _city(units, d, docs)
