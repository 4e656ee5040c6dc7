"""The permission matrix (issue 10, acceptance 2), one table for the whole app.

Every page and API operation on a unit's object × every role, held in the object's unit, its
parent, a sibling and a child, with and without a clearance × every confidentiality level →
allowed (200) or 404 — never 403 for what one may not see, never a title in a list or a search.
Runs on SQLite and, in the PostgreSQL pass, on PostgreSQL.
"""

from __future__ import annotations

import datetime
import itertools
from dataclasses import dataclass
from typing import Any

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.test import Client

from doimoi.directives import services as directives
from doimoi.documents import services as documents
from doimoi.documents.models import Clearance, Document, DocumentCopy
from doimoi.initiatives.models import Case, RuleSet
from doimoi.initiatives.states import CaseState
from doimoi.organizations.models import Membership, Person, Role, Unit

UNIT, PARENT, SIBLING, CHILD = "unit", "parent", "sibling", "child"
PLACES = {
    UNIT: "Thành ủy Bảo Lộc",
    PARENT: "Tỉnh ủy Lâm Đồng",
    SIBLING: "Đảng ủy Khối Doanh nghiệp tỉnh Lâm Đồng",
    CHILD: "Đảng ủy phường 1",
}
LEVELS = (0, 1, 2, 3)
WORD = "matranquyen"  # searched for (the page echoes the query itself)
MARK = "kimtuyenquyen"  # in every title: what a list or a search must not show the unauthorized

TEXT = """THÀNH ỦY BẢO LỘC
*
Số {n}-KH/ThU
ĐẢNG CỘNG SẢN VIỆT NAM
Bảo Lộc, ngày 04 tháng 5 năm 2022

KẾ HOẠCH
về việc thử ma trận quyền {word} {mark} số {n}

Nội dung kế hoạch số {n}.

T/M BAN THƯỜNG VỤ
BÍ THƯ

Trần Minh Khải
"""


@dataclass(frozen=True)
class Who:
    place: str
    role: str
    cleared: bool

    @property
    def username(self) -> str:
        return f"m.{self.place}.{self.role}.{int(self.cleared)}"


CAST = [Who(p, r, c) for p, r, c in itertools.product(PLACES, Role.values, (False, True))]


def _cast(units: dict[str, Unit]) -> None:
    """One user per place × role × cleared (Tuyệt mật, over their own unit)."""
    for who in CAST:
        user = get_user_model().objects.create_user(username=who.username, password="x")
        person = Person.objects.create(user=user, full_name=who.username)
        Membership.objects.create(person=person, unit=units[who.place], role=who.role)
        if who.cleared:
            Clearance.objects.create(
                user=user, unit=units[who.place], level=3, valid_from=datetime.date(2020, 1, 1)
            )


@pytest.fixture
def units(demo: dict[str, Any]) -> dict[str, Unit]:
    found = {place: demo[name] for place, name in PLACES.items()}
    _cast(found)
    return found


def _document(units: dict[str, Unit], level: int, n: int) -> Document:
    text = TEXT.format(n=n, word=WORD, mark=MARK)
    return documents.document_create_from_text(
        actor=None, unit=units[UNIT], text=text, confidentiality=level
    )


def _directive(units: dict[str, Unit], level: int) -> Any:
    document = _document(units, level, 900 + level)
    with time_machine.travel(datetime.datetime(2022, 5, 5, 9, 0), tick=False):
        directive = directives.directive_create(actor=None, document=document, issuer=units[UNIT])
        directives.directive_distribute(
            actor=None,
            directive=directive,
            recipients=[units[CHILD]],
            requirements=[
                directives.RequirementSpec(kind="report", date=datetime.date(2022, 6, 30))
            ],
            sent_on=datetime.date(2022, 5, 5),
        )
    return directive


def _case(units: dict[str, Unit]) -> Case:
    proposer = Person.objects.create(full_name="Người đề xuất ma trận")
    return Case.objects.create(
        rule_set=RuleSet.objects.order_by("pk").first(),
        state=CaseState.SUBMITTED,
        proposer=proposer,
        unit=units[UNIT],
        decider=units[UNIT],
        title=f"Đề xuất {WORD} {MARK}",
    )


