"""Fixtures of the reporting tests (the browser test uses them too): a unit in force today that
received 1335-CV/TU, with a clerk and a head."""

from __future__ import annotations

import datetime
from importlib import resources
from typing import Any

import pytest

from doimoi.documents import services as documents
from doimoi.organizations.models import Membership, Person, Role, Unit

WARD = "Đảng ủy phường 1 Bảo Lộc"


def seed_text(name: str) -> str:
    return resources.files("doimoi.documents").joinpath("demo_corpus", name).read_text("utf-8")


@pytest.fixture
def ward(demo: dict[str, Any], persona: Any) -> dict[str, Any]:
    """Đảng ủy phường 1 Bảo Lộc (in force today): its clerk is vanthu.baoloc, its head a new
    person; it holds the seed that carries 1335-CV/TU (as its clerk would have ingested it)."""
    unit = Unit.objects.get(name=WARD)
    if unit.valid_to is not None and unit.valid_to <= datetime.date.today():
        raise LookupError(f"{WARD} is no longer in force")
    clerk = persona("vanthu.baoloc")
    start = unit.valid_from
    Membership.objects.get_or_create(
        person=clerk.person, unit=unit, role=Role.CLERK,
        defaults={"position_title": "Văn thư Văn phòng Đảng ủy", "valid_from": start},
    )  # fmt: skip
    head, _new = Person.objects.get_or_create(full_name="Phan Thị Thanh Hương")
    Membership.objects.get_or_create(
        person=head, unit=unit, role=Role.HEAD,
        defaults={"position_title": "Bí thư Đảng ủy phường", "valid_from": start},
    )  # fmt: skip
    documents.document_create_from_text(
        actor=None, unit=unit, text=seed_text("004_d465b73f169d6f0b.txt")
    )
    return {"unit": unit, "clerk": clerk, "head": head}
