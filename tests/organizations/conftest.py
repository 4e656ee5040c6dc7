"""A unit admin of the present tree, made through the services, for the people tests."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

import pytest
from django.db.models import Q

from doimoi.organizations import people
from doimoi.organizations.models import Role, Unit, UnitLevel


def in_force() -> Any:
    today = datetime.date.today()
    return Unit.objects.filter(
        Q(valid_to__isnull=True) | Q(valid_to__gt=today), valid_from__lte=today
    ).order_by("path")


@dataclass
class Realm:
    """An admin's province (in force today), a unit under it, and one outside it."""

    admin: Any
    admin_password: str
    province: Unit
    below: Unit
    outside: Unit


@pytest.fixture
def realm(demo: dict[str, Unit], persona: Any) -> Realm:
    province = next(
        u
        for u in in_force().filter(level=UnitLevel.PROVINCE)
        if in_force().filter(path__startswith=u.path).exclude(pk=u.pk).exists()
    )
    below = in_force().filter(path__startswith=province.path).exclude(pk=province.pk).first()
    outside = in_force().exclude(path__startswith=province.path).filter(depth__gt=1).first()
    assert below is not None and outside is not None
    root = persona("admin")
    person, password = people.person_add(
        actor=root,
        unit=province,
        full_name="Đinh Thị Quản Trị",
        role=Role.UNIT_ADMIN,
        position_title="Chuyên viên Văn phòng (quản trị)",
        username="quantri.thu",
    )
    person.must_change_password = False
    person.save()
    return Realm(person.user, password, province, below, outside)
