"""The compose and figures pages: who may open them, the live preview, the draft, the XLSX."""

from __future__ import annotations

import datetime
import io
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from docx import Document as open_docx
from openpyxl import load_workbook

from doimoi.organizations.models import Unit


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _post(ward: dict[str, Any], **extra: str) -> dict[str, str]:
    return {
        "unit": str(ward["unit"].pk),
        "template": "plan",
        "kind": "party",
        "source": "1335-CV/TU",
        "option": "approve",
        **extra,
    }


@pytest.mark.django_db
def test_prefill_then_preview_then_draft(ward: dict[str, Any]) -> None:
    client = _client(ward["clerk"])
    page = client.get(reverse("reporting:compose"))
    assert page.status_code == 200 and "Đảng ủy phường 1 Bảo Lộc" in page.content.decode()
    filled = client.post(reverse("reporting:compose"), _post(ward, action="prefill"))
    html = filled.content.decode()
    assert filled.status_code == 200 and "II. NHIỆM VỤ, GIẢI PHÁP" in html
    body = filled.context["form"]["body"].value()
    data = _post(ward, title="thực hiện Công văn 1335-CV/TU", body=body, signer_name="A",
                 signer_title="Bí thư", place="Bảo Lộc")  # fmt: skip
    preview = client.post(reverse("reporting:compose_preview"), data, HTTP_HX_REQUEST="true")
    text = preview.content.decode()
    assert "<html" not in text and "KẾ HOẠCH" in text and "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    draft = client.post(reverse("reporting:compose"), {**data, "action": "draft"})
    lines = [p.text for p in open_docx(io.BytesIO(draft.content)).paragraphs]
    assert "KẾ HOẠCH" in lines and "II. NHIỆM VỤ, GIẢI PHÁP" in lines


@pytest.mark.django_db
def test_a_unit_outside_ones_roles_is_not_offered(ward: dict[str, Any], persona: Any) -> None:
    client = _client(persona("vanthu.dukdn"))
    response = client.post(reverse("reporting:compose"), _post(ward, action="draft"))
    assert response.status_code == 400 and "unit" in response.context["form"].errors


@pytest.mark.django_db
def test_figures_page_charts_and_xlsx(demo: Any, persona: Any) -> None:
    client = _client(persona("quantri.lamdong"))
    unit = Unit.objects.get(name="Tỉnh ủy Lâm Đồng")
    query = {"unit": unit.pk, "topic": "kl14", "period": "year", "day": datetime.date.today()}
    response = client.get(reverse("reporting:figures"), query)
    html = response.content.decode()
    assert response.status_code == 200 and "Thực hiện văn bản chỉ đạo" in html
    assert html.count("<svg") == 4 and "Thành ủy Bảo Lộc" in html
    xlsx = client.get(reverse("reporting:figures"), {**query, "dinh_dang": "xlsx"})
    assert load_workbook(io.BytesIO(xlsx.content)).sheetnames[1] == "Thực hiện văn bản chỉ đạo"


@pytest.mark.django_db
def test_figures_of_a_unit_out_of_scope_are_refused(demo: Any, persona: Any) -> None:
    client = _client(persona("bithu.phuong1"))
    unit = Unit.objects.get(name="Tỉnh ủy Lâm Đồng")
    query = {"unit": unit.pk, "topic": "kl14", "period": "year"}
    assert client.get(reverse("reporting:figures"), query).status_code in (400, 404)


@pytest.mark.django_db
def test_figures_page_for_one_directive_and_for_dissemination(demo: Any, persona: Any) -> None:
    from django.core.management import call_command

    call_command("seed_demo", verbosity=0)
    client = _client(persona("quantri.lamdong"))
    unit = Unit.objects.get(name="Tỉnh ủy Lâm Đồng (từ 01/7/2025)")
    query = {"unit": unit.pk, "topic": "directive", "period": "year", "directive": "01-KH/TU"}
    html = client.get(reverse("reporting:figures"), query).content.decode()
    assert "Thực hiện Kế hoạch số 01-KH/TU" in html  # the draft handed to the compose page
    missing = client.get(reverse("reporting:figures"), {**query, "directive": "999-KH/TU"})
    assert missing.status_code == 400
    assert "Không tìm thấy văn bản chỉ đạo 999-KH/TU" in missing.content.decode()
    query = {"unit": unit.pk, "topic": "outreach", "period": "year"}
    html = client.get(reverse("reporting:figures"), query).content.decode()
    assert "<caption>Tuyên truyền, học tập, quán triệt</caption>" in html
    assert "<caption>Thực hiện văn bản chỉ đạo</caption>" not in html
    assert html.count("<svg") == 2
