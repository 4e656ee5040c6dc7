"""Figures in the directives' pages and downloads are Vietnamese style: 128.000 and 33,3 %
(issue 9: the rollup and the report figures showed 128000 and no rate)."""

from __future__ import annotations

import datetime
import io
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from doimoi.directives import services
from doimoi.directives.models import Directive
from tests.directives.conftest import WARDS, of

D = datetime.date
pytestmark = pytest.mark.django_db


def client_of(persona: Any, username: str) -> Client:
    client = Client()
    client.force_login(persona(username))
    return client


def test_the_rollup_shows_counts_and_the_completion_rate_vietnamese_style(
    cascade: Directive, ward_plan: Any, persona: Any, at: Any
) -> None:
    ward = of(cascade, WARDS[0])
    with at(2022, 5, 12):
        services.assignment_answer(actor=None, assignment=ward, kind="plan", document=ward_plan)
        report = services.report_submit(
            actor=None,
            assignment=ward,
            narrative="Đã quán triệt tới 100% chi bộ.",
            figures=services.parse_figures("Số lượt người nghe: 128.000\nTỷ lệ đảng viên dự: 12,5"),
        )
        services.report_accept(actor=persona("vanthu.baoloc"), report=report)
    clerk = client_of(persona, "vanthu.baoloc")
    detail = clerk.get(reverse("directives:assignment_detail", args=[ward.pk])).content.decode()
    assert "Số lượt người nghe: 128.000" in detail and "128000" not in detail
    assert "Tỷ lệ đảng viên dự: 12,5" in detail
    page = clerk.get(reverse("directives:directive_detail", args=[cascade.pk])).content.decode()
    assert "Tỷ lệ hoàn thành" in page
    assert '<td data-testid="rate-total">33,3 %</td>' in page  # one of three wards done

    english = client_of(persona, "vanthu.baoloc")
    english.cookies["django_language"] = "en"
    page_en = english.get(
        reverse("directives:directive_detail", args=[cascade.pk]), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "33.3%" in page_en or "33,3 %" in page_en  # English when the user picked it


def test_the_rollup_workbook_stores_figures_with_a_grouped_format(
    cascade: Directive, ward_plan: Any, persona: Any, at: Any
) -> None:
    ward = of(cascade, WARDS[0])
    with at(2022, 5, 12):
        services.assignment_answer(actor=None, assignment=ward, kind="plan", document=ward_plan)
        report = services.report_submit(actor=None, assignment=ward, narrative="Đã quán triệt.")
        services.report_accept(actor=persona("vanthu.baoloc"), report=report)
    clerk = client_of(persona, "vanthu.baoloc")
    url = reverse("directives:directive_export", args=[cascade.pk])
    book = load_workbook(io.BytesIO(clerk.get(url).content))
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[1]]
    assert header[-1] == "Tỷ lệ hoàn thành (%)"
    total = [c for c in sheet[sheet.max_row]]
    assert total[0].value == "Tổng cộng" and total[1].value == 3
    assert total[1].number_format == "#,##0"
    assert total[-1].value == pytest.approx(33.3) and total[-1].number_format == "#,##0.0"
