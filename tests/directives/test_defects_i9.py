"""Defects found when the directives were tried as a new user would (issue 9), one test each."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from doimoi.core.errors import ApplicationError
from doimoi.directives import selectors, services
from doimoi.directives.models import Assignment, Directive, Report
from doimoi.documents.models import Confidentiality
from tests.directives.conftest import CELLS, WARDS, of, requirements, unit

D = datetime.date
pytestmark = pytest.mark.django_db


def client_of(persona: Any, username: str) -> Client:
    client = Client()
    client.force_login(persona(username))
    return client


def test_a_task_list_without_a_deadline_is_refused_not_dropped(
    city_plan: Any, persona: Any, at: Any
) -> None:
    clerk = client_of(persona, "vanthu.baoloc")
    with at(2022, 5, 5):
        directive = services.directive_create(
            actor=persona("vanthu.baoloc"), document=city_plan, issuer=unit("Thành ủy Bảo Lộc")
        )
        url = reverse("directives:directive_distribute", args=[directive.pk])
        response = clerk.post(
            url,
            {
                "by_kind": "grassroots",
                "plan_days": "10",
                "tasks_note": "Tổ chức hội nghị quán triệt.\nBáo cáo số đảng viên dự.",
                "report_period": "once",
                "sent_on": "2022-05-05",
            },
        )
    assert response.status_code == 400
    assert "Đã ghi các nhiệm vụ cụ thể" in response.content.decode()
    assert not Assignment.objects.filter(directive=directive).exists()


def test_the_recipient_reads_the_senders_note_and_task_list_and_opens_the_document(
    city_plan: Any, persona: Any, at: Any
) -> None:
    with at(2022, 5, 5):
        directive = services.directive_create(
            actor=persona("vanthu.baoloc"), document=city_plan, issuer=unit("Thành ủy Bảo Lộc")
        )
        services.directive_distribute(
            actor=persona("vanthu.baoloc"),
            directive=directive,
            recipients=[unit(WARDS[0])],
            requirements=[
                services.RequirementSpec(
                    kind="tasks", days=10, note="Tổ chức hội nghị quán triệt tới chi bộ."
                )
            ],
            sent_on=D(2022, 5, 5),
            note="Gửi kèm tài liệu hỏi đáp; liên hệ Ban Tuyên giáo.",
        )
    ward = of(directive, WARDS[0])
    page = client_of(persona, "bithu.phuong1").get(
        reverse("directives:assignment_detail", args=[ward.pk])
    )
    text = page.content.decode()
    assert "Gửi kèm tài liệu hỏi đáp; liên hệ Ban Tuyên giáo." in text
    assert "Tổ chức hội nghị quán triệt tới chi bộ." in text
    link = reverse("documents:document_detail", args=[city_plan.pk])
    assert f'href="{link}"' in text
    assert client_of(persona, "bithu.phuong1").get(link).status_code == 200
    # another unit's people still cannot open it
    assert client_of(persona, "vanthu.dukdn").get(link).status_code in (403, 404)


def test_a_classified_directive_document_stays_closed_to_the_uncleared(
    city_plan: Any, persona: Any, at: Any
) -> None:
    city_plan.confidentiality = Confidentiality.MAT
    city_plan.save(update_fields=["confidentiality"])
    with at(2022, 5, 5):
        directive = services.directive_create(
            actor=None, document=city_plan, issuer=unit("Thành ủy Bảo Lộc")
        )
        services.directive_distribute(
            actor=None,
            directive=directive,
            recipients=[unit(WARDS[0])],
            requirements=requirements(plan=10),
            sent_on=D(2022, 5, 5),
        )
    ward = of(directive, WARDS[0])
    head = client_of(persona, "bithu.phuong1")
    text = head.get(reverse("directives:assignment_detail", args=[ward.pk])).content.decode()
    link = reverse("documents:document_detail", args=[city_plan.pk])
    assert f'href="{link}"' not in text
    assert head.get(link).status_code in (403, 404)


def _two_sendings(city_plan: Any, persona: Any, at: Any) -> Directive:
    clerk = persona("vanthu.baoloc")
    with at(2022, 5, 5):
        directive = services.directive_create(
            actor=clerk, document=city_plan, issuer=unit("Thành ủy Bảo Lộc")
        )
        services.directive_distribute(
            actor=clerk,
            directive=directive,
            recipients=[unit(WARDS[0])],
            requirements=requirements(plan=D(2022, 5, 20)),
            sent_on=D(2022, 5, 5),
        )
    with at(2022, 5, 9):
        services.directive_distribute(
            actor=clerk,
            directive=directive,
            recipients=[unit(WARDS[1])],
            requirements=requirements(study=D(2022, 5, 18)),
            sent_on=D(2022, 5, 9),
        )
    return directive


def test_the_urging_letter_quotes_the_requirements_each_late_unit_was_given(
    city_plan: Any, persona: Any, at: Any
) -> None:
    directive = _two_sendings(city_plan, persona, at)
    with at(2022, 5, 23):
        urging = services.urging_issue(
            actor=persona("vanthu.baoloc"),
            directive=directive,
            sender=unit("Thành ủy Bảo Lộc"),
            reply_by=D(2022, 6, 10),
            place="Bảo Lộc",
            authority="T/M BAN THƯỜNG VỤ",
            signer_title="Bí thư",
            signer_name="Trần Minh Khải",
        )
    body = urging.body
    first = next(i for i, p in enumerate(body) if p.startswith("Ngày 05/05/2022"))
    second = next(i for i, p in enumerate(body) if p.startswith("Ngày 09/05/2022"))
    assert "tổ chức quán triệt (hạn 18/05/2022)" not in body[first]
    assert "tổ chức quán triệt (hạn 18/05/2022)" in body[second]
    assert "ban hành kế hoạch thực hiện (hạn 20/05/2022)" not in body[second]
    late_under_first = body[first + 2]
    late_under_second = body[second + 2]
    assert late_under_first.startswith(f"- {WARDS[0]}:") and "kế hoạch" in late_under_first
    assert late_under_second.startswith(f"- {WARDS[1]}:") and "quán triệt" in late_under_second


def test_the_dashboards_count_of_reports_to_review_is_its_list(
    cascade: Directive, ward_plan: Any, persona: Any, at: Any
) -> None:
    ward = of(cascade, WARDS[0])
    tasks = [
        services.TaskSpec(
            unit=unit(CELLS[0]),
            title="Chi bộ khu phố 1",
            description="Quán triệt tới đảng viên.",
            deliverable="Biên bản",
            due_date=D(2022, 5, 30),
            number="1",
        )
    ]
    with at(2022, 5, 12):
        dist = services.plan_tasks_assign(
            actor=persona("bithu.phuong1"),
            assignment=ward,
            plan=ward_plan,
            tasks=tasks,
            sent_on=D(2022, 5, 12),
        )
    cell = Assignment.objects.get(distribution=dist)
    with at(2022, 5, 25):
        services.report_submit(
            actor=None, assignment=cell, task=cell.tasks.get(), narrative="Đã quán triệt."
        )
        board = selectors.unit_dashboard(
            viewer=persona("bithu.phuong1"), unit=unit(WARDS[0]), today=D(2022, 5, 25)
        )
        page = client_of(persona, "bithu.phuong1").get(
            reverse("directives:unit_dashboard", args=[unit(WARDS[0]).pk])
        )
    assert board.counts["to_review"] == len(board.to_review) == 1
    assert "1 báo cáo chờ xem xét" in page.content.decode()


def test_a_percentage_is_a_figure() -> None:
    assert services.parse_figures("Tỷ lệ đảng viên dự: 100%\nTỷ lệ chi bộ: 12,5 %") == [
        {"label": "Tỷ lệ đảng viên dự (%)", "value": 100},
        {"label": "Tỷ lệ chi bộ (%)", "value": 12.5},
    ]


def test_a_report_is_backdated_but_not_postdated_nor_before_the_sending(
    cascade: Directive, persona: Any, at: Any
) -> None:
    ward = of(cascade, WARDS[0])
    head = client_of(persona, "bithu.phuong1")
    url = reverse("directives:report_create", args=[ward.pk])
    with at(2022, 6, 20):
        assert 'name="submitted_on"' in head.get(url).content.decode()
        for day, message in (("2022-06-21", "chưa đến"), ("2022-05-04", "trước ngày 05/05/2022")):
            refused = head.post(url, {"narrative": "Đã quán triệt.", "submitted_on": day})
            assert refused.status_code == 400 and message in refused.content.decode()
        done = head.post(url, {"narrative": "Đã quán triệt.", "submitted_on": "2022-06-01"})
    assert done.status_code == 302
    assert Report.objects.get(assignment=ward).submitted_on == D(2022, 6, 1)


def test_same_day_events_read_in_the_order_they_happened(
    city_plan: Any, ward_plan: Any, persona: Any, at: Any
) -> None:
    clerk = persona("vanthu.baoloc")
    with at(2022, 5, 10):
        directive = services.directive_create(
            actor=clerk, document=city_plan, issuer=unit("Thành ủy Bảo Lộc")
        )
        services.directive_distribute(
            actor=clerk,
            directive=directive,
            recipients=[unit(WARDS[0])],
            requirements=requirements(plan=10, report=20),
            sent_on=D(2022, 5, 10),
        )
        ward = of(directive, WARDS[0])
        services.assignment_answer(actor=None, assignment=ward, kind="plan", document=ward_plan)
        report = services.report_submit(actor=None, assignment=ward, narrative="Đã quán triệt.")
        services.report_accept(actor=clerk, report=report)
        events = selectors.cascade_events(viewer=clerk, directive=directive)
    assert [e["kind"] for e in events] == ["accepted", "report", "plan", "sent"]


def test_sending_is_still_refused_in_the_future(city_plan: Any, persona: Any, at: Any) -> None:
    with at(2022, 5, 5), pytest.raises(ApplicationError):
        directive = services.directive_create(
            actor=persona("vanthu.baoloc"), document=city_plan, issuer=unit("Thành ủy Bảo Lộc")
        )
        services.directive_distribute(
            actor=persona("vanthu.baoloc"),
            directive=directive,
            recipients=[unit(WARDS[0])],
            requirements=requirements(plan=10),
            sent_on=D(2022, 5, 6),
        )
