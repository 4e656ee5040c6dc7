"""Pages: thin views over the services; errors shown on the field at fault; htmx partials."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from doimoi.core.views import links
from doimoi.directives import selectors
from doimoi.directives.models import Assignment, CascadeStamp, Directive, Report
from doimoi.directives.states import AssignmentState
from doimoi.documents import services as documents
from doimoi.documents.models import Confidentiality
from tests.directives.conftest import WARD_PLAN, WARDS, forward_to_cells, of, unit

QUERIES_AFTER_A_WRITE = 10  # session, user, directive, summary, late, tree, timeline, …

D = datetime.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def as_user(persona: Any) -> Any:
    def login(username: str) -> Client:
        client = Client()
        client.force_login(persona(username))
        return client

    return login


def test_create_and_send_from_the_forms(city_plan: Any, as_user: Any, at: Any) -> None:
    clerk = as_user("vanthu.baoloc")
    with at(2022, 5, 5):
        city = Assignment._meta.apps.get_model("organizations", "Unit").objects.get(
            name="Thành ủy Bảo Lộc"
        )
        response = clerk.post(
            reverse("directives:directive_create"), {"document": city_plan.pk, "issuer": city.pk}
        )
        directive = Directive.objects.get(document=city_plan)
        assert response["Location"] == reverse(
            "directives:directive_distribute", args=[directive.pk]
        )
        url = reverse("directives:directive_distribute", args=[directive.pk])
        refused = clerk.post(
            url, {"by_kind": "grassroots", "sent_on": "2022-05-05", "report_period": "once"}
        )
        assert refused.status_code == 400 and "Chọn ít nhất một yêu cầu" in refused.content.decode()
        sent = clerk.post(
            url,
            {
                "by_kind": "grassroots",
                "plan_days": "10",
                "report_date": "2022-06-30",
                "report_period": "once",
                "sent_on": "2022-05-05",
            },
        )
    assert sent.status_code == 302
    assert sorted(directive.assignments.values_list("unit__name", flat=True)) == sorted(WARDS)


def test_directive_page_full_partial_children_and_export(
    cascade: Directive, ward_plan: Any, as_user: Any, django_assert_max_num_queries: Any, at: Any
) -> None:

    with at(2022, 5, 12):
        forward_to_cells(of(cascade, WARDS[0]), ward_plan)
    clerk, url = as_user("vanthu.baoloc"), reverse("directives:directive_detail", args=[cascade.pk])
    with at(2022, 6, 1), django_assert_max_num_queries(15):  # 19 before the timeline was one
        page = clerk.get(url).content.decode()
    assert "Tổng hợp theo cấp" in page and "Lịch sử thay đổi" in page
    assert 'data-testid="late-units"' in page and "Đảng ủy xã Đại Lào" in page
    partial = clerk.get(url, {"yeu_cau": "plan"}, headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in partial and 'data-testid="rollup"' in partial
    children = clerk.get(
        reverse("directives:cascade_children", args=[cascade.pk, of(cascade, WARDS[0]).pk])
    ).content.decode()
    assert "Chi bộ khu phố 1" in children and "Chi bộ khu phố 2" in children
    export = clerk.get(reverse("directives:directive_export", args=[cascade.pk]))
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")
    assert export.content[:2] == b"PK"


def test_answer_by_pasting_the_plan_and_report_with_a_file(
    cascade: Directive, as_user: Any, settings: Any, tmp_path: Any, at: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path
    head, ward = as_user("bithu.phuong1"), of(cascade, WARDS[0])
    with at(2022, 5, 12):
        answered = head.post(
            reverse("directives:assignment_answer", args=[ward.pk]),
            {"kind": "plan", "text": WARD_PLAN},
        )
        assert answered.status_code == 302
        upload = SimpleUploadedFile(
            "bien-ban.pdf", b"%PDF-1.4 minimal", content_type="application/pdf"
        )
        reported = head.post(
            reverse("directives:report_create", args=[ward.pk]),
            {
                "narrative": "Đã quán triệt tới 2 chi bộ.",
                "figures": "Số chi bộ: 2",
                "document_reference": "15-BC/ĐU",
                "attachments": [upload],
            },
        )
    assert reported.status_code == 302
    ward.refresh_from_db()
    assert (ward.plan_document.reference, ward.state) == ("12-KH/ĐU", AssignmentState.REPORTED)
    report = Report.objects.get(assignment=ward)
    assert report.figures == [{"label": "Số chi bộ", "value": 2}]
    attachment = report.attachments.get()
    assert attachment.name == "bien-ban.pdf"
    download = head.get(reverse("directives:report_attachment", args=[report.pk, attachment.pk]))
    assert b"".join(download.streaming_content) == b"%PDF-1.4 minimal"
    clerk = as_user("vanthu.baoloc")
    with at(2022, 5, 13):
        refused = clerk.post(
            reverse("directives:report_review", args=[report.pk]),
            {"decision": "return", "reason": ""},
        )
        assert refused.status_code == 400 and 'id="id_reason_error"' in refused.content.decode()
        clerk.post(
            reverse("directives:report_review", args=[report.pk]),
            {"decision": "return", "reason": "Thiếu biên bản."},
        )
    assert Report.objects.get(pk=report.pk).state == "returned"


@pytest.mark.present  # the whole demo, seeded today: the clerk reads her closed unit's plan
def test_plan_tasks_page_proposes_the_four_tasks_of_seed_000(
    demo: dict[str, Any], as_user: Any
) -> None:
    apps.get_app_config("documents").seed_demo(demo)
    apps.get_app_config("directives").seed_demo(demo)
    city = Assignment.objects.get(unit__name="Thành ủy Bảo Lộc", directive__document__number="14")
    url = reverse("directives:plan_tasks", args=[city.pk])
    page = as_user("vanthu.baoloc").get(url, {"ke_hoach": city.plan_document_id}).content.decode()
    assert page.count('data-testid="task-row"') == 4
    assert "Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội thành phố" in page


def test_urging_page_lists_late_units_and_home_shows_the_panel(
    cascade: Directive, as_user: Any, at: Any
) -> None:
    clerk = as_user("vanthu.baoloc")
    with at(2022, 5, 23):
        page = clerk.get(reverse("directives:urging_create", args=[cascade.pk])).content.decode()
        home = as_user("bithu.phuong1").get(reverse("home")).content.decode()
    assert 'data-testid="urging-late"' in page and "Đảng ủy xã Đại Lào" in page
    assert 'value="Trần Minh Khải"' in page and 'value="Bí thư"' in page
    assert "Chỉ đạo, thực hiện" in home and "70-KH/ThU" in home
    assert "quá hạn" in home  # its plan was due on 20/05


def test_assignment_page_links_the_documents_its_viewer_may_open(
    cascade: Directive, persona: Any, at: Any
) -> None:
    """The page reads its documents with whether the viewer may open each, in one statement:
    it links exactly those ``documents.view_document`` allows (the ward forwards a "Mật" plan of
    its own, which the cells' uncleared viewers see named, not linked)."""
    secret = documents.document_create_from_text(
        actor=None, unit=unit(WARDS[0]), text=WARD_PLAN, confidentiality=Confidentiality.MAT
    )
    with at(2022, 5, 12):
        forward_to_cells(of(cascade, WARDS[0]), secret)
    seen = set()
    for name in (WARDS[0], "Chi bộ khu phố 1"):
        a = of(cascade, name)
        for username in ("vanthu.baoloc", "bithu.baoloc", "bithu.phuong1", "vanthu.dukdn"):
            user = persona(username)
            client = Client()
            client.force_login(user)
            response = client.get(reverse("directives:assignment_detail", args=[a.pk]))
            if response.status_code == 404:
                continue
            page = response.content.decode()
            for testid, document in (
                ("directive-document", a.directive.document),
                ("received-document", a.distribution.document),
            ):
                may = user.has_perm("documents.view_document", document)
                assert (f'data-testid="{testid}"' in page) == may, (name, username, testid)
                seen.add(may)
    assert seen == {True, False}  # both answers were put to the test


def test_row_links_are_the_reversed_urls() -> None:
    detail, below = links("directives:assignment_detail"), links("directives:cascade_children", 7)
    for pk in (1, 9, 10, 987654321987, 123456789):
        assert detail(pk) == reverse("directives:assignment_detail", args=[pk])
        assert below(pk) == reverse("directives:cascade_children", args=[7, pk])


def test_directive_page_counted_again_after_a_write(
    cascade: Directive, ward_plan: Any, as_user: Any, django_assert_num_queries: Any, at: Any
) -> None:
    """After a write to the cascade nothing of the page is kept: it counts again, in the same
    statements as its first view but the subtree runs' one (kept under the scope stamp)."""
    clerk, url = as_user("vanthu.baoloc"), reverse("directives:directive_detail", args=[cascade.pk])
    with at(2022, 6, 1):
        with CaptureQueriesContext(connection) as captured:
            first = clerk.get(url).content.decode()
        CascadeStamp.objects.filter(directive_id=cascade.pk).update(token="a", timeline_token="b")
        with django_assert_num_queries(QUERIES_AFTER_A_WRITE):
            again = clerk.get(url).content.decode()
    runs = [q["sql"] for q in captured if "LAG(child)" in q["sql"]]
    assert len(runs) == (connection.vendor == "postgresql")  # read once, then kept
    token = re.compile(r"[A-Za-z0-9]{64}")  # the form's CSRF token, masked anew per response
    assert token.sub("", again) == token.sub("", first)
    for ward in WARDS:
        assert (
            f'href="{reverse("directives:assignment_detail", args=[of(cascade, ward).pk])}"'
            in again
        )


def test_timeline_counts_the_units_each_viewer_sees(cascade: Directive, persona: Any) -> None:
    """A sending's size is the number of its units the viewer sees (counted in the sendings'
    own statement): the city's clerk sees its three wards, a ward's secretary its own."""
    from_city = selectors.cascade_events(viewer=persona("vanthu.baoloc"), directive=cascade)
    from_ward = selectors.cascade_events(viewer=persona("bithu.phuong1"), directive=cascade)
    assert [e["n"] for e in from_city if e["kind"] == "sent"] == [3]
    assert [e["n"] for e in from_ward if e["kind"] == "sent"] == [1]


def test_directive_list_links_each_directive(cascade: Directive, as_user: Any) -> None:
    """The list's rows link their directive's page as reverse() does (reversed once a page)."""
    html = as_user("vanthu.baoloc").get(reverse("directives:directive_list")).content.decode()
    detail = reverse("directives:directive_detail", args=[cascade.pk])
    assert f'<td><a href="{detail}">{cascade.title}</a></td>' in html
