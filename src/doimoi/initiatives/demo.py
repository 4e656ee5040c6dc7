"""Demo cases in the Lâm Đồng units, each driven through the services so the ledger records it.

Adds the people the cases need (a proposer cadre, a second deputy, the provincial head, …) through
``organizations.services``. Idempotent: a case whose title already exists is left alone.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from doimoi.initiatives import services
from doimoi.initiatives.demo_cases import CASES
from doimoi.initiatives.models import Case, RuleSet
from doimoi.initiatives.ruleset_data import seed_rule_sets
from doimoi.organizations.demo import Position, ensure_positions, ensure_user, past
from doimoi.organizations.models import Person, Role, Unit

BL1, BXD, UB = (
    "Đảng ủy phường 1 Bảo Lộc",
    "Ban Xây dựng Đảng Đảng ủy phường 1 Bảo Lộc",
    "Ủy ban nhân dân phường 1 Bảo Lộc",
)
TU_2025 = "Tỉnh ủy Lâm Đồng (từ 01/7/2025)"
# username, full name, positions (a 2022 one ended on 01/07/2025, then the current one)
PEOPLE: list[tuple[str, str, list[Position]]] = [
    (
        "canbo.baoloc",
        "Ngô Thị Sáng",
        [
            past("Thành ủy Bảo Lộc", Role.STAFF, "Chuyên viên Văn phòng Thành ủy"),
            Position(BL1, Role.STAFF, "Chuyên viên Văn phòng Đảng ủy, tổ trưởng tổ chuyển đổi số"),
        ],
    ),
    (
        "phobithu2.baoloc",
        "Lê Quang Vinh",
        [
            past("Thành ủy Bảo Lộc", Role.DEPUTY, "Phó Bí thư Thành ủy, Chủ tịch UBND thành phố"),
            past("Ủy ban nhân dân thành phố Bảo Lộc", Role.HEAD, "Chủ tịch UBND thành phố"),
            Position(BL1, Role.DEPUTY, "Phó Bí thư Đảng ủy, Chủ tịch Ủy ban nhân dân phường"),
            Position(UB, Role.HEAD, "Chủ tịch Ủy ban nhân dân phường"),
        ],
    ),
    (
        "phochutich.baoloc",
        "Trịnh Văn Phúc",
        [
            past("Ủy ban nhân dân thành phố Bảo Lộc", Role.DEPUTY, "Phó Chủ tịch UBND thành phố"),
            Position(UB, Role.DEPUTY, "Phó Chủ tịch Ủy ban nhân dân phường"),
        ],
    ),
    (
        "truongban.btg",
        "Phan Minh Đức",
        [
            past("Ban Tuyên giáo Thành ủy Bảo Lộc", Role.HEAD, "Trưởng Ban Tuyên giáo Thành ủy"),
            Position(BXD, Role.HEAD, "Trưởng Ban Xây dựng Đảng Đảng ủy phường"),
        ],
    ),
    (
        "bithu.tinhuy",
        "Nguyễn Đức Trung",
        [
            past("Tỉnh ủy Lâm Đồng", Role.HEAD, "Bí thư Tỉnh ủy"),
            Position(TU_2025, Role.HEAD, "Bí thư Tỉnh ủy"),
        ],
    ),
    (
        "phobithu.tinhuy",
        "Huỳnh Thị Mai",
        [
            past("Tỉnh ủy Lâm Đồng", Role.DEPUTY, "Phó Bí thư Thường trực Tỉnh ủy"),
            Position(TU_2025, Role.DEPUTY, "Phó Bí thư Thường trực Tỉnh ủy"),
        ],
    ),
]


# Units whose working rules put the standing-committee members in the collective that votes:
# a party committee decides as its standing committee (the seeds' "T/M BAN THƯỜNG VỤ").
COLLECTIVES = {
    BL1: "Quy chế làm việc của Ban Chấp hành Đảng bộ phường 1 Bảo Lộc, nhiệm kỳ 2025-2030",
    TU_2025: "Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh Lâm Đồng, nhiệm kỳ 2025-2030",
}


def ensure_collectives(units: dict[str, Unit]) -> None:
    """The demo units' rules on who votes (set once, through the service)."""
    for name, basis in COLLECTIVES.items():
        if name in units and not services.collective_rule(units[name]).pk:
            services.collective_rule_set(
                actor=None, unit=units[name], standing_members_vote=True, basis=basis
            )


def ensure_people(units: dict[str, Unit]) -> None:
    """The demo people the cases need, with their positions past and present (idempotent)."""
    for username, full_name, positions in PEOPLE:
        ensure_positions(ensure_user(username, full_name), positions, units)


def rule_set(regime: str) -> RuleSet:
    return RuleSet.objects.filter(regime=regime).order_by("-version").first()  # type: ignore[return-value]


class Demo:
    """A small driver: who does what on a case, through the services."""

    def __init__(self, units: dict[str, Unit]) -> None:
        self.units = units
        self.today = timezone.localdate()
        self.users = {u.username: u for u in get_user_model().objects.all()}
        self.numbers: Iterator[int] = iter(())

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
    ensure_collectives(units)
    demo = Demo(units)
    for position, (title, build) in enumerate(CASES):
        if not Case.objects.filter(title=title).exists():
            # each case numbers its decisions from its own block, so a case seeded later (or a
            # database seeded again in the same process) gets the same numbers as on a first seed
            demo.numbers = iter(range(101 + 10 * position, 111 + 10 * position))
            build(demo, title)
