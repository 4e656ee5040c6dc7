"""The outreach pages: the phone form with a photo, the plan's page, the coverage page with its
charts and XLSX, the import page; out of scope answers 404."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook
from PIL import Image

from doimoi.outreach.models import Activity
from tests.outreach.conftest import BL1, CELL_LP, CELL_LT, days_ago, form, log, unit

pytestmark = pytest.mark.django_db


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _photo(width: int = 4000, height: int = 3000) -> io.BytesIO:
    data = io.BytesIO()
    Image.new("RGB", (width, height), (180, 30, 30)).save(data, "JPEG")
    data.seek(0)
    data.name = "IMG_0001.jpg"
    return data


def test_the_phone_form_logs_with_a_photo_resized_and_remembers_unit_and_plan(
    plan64: Any, clerk: Any
) -> None:
    client = _client(clerk)
    url = reverse("outreach:activity_log")
    page = client.get(url)
    assert page.status_code == 200 and 'capture="environment"' in page.content.decode()
    post = {
        "unit": unit(CELL_LP).pk, "plan": plan64.pk, "form": form("Hệ thống truyền thanh phường, xã").pk,
        "held_on": days_ago(1).isoformat(), "title": "Bản tin phát thanh về Kết luận 14",
        "items": [plan64.items.get(number="1").pk], "audience": "1500", "photo": _photo(),
    }  # fmt: skip
    done = client.post(url, post)
    assert done.status_code == 302, done.content.decode()[:2000]
    activity = Activity.objects.get()
    assert (activity.audience, activity.unit.name) == (1500, CELL_LP)
    picture = client.get(reverse("outreach:activity_photo", args=[activity.pk]))
    assert picture.status_code == 200 and picture["Content-Type"] == "image/jpeg"
    assert max(Image.open(io.BytesIO(picture.content)).size) == 1600
    again = client.get(url).context["form"]
    assert (again["unit"].value(), again["plan"].value()) == (unit(CELL_LP).pk, plan64.pk)
    outsider = _client(clerk.__class__.objects.get(username="vanthu.dukdn"))
    assert outsider.get(reverse("outreach:activity_photo", args=[activity.pk])).status_code == 404


def test_a_bad_entry_is_shown_next_to_its_field_and_nothing_is_stored(
    plan64: Any, clerk: Any
) -> None:
    post = {"unit": unit(CELL_LP).pk, "plan": plan64.pk, "form": form("Hội nghị học tập, quán triệt").pk,
            "held_on": days_ago(1).isoformat(), "title": "Quán triệt", "excused": "40", "attended": "1"}  # fmt: skip
    page = _client(clerk).post(reverse("outreach:activity_log"), post)
    assert page.status_code == 400
    assert "lớn hơn số đảng viên" in page.content.decode()
    assert not Activity.objects.exists()


def test_the_coverage_page_draws_its_charts_and_exports_every_table(
    plan64: Any, clerk: Any
) -> None:
    log(
        clerk,
        unit=unit(CELL_LP),
        form=form("Hội nghị học tập, quán triệt"),
        plan=plan64,
        excused=2,
        attended=30,
    )
    log(
        clerk,
        unit=unit(CELL_LT),
        plan=plan64,
        party_members=20,
        items=[plan64.items.get(number="3")],
    )
    client = _client(clerk)
    url = reverse("outreach:plan_coverage", args=[plan64.pk])
    page = client.get(url)
    html = page.content.decode()
    assert page.status_code == 200
    assert (
        html.count("<svg") == 5
    )  # coverage per unit, activities per unit, two lines, stacked forms
    assert "88,2 %" in html and CELL_LP in html
    assert "<script" not in html.split("<main", 1)[1]  # the page's figures need no script
    book = load_workbook(io.BytesIO(client.get(url, {"dinh_dang": "xlsx"}).content))
    assert book.sheetnames == [
        "Đơn vị trực thuộc",
        "Hình thức",
        "Nội dung",
        "Đơn vị được giao",
        "Theo tháng",
    ]
    rows = {r[0]: r for r in book["Đơn vị trực thuộc"].iter_rows(values_only=True)}
    assert rows[CELL_LP][-1] == 88.2
    cell = client.get(url, {"don-vi": unit(CELL_LP).pk})
    assert cell.status_code == 200 and cell.context["cov"].total.activities == 1
    assert client.get(url, {"tu": "2020-13"}).status_code == 400


def test_out_of_scope_pages_answer_404(plan64: Any, persona: Any) -> None:
    outsider = _client(persona("vanthu.dukdn"))
    assert outsider.get(reverse("outreach:plan_detail", args=[plan64.pk])).status_code == 404
    assert outsider.get(reverse("outreach:plan_coverage", args=[plan64.pk])).status_code == 404
    cell_head = _client(persona("bithu.phuong1"))
    assert cell_head.get(reverse("outreach:coverage"), {"don-vi": unit(BL1).pk}).status_code == 404
    assert (
        cell_head.get(reverse("outreach:coverage"), {"don-vi": unit(CELL_LP).pk}).status_code == 200
    )


def test_the_plan_page_confirms_the_parts_kept(plan64: Any, clerk: Any) -> None:
    client = _client(clerk)
    url = reverse("outreach:plan_detail", args=[plan64.pk])
    page = client.get(url)
    assert page.status_code == 200 and "Ban Tuyên giáo Thành ủy" in page.content.decode()
    items = list(plan64.items.all())
    post = {f"item-{i.pk}": "1" for i in items[:5]} | {f"item-{i.pk}-text": i.text for i in items}
    post |= {"forms": [f.pk for f in plan64.forms.all()]}
    post |= {f"assignment-{a.pk}": "1" for a in plan64.assignments.all()}
    assert client.post(url, post).status_code == 302
    plan64.refresh_from_db()
    assert plan64.confirmed_at is not None and plan64.items.count() == 5


def test_the_import_page_reports_rows_by_number(plan64: Any, clerk: Any) -> None:
    from tests.outreach.test_import import row, sheet

    client = _client(clerk)
    template = client.get(reverse("outreach:activity_template"))
    assert (
        template.status_code == 200
        and load_workbook(io.BytesIO(template.content)).sheetnames[0] == "Hoạt động"
    )
    content = sheet(
        [
            row(CELL_LP, f"{days_ago(3):%d/%m/%Y}", "Hệ thống truyền thanh phường, xã", "Bản tin"),
            row(CELL_LP, "hôm qua", "Hệ thống truyền thanh phường, xã", "Bản tin 2"),
        ]
    )
    upload = io.BytesIO(content)
    upload.name = "hoat-dong.xlsx"
    page = client.post(reverse("outreach:activity_import"), {"file": upload})
    html = page.content.decode()
    assert page.status_code == 200 and 'data-row="3"' in html and "hôm qua" in html
    assert Activity.objects.count() == 1


def test_the_administrator_manages_the_list_of_forms(demo: Any, persona: Any) -> None:
    from django.contrib.auth import get_user_model

    from doimoi.outreach.models import Form

    admin = _client(get_user_model().objects.get(username="admin"))
    url = reverse("outreach:form_list")
    assert admin.get(url).status_code == 200
    added = admin.post(
        url,
        {
            "name": "Chiếu phim lưu động",
            "keywords": "chiếu phim",
            "reach": "participants",
            "active": "on",
        },
    )
    assert added.status_code == 302 and Form.objects.get(name="Chiếu phim lưu động").active
    radio = Form.objects.get(name="Hệ thống truyền thanh phường, xã")
    same = admin.post(
        f"{url}?sua={radio.pk}", {"name": "Chiếu phim lưu động", "reach": "listeners"}
    )
    assert same.status_code == 400
    assert _client(persona("vanthu.baoloc")).get(url).status_code == 403
