"""A "Mật" document's directive carries its level: its title reaches only the cleared (issue 10,
finding 3) — not through pages, notifications, e-mail or the API."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.urls import reverse

from doimoi.directives import services
from doimoi.directives.models import Directive, Notification
from doimoi.documents import services as documents
from doimoi.documents.models import Clearance, Confidentiality
from tests.directives.conftest import CITY_PLAN, SENT, WARDS, of, requirements, unit

SECRET_PLAN = CITY_PLAN.replace("KẾ HOẠCH\n", "MẬT\nKẾ HOẠCH\n", 1).replace(
    "thực hiện Kết luận số 14-KL/TW",
    "phương án nhân sự kimcuongmat, thực hiện Kết luận số 14-KL/TW",
)
SECRET_WORD = "kimcuongmat"


@pytest.fixture
def secret_cascade(demo: dict[str, Any], persona: Any, settings: Any) -> Directive:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    city = unit("Thành ủy Bảo Lộc")
    clerk = persona("vanthu.baoloc")
    Clearance.objects.create(
        user=clerk, unit=city, level=Confidentiality.MAT, valid_from=datetime.date(2020, 1, 1)
    )
    document = documents.document_create_from_text(
        actor=None, unit=city, text=SECRET_PLAN, confidentiality=Confidentiality.MAT
    )
    assert SECRET_WORD in document.title
    with time_machine.travel(datetime.datetime(2022, 5, 5, 9, 0), tick=False):
        directive = services.directive_create(actor=clerk, document=document, issuer=city)
        services.directive_distribute(
            actor=clerk,
            directive=directive,
            recipients=[unit(n) for n in WARDS],
            requirements=requirements(plan=datetime.date(2022, 5, 20)),
            sent_on=SENT,
        )
    return directive


def _client(persona: Any, username: str) -> Client:
    client = Client()
    client.force_login(persona(username))
    return client


def _everything(client: Client, directive: Directive, ward: Any) -> str:
    """Every page and API answer where the title could show, as seen by ``client``."""
    a = of(directive, WARDS[0])
    urls = [
        reverse("directives:directive_list"),
        reverse("directives:notification_list"),
        reverse("directives:unit_dashboard", args=[ward.pk]),
        reverse("directives:directive_detail", args=[directive.pk]),
        reverse("directives:assignment_detail", args=[a.pk]),
        f"/api/v1/directives/units/{ward.pk}/assignments",
        f"/api/v1/directives/{directive.pk}/rollup",
        "/",
    ]
    return "\n".join(client.get(u).content.decode() for u in urls)


def test_the_uncleared_never_see_a_classified_directives_title(
    secret_cascade: Directive, persona: Any
) -> None:
    ward = unit(WARDS[0])
    seen = _everything(_client(persona, "bithu.phuong1"), secret_cascade, ward)
    assert SECRET_WORD not in seen
    user = persona("bithu.phuong1")
    assert SECRET_WORD not in " ".join(
        Notification.objects.restrict(user).filter(user=user).values_list("message", flat=True)
    )
    mailed = [m for m in mail.outbox if "bithu.phuong1" in " ".join(m.to)]
    assert all(SECRET_WORD not in m.body + m.subject for m in mailed)
    assert (
        _client(persona, "bithu.phuong1")
        .get(reverse("directives:assignment_detail", args=[of(secret_cascade, WARDS[0]).pk]))
        .status_code
        == 404
    )


def test_the_cleared_see_it(secret_cascade: Directive, persona: Any) -> None:
    ward = unit(WARDS[0])
    Clearance.objects.create(
        user=persona("bithu.phuong1"),
        unit=ward,
        level=Confidentiality.MAT,
        valid_from=datetime.date(2020, 1, 1),
    )
    seen = _everything(_client(persona, "bithu.phuong1"), secret_cascade, ward)
    assert SECRET_WORD in seen
    assert SECRET_WORD in _everything(_client(persona, "vanthu.baoloc"), secret_cascade, ward)