def _cast_for(level: int) -> list[Who]:
    """Everyone; for an unclassified object a clearance changes nothing, so one of each."""
    return CAST if level else [w for w in CAST if not w.cleared]


def _sees(who: Who, level: int, places: set[str]) -> bool:
    return who.place in places and (level == 0 or who.cleared)


def _get(client: Client, url: str) -> tuple[int, str]:
    response = client.get(url)
    body = b"" if response.streaming else response.content
    return response.status_code, body.decode(errors="replace")


def _check(client: Client, pages: list[str], lists: list[str], sees: bool) -> list[str]:
    """What in the pages and lists disagrees with ``sees`` (empty: all as the table says)."""
    wrong = []
    for url in pages:
        status, _body = _get(client, url)
        if status != (200 if sees else 404):
            wrong.append(f"{url} → {status}")
    for url in lists:
        status, body = _get(client, url)
        if status != 200 or (MARK in body) != sees:
            wrong.append(f"{url} → {status}, title shown: {MARK in body}")
    return wrong


@pytest.mark.parametrize("level", LEVELS)
def test_documents_matrix(units: dict[str, Unit], level: int) -> None:
    document = _document(units, level, 800 + level)
    copy = DocumentCopy.objects.filter(document=document).first()
    pages = [f"/van-ban/{document.pk}/", f"/api/v1/documents/{document.pk}"]
    if copy is not None and copy.stored_file_id:
        pages.append(f"/van-ban/{document.pk}/tep/{copy.pk}/")
    lists = [f"/van-ban/?q={WORD}", f"/api/v1/documents/?q={WORD}"]
    wrong, client = [], Client()
    for who in _cast_for(level):
        client.force_login(get_user_model().objects.get(username=who.username))
        sees = _sees(who, level, {UNIT, PARENT})
        wrong += [f"{who.username}: {w}" for w in _check(client, pages, lists, sees)]
    assert wrong == []


@pytest.mark.parametrize("level", LEVELS)
def test_directives_matrix(units: dict[str, Unit], level: int) -> None:
    directive = _directive(units, level)
    assignment = directive.assignments.get()
    pages = [
        f"/chi-dao/{directive.pk}/",
        f"/chi-dao/{directive.pk}/xlsx/",
        f"/chi-dao/{directive.pk}/cay/{assignment.pk}/",
        f"/chi-dao/nhiem-vu/{assignment.pk}/",
        f"/api/v1/directives/{directive.pk}/rollup",
    ]
    lists = ["/chi-dao/"]
    childs = [  # the child's own lists: theirs and their superiors', each title as classified
        f"/chi-dao/don-vi/{units[CHILD].pk}/",
        f"/api/v1/directives/units/{units[CHILD].pk}/assignments",
    ]
    wrong, client = [], Client()
    for who in _cast_for(level):
        client.force_login(get_user_model().objects.get(username=who.username))
        sees = _sees(who, level, {UNIT, PARENT, CHILD})
        if who.place == SIBLING:  # the child's lists are not theirs: missing, as for anyone
            wrong += [f"{who.username}: {w}" for w in _check(client, childs, [], False)]
            shown_lists = lists
        else:
            shown_lists = lists + childs
        wrong += [f"{who.username}: {w}" for w in _check(client, pages, shown_lists, sees)]
    assert wrong == []


def test_cases_matrix(units: dict[str, Unit]) -> None:
    case = _case(units)
    pages = [f"/de-xuat/{case.pk}/", f"/api/v1/initiatives/{case.pk}"]
    lists = ["/de-xuat/", "/api/v1/initiatives/"]
    wrong, client = [], Client()
    for who in _cast_for(0):
        client.force_login(get_user_model().objects.get(username=who.username))
        sees = _sees(who, 0, {UNIT, PARENT})
        wrong += [f"{who.username}: {w}" for w in _check(client, pages, lists, sees)]
    assert wrong == []
