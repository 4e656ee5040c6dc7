"""Demo cases in the Lâm Đồng units, each driven through the services so the ledger records it.

Adds the people the cases need (a proposer cadre, a second deputy, the provincial head, …) through
``organizations.services``. Idempotent: a case whose title already exists is left alone.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from doimoi.initiatives import services
from doimoi.initiatives.demo_cases import CASES
from doimoi.initiatives.models import Case, RuleSet
from doimoi.initiatives.ruleset_data import seed_rule_sets
from doimoi.organizations import services as org_services
from doimoi.organizations.demo import DEMO_PASSWORD
from doimoi.organizations.models import Membership, Person, Role, Unit

# username, full name, unit, role, position title
PEOPLE = [
    (
        "canbo.baoloc",
        "Ngô Thị Sáng",
        "Thành ủy Bảo Lộc",
        Role.STAFF,
        "Chuyên viên Văn phòng Thành ủy, tổ trưởng tổ chuyển đổi số",
    ),
    (
        "phobithu2.baoloc",
        "Lê Quang Vinh",
        "Thành ủy Bảo Lộc",
        Role.DEPUTY,
        "Phó Bí thư Thành ủy, Chủ tịch Ủy ban nhân dân thành phố",
    ),
    (
        "phobithu2.baoloc",
        "Lê Quang Vinh",
        "Ủy ban nhân dân thành phố Bảo Lộc",
        Role.HEAD,
        "Chủ tịch Ủy ban nhân dân thành phố",
    ),
    (
        "phochutich.baoloc",
        "Trịnh Văn Phúc",
        "Ủy ban nhân dân thành phố Bảo Lộc",
        Role.DEPUTY,
        "Phó Chủ tịch Ủy ban nhân dân thành phố",
    ),
    (
        "truongban.btg",
        "Phan Minh Đức",
        "Ban Tuyên giáo Thành ủy Bảo Lộc",
        Role.HEAD,
        "Trưởng Ban Tuyên giáo Thành ủy",
    ),
    ("bithu.tinhuy", "Nguyễn Đức Trung", "Tỉnh ủy Lâm Đồng", Role.HEAD, "Bí thư Tỉnh ủy"),
    (
        "phobithu.tinhuy",
        "Huỳnh Thị Mai",
        "Tỉnh ủy Lâm Đồng",
        Role.DEPUTY,
        "Phó Bí thư Thường trực Tỉnh ủy",
    ),
]


def _user(username: str, full_name: str) -> Person:
    model = get_user_model()
    user = model.objects.filter(username=username).first()
    if user is None:
        user = model.objects.create_user(username=username, password=DEMO_PASSWORD)
    person = Person.objects.filter(user=user).first()
    return person or org_services.person_create(actor=None, full_name=full_name, user=user)


def ensure_people(units: dict[str, Unit]) -> None:
    """The demo people the cases need, with their roles (idempotent)."""
    for username, full_name, unit_name, role, title in PEOPLE:
        person, unit = _user(username, full_name), units[unit_name]
        if not Membership.objects.filter(person=person, unit=unit, role=role).exists():
            org_services.membership_create(
                actor=None,
                person=person,
                unit=unit,
                role=role,
                position_title=title,
                valid_from=unit.valid_from,
            )


def rule_set(regime: str) -> RuleSet:
    return RuleSet.objects.filter(regime=regime).order_by("-version").first()  # type: ignore[return-value]


class Demo:
    """A small driver: who does what on a case, through the services."""

    def __init__(self, units: dict[str, Unit]) -> None:
        self.units = units
        self.today = timezone.localdate()
        self.users = {u.username: u for u in get_user_model().objects.all()}

    def person(self, username: str) -> Person:
        return Person.objects.get(user=self.users[username])

    def start(self, username: str, unit: str, regime: str, title: str, **plan: Any) -> Case:
        case = services.case_create(
            actor=self.users[username],
            unit=self.units[unit],
            rule_set=rule_set(regime),
            title=title,
        )
        return self.do(username, case, "save_draft", **plan) if plan else case

    def do(self, username: str, case: Case, name: str, **data: Any) -> Case:
        return services.transition(actor=self.users[username], case=case, name=name, data=data)

    def days(self, n: int) -> datetime.date:
        return self.today + datetime.timedelta(days=n)


@transaction.atomic
def seed_demo(units: dict[str, Unit]) -> None:
    """Create (once) the demo cases in the Lâm Đồng units."""
    seed_rule_sets(apps)
    ensure_people(units)
    demo = Demo(units)
    for title, build in CASES:
        if not Case.objects.filter(title=title).exists():
            build(demo, title)
