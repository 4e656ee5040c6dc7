"""Pages: who sees what, the plan editor's autosave, transition forms, the other pages."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from docx import Document

from doimoi.initiatives.dossier import case_events
from doimoi.initiatives.models import Case, LimitKey, TimeLimit
from doimoi.initiatives.states import CaseState
from doimoi.organizations import services as org_services
from tests.conftest import LedgerProbe
from tests.initiatives import flow


@pytest.fixture
def as_user(persona: Any) -> Any:
    def login(username: str) -> Client:
        client = Client()
        client.force_login(persona(username))
        return client

    return login


def _detail(case: Case) -> str:
    return reverse("initiatives:case_detail", args=[case.pk])


@pytest.mark.django_db
def test_anonymous_is_sent_to_login(d: Any, client: Client) -> None:
    case = flow.submitted(d)
    for url in (reverse("initiatives:case_list"), _detail(case)):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("username", "sees_draft", "sees_sent"),
    [
        (flow.PROPOSER, True, True),
        (flow.HEAD, False, True),
        (flow.CLERK, False, True),
        (flow.INSPECTOR, False, True),
        (flow.OBSERVER, False, True),
        ("chuyenvien.btg", False, False),  # a board below does not see its committee's cases
        (flow.OUTSIDER, False, False),
        ("admin", True, True),
    ],
)
def test_case_page_permission_matrix(
    d: Any, as_user: Any, username: str, sees_draft: bool, sees_sent: bool
) -> None:
    draft, sent = flow.draft(d), flow.submitted(d)
    client = as_user(username)
    assert client.get(_detail(draft)).status_code == (200 if sees_draft else 404)
    assert client.get(_detail(sent)).status_code == (200 if sees_sent else 404)
    listed = client.get(reverse("initiatives:case_list")).content.decode()
    assert (f'href="{_detail(sent)}"' in listed) is sees_sent
    assert (f'href="{_detail(draft)}"' in listed) is sees_draft


@pytest.mark.django_db
def test_case_page_shows_state_next_actions_deadlines_and_timeline(d: Any, as_user: Any) -> None:
    case = flow.submitted(d)
    html = as_user(flow.HEAD).get(_detail(case)).content.decode()
    assert "Đã gửi, chờ người đứng đầu xem xét" in html
    assert reverse("initiatives:case_transition", args=[case.pk, "put_to_collective"]) in html
    assert "Đưa ra tập thể lãnh đạo xem xét, kể từ khi nhận kế hoạch" in html
    assert "🟡" not in html  # how sure the legal source is: for the administrators who check it
    assert "🟡" in as_user("admin").get(_detail(case)).content.decode()
    assert "Gửi kế hoạch đề xuất tới người đứng đầu" in html  # the ledger timeline
    html = as_user(flow.OBSERVER).get(_detail(case)).content.decode()
    assert "Bạn không có việc cần làm ở bước này." in html


@pytest.mark.django_db
def test_plan_autosaves_through_htmx(d: Any, as_user: Any) -> None:
    case = d.start(flow.PROPOSER, flow.TU, "kl14", "Nháp")
    ledger_probe = LedgerProbe()
    client = as_user(flow.PROPOSER)
    url = reverse("initiatives:case_edit", args=[case.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"title": "Nháp", "necessity": "Cần thiết vì…"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200 and "Đã lưu lúc" in response.content.decode()
    client.post(url, {"title": "Nháp", "necessity": "Cần thiết vì…, vì…"}, HTTP_HX_REQUEST="true")
    case.refresh_from_db()
    assert case.necessity == "Cần thiết vì…, vì…"
    ledger_probe.assert_nothing()  # autosave keeps the text; the ledger records decisions
    saved = client.post(url, {"title": "Nháp", "necessity": "Cần thiết vì…, vì… và vì…"})
    assert saved.status_code == 302
    event = ledger_probe.assert_recorded("initiatives.case.draft_saved", case)
    assert event.payload == {"changed": ["necessity"]}
    assert len(ledger_probe.new()) == 1  # one event per explicit save
    response = client.post(url, {"title": ""}, HTTP_HX_REQUEST="true")
    assert response.status_code == 400 and "save-status error" in response.content.decode()
    assert as_user(flow.HEAD).get(url).status_code == 404  # a draft is the proposer's own: hidden


@pytest.mark.django_db
def test_attachment_hash_goes_into_the_plan_as_sent(
    d: Any, as_user: Any, ledger_probe: Any, settings: Any, tmp_path: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path
    case = flow.draft(d)
    client = as_user(flow.PROPOSER)
    upload = SimpleUploadedFile("du-toan.txt", "Dự toán 30 triệu".encode())
    response = client.post(reverse("initiatives:case_attach", args=[case.pk]), {"file": upload})
    assert response.status_code == 302
    attachment = case.attachments.get()
    download = client.get(reverse("initiatives:attachment", args=[case.pk, attachment.pk]))
    assert b"".join(download.streaming_content).decode() == "Dự toán 30 triệu"  # type: ignore[attr-defined]
    case = d.do(flow.PROPOSER, case, "submit")
    plan = ledger_probe.assert_recorded("initiatives.case.submitted", case).payload["plan"]
    assert plan["attachments"] == [{"name": "du-toan.txt", "sha256": attachment.sha256}]


@pytest.mark.django_db
def test_transition_form_puts_a_refusal_on_the_field_and_moves_on_success(
    d: Any, as_user: Any
) -> None:
    case = flow.ready_to_decide(d)
    # the unit closes today: its register cannot number the decision, the form asks for it
    org_services.unit_close(actor=None, unit=case.unit, valid_to=d.today)
    client = as_user(flow.HEAD)
    url = reverse("initiatives:case_transition", args=[case.pk, "approve"])
    assert client.get(url).status_code == 200
    response = client.post(url, {"decided_on": d.today.isoformat(), "content": "Cho thực hiện."})
    html = response.content.decode()
    assert response.status_code == 400 and 'id="id_decision_symbol_error"' in html
    response = client.post(url, {"decided_on": d.today.isoformat(), "content": "Cho thực hiện.",
                                 "decision_symbol": "31-QĐ/ThU"})  # fmt: skip
    assert response.status_code == 302 and response["Location"] == _detail(case)
    case.refresh_from_db()
    assert case.state == CaseState.APPROVED
    assert as_user(flow.PROPOSER).get(url).status_code == 403


@pytest.mark.django_db
def test_vote_and_checklist_forms_list_the_collective_and_the_items(d: Any, as_user: Any) -> None:
    case = flow.under_review(d, proposer=flow.DEPUTY)
    client = as_user(flow.HEAD)
    html = client.get(
        reverse("initiatives:case_transition", args=[case.pk, "record_vote"])
    ).content.decode()
    assert "Trần Minh Khải (người đứng đầu)" in html and "Lê Quang Vinh (cấp phó)" in html
    assert "Nguyễn Thu Hà" not in html
    html = client.get(
        reverse("initiatives:case_transition", args=[case.pk, "answer_checklist"])
    ).content.decode()
    assert "Không trái với Điều lệ Đảng" in html and "Văn bản dẫn chiếu" in html


@pytest.mark.django_db
def test_list_page_query_count_does_not_grow_with_cases(
    d: Any, as_user: Any, django_assert_max_num_queries: Any
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count() -> int:
        client = as_user(flow.HEAD)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("initiatives:case_list")).status_code == 200
        return len(queries)

    flow.submitted(d)
    count()  # the first request reads the head's scope; the next ones find it kept (its stamp)
    one = count()
    for _ in range(6):
        flow.submitted(d)
    assert count() == one, "the list makes a query per case"
    client = as_user(flow.HEAD)
    with django_assert_max_num_queries(14):  # session, user, scope, cases, filters, panels
        assert client.get(reverse("initiatives:case_list")).status_code == 200


@pytest.mark.django_db
def test_list_filters_by_state_with_an_htmx_fragment(d: Any, as_user: Any) -> None:
    flow.submitted(d)
    client = as_user(flow.HEAD)
    response = client.get(
        reverse("initiatives:case_list"), {"state": "rejected"}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert "<html" not in html and "Không có đề xuất nào khớp với bộ lọc" in html


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["vi", "en"])
def test_list_offers_every_state_and_links_each_case(d: Any, as_user: Any, language: str) -> None:
    """The state filter's options (written once per language and state chosen) list every
    state in the reader's language, the chosen one selected (none for an unknown one), and
    each row links its case as reverse() does."""
    from django.utils import translation

    case = flow.submitted(d)
    client = as_user(flow.HEAD)
    client.cookies["django_language"] = language
    with translation.override(language):
        labels = [(value, str(label)) for value, label in CaseState.choices]
    for chosen in ("", "submitted", "draft", "nothing<b>"):
        html = client.get(reverse("initiatives:case_list"), {"state": chosen}).content.decode()
        for value, label in labels:
            selected = " selected" if value == chosen else ""
            assert f'<option value="{value}"{selected}>{label}</option>' in html
        options = html.split('<select id="case-state"', 1)[1].split("</select>", 1)[0]
        assert options.count(" selected>") == (chosen in CaseState.values)
    html = client.get(reverse("initiatives:case_list")).content.decode()
    assert f'<a href="{reverse("initiatives:case_detail", args=[case.pk])}">' in html


@pytest.mark.django_db
def test_rule_sets_page_marks_unconfirmed_rules_and_the_admin_fills_one(
    d: Any, as_user: Any, ledger_probe: Any
) -> None:
    html = as_user(flow.HEAD).get(reverse("initiatives:rule_set_list")).content.decode()
    assert "❌" in html and "Điều 8 khoản 2" in html and "/quy-tac/thoi-han/" not in html
    limit = TimeLimit.objects.get(rule_set__regime="nd73", key=LimitKey.EVALUATION_FOLLOWUP)
    url = reverse("initiatives:time_limit_edit", args=[limit.pk])
    assert (
        as_user(flow.HEAD).get(url).status_code == 404
    )  # the rule refused on an object: answered as a missing one
    admin = as_user("admin")
    response = admin.post(
        url, {"working_days": 3, "confidence": "confirmed", "basis": "Điều 9 khoản 3"}
    )
    assert response.status_code == 302
    limit.refresh_from_db()
    assert limit.working_days == 3
    ledger_probe.assert_recorded("initiatives.ruleset.limit_set", limit.rule_set)


@pytest.mark.django_db
def test_recognized_cadres_figures_and_home(d: Any, as_user: Any) -> None:
    case = flow.BUILDERS[CaseState.RECOGNIZED](d)
    client = as_user(flow.OBSERVER)
    html = client.get(reverse("initiatives:recognized_list")).content.decode()
    assert "Ngô Thị Sáng" in html and case.title in html
    unit = d.units["Tỉnh ủy Lâm Đồng (từ 01/7/2025)"]
    response = client.get(reverse("initiatives:figures"),
                          {"unit": unit.pk, "start": "2020-01-01", "end": d.today.isoformat()})  # fmt: skip
    html = response.content.decode()
    assert "Được công nhận là mô hình" in html and "Hoàn thành" in html
    assert "Không bị xử lý trách nhiệm" in html and "100,0 %" in html


@pytest.mark.django_db
def test_dossier_docx_lists_every_ledger_hash(d: Any, as_user: Any) -> None:
    case = flow.BUILDERS[CaseState.PROTECTED](d)
    response = as_user(flow.HEAD).get(reverse("initiatives:case_dossier", args=[case.pk, "docx"]))
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    events = case_events(case)
    assert len(events) > 12 and all(e.hash in text for e in events)
    assert "doimoi ledger verify" in text and "Ý kiến của cấp ủy cùng cấp" in text
    assert (
        as_user(flow.OUTSIDER)
        .get(reverse("initiatives:case_dossier", args=[case.pk, "docx"]))
        .status_code
        == 404
    )
