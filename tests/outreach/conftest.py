"""Outreach on the demo units in force today: Đảng ủy phường 1 Bảo Lộc follows plan 64-KH/ThU;
its two party cells hold study sessions and activities in the last months."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from doimoi.documents import services as documents
from doimoi.organizations.models import Unit
from doimoi.outreach import services
from doimoi.outreach.models import Form, Plan

CORPUS = Path(__file__).resolve().parents[2] / "src/doimoi/documents/demo_corpus"
PLAN_64 = (CORPUS / "000_bb21b65b2818ef4b.txt").read_text(encoding="utf-8")
BL1 = "Đảng ủy phường 1 Bảo Lộc"
CELL_LP, CELL_LT = "Chi bộ khu phố Lộc Phát", "Chi bộ thôn Lộc Thanh"


def unit(name: str) -> Unit:
    return Unit.objects.get(name=name)


def form(name: str) -> Form:
    services.forms_seed()  # the list a data migration makes; a transactional test's flush empties it
    return Form.objects.get(name=name)


def days_ago(n: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=n)


@pytest.fixture
def clerk(persona: Any) -> Any:
    return persona("vanthu.baoloc")


@pytest.fixture
def plan64(demo: dict[str, Any], clerk: Any) -> Plan:
    services.forms_seed()  # as above: the plan's forms are proposed from the managed list
    document = documents.document_create_from_text(actor=None, unit=unit(BL1), text=PLAN_64)
    return services.plan_create(
        actor=clerk,
        document=document,
        unit=unit(BL1),
        starts_on=days_ago(150),
        ends_on=days_ago(-60),
    )


def log(actor: Any, **fields: Any) -> Any:
    """Log an activity with sensible defaults (the fields given win)."""
    spec = services.ActivitySpec(
        unit=fields.pop("unit"),
        form=fields.pop("form", None) or form("Sinh hoạt thường kỳ của tổ chức đảng, đoàn thể"),
        held_on=fields.pop("held_on", None) or days_ago(5),
        title=fields.pop("title", "Sinh hoạt chi bộ chuyên đề"),
        **fields,
    )
    return services.activity_log(actor=actor, spec=spec)
