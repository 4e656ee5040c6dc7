"""People pages: the admin's subtree only (404 outside), temporary passwords, the XLSX import."""

from __future__ import annotations

import io
import re
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook
from tests.conftest import password_login
from tests.organizations.conftest import Realm
from tests.organizations.test_people_import import xlsx

from doimoi.organizations import people
from doimoi.organizations.models import Membership, Role


def _as(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_out_of_the_subtree_answers_404(realm: Realm, persona: Any) -> None:
    stranger, _pw = people.person_add(
        actor=persona("admin"), unit=realm.outside, full_name="Ngoài Phạm Vi", role=Role.STAFF,
        username="ngoai.phamvi",
    )  # fmt: skip
    client = _as(realm.admin)
    membership = Membership.objects.get(person=stranger)
    for url in (
        reverse("organizations:person_detail", args=[stranger.pk]),
        reverse("organizations:person_detail", args=[10**9]),
        reverse("organizations:position_give", args=[stranger.pk]),
        reverse("organizations:account_deactivate", args=[stranger.pk]),
        reverse("organizations:person_add", args=[realm.outside.pk]),
        reverse("organizations:position_end", args=[membership.pk]),
    ):
        assert client.get(url).status_code == 404, url
    reset = client.post(reverse("organizations:password_reset", args=[stranger.pk]))
    assert reset.status_code == 404
    listing = client.get(reverse("organizations:people_list")).content.decode()
    assert "Ngoài Phạm Vi" not in listing and "Đinh Thị Quản Trị" in listing
    assert _as(persona("bithu.baoloc")).get(reverse("organizations:people_list")).status_code == 403


def test_admin_adds_a_person_who_must_change_the_temporary_password(
    realm: Realm, ledger_probe: Any
) -> None:
    admin = _as(realm.admin)
    response = admin.post(
        reverse("organizations:person_add", args=[realm.below.pk]),
        {"full_name": "Cao Thị Chín", "username": "chin.cao", "role": Role.CLERK,
         "position_title": "Văn thư", "valid_from": realm.below.valid_from.isoformat()},
    )  # fmt: skip
    html = response.content.decode()
    assert response.status_code == 200, html
    password = re.search(r'data-testid="temp-password">([^<]+)<', html).group(1)  # type: ignore[union-attr]
    user = Client()
    signed_in = user.post(reverse("login"), {"username": "chin.cao", "password": password})
    assert signed_in["Location"] == reverse("password_change")
    assert user.get("/")["Location"] == reverse("password_change")  # every page leads there
    weak = user.post(
        reverse("password_change"),
        {"old_password": password, "new_password1": "12345678", "new_password2": "12345678"},
    )
    assert weak.status_code == 400 and "Mật khẩu này hoàn toàn là số." in weak.content.decode()
    new = "Sương-mù-Bảo-Lộc-7"
    done = user.post(
        reverse("password_change"),
        {"old_password": password, "new_password1": new, "new_password2": new},
    )
    assert done["Location"] == reverse("home")
    assert user.get("/").status_code == 200
    assert password_login(Client(), "chin.cao", new)


def test_person_page_lists_positions_past_and_present(realm: Realm) -> None:
    person, _pw = people.person_add(
        actor=realm.admin, unit=realm.below, full_name="Kha Văn Mười", role=Role.STAFF,
        position_title="Chuyên viên", valid_from=realm.below.valid_from,
    )  # fmt: skip
    end = reverse("organizations:position_end", args=[person.memberships.get().pk])
    admin = _as(realm.admin)
    assert admin.post(end, {"valid_to": realm.below.valid_from.isoformat()}).status_code == 302
    give = reverse("organizations:position_give", args=[person.pk])
    form = {"unit": realm.province.pk, "role": Role.DEPUTY, "position_title": "Phó Trưởng ban",
            "valid_from": realm.province.valid_from.isoformat()}  # fmt: skip
    assert admin.post(give, form).status_code == 302
    html = admin.get(reverse("organizations:person_detail", args=[person.pk])).content.decode()
    assert html.count('class="in-force"') == 1 and html.count('class="past"') == 1
    assert "Chuyên viên" in html and "Phó Trưởng ban" in html and "đã thôi" in html


def test_import_page_reports_bad_rows_and_the_template_downloads(realm: Realm) -> None:
    admin = _as(realm.admin)
    template = admin.get(reverse("organizations:people_template"))
    assert template["Content-Type"].startswith("application/vnd.openxmlformats")
    assert load_workbook(io.BytesIO(template.content)).worksheets[0]["A1"].value == "Họ và tên"
    content = xlsx(
        [
            ["Bùi Văn Một", "", realm.below.name, "Văn thư", "", "", ""],
            ["Bùi Văn Hai", "", realm.below.name, "Thủ quỹ", "", "", ""],
        ]
    )
    upload = SimpleUploadedFile("can-bo.xlsx", content)
    html = admin.post(reverse("organizations:people_import"), {"file": upload}).content.decode()
    assert 'data-testid="import-errors"' in html
    assert re.search(r"<td>3</td><td>[^<]*Thủ quỹ", html)
    assert "Chức vụ mới: 1" in html
