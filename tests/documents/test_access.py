"""Classified documents, their text, file and search hits: only for users cleared for the level
in that unit's subtree. Run on PostgreSQL in CI (and on SQLite too)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client

from doimoi.documents import selectors, services
from doimoi.documents.models import Clearance, Confidentiality, Document, DocumentCopy
from doimoi.documents.services.ingest import ingest_file

SECRET = """THÀNH ỦY BẢO LỘC
*
Số 12-CV/ThU
ĐẢNG CỘNG SẢN VIỆT NAM
Bảo Lộc, ngày 10 tháng 6 năm 2022
MẬT
Về phương án bảo vệ hồ sơ cán bộ xanhlamngoc
Kính gửi: Đảng ủy phường 1
Nội dung có từ khóa xanhlamngoc để tìm kiếm.
T/M BAN THƯỜNG VỤ
BÍ THƯ
Trần Minh Khải
"""


@pytest.fixture
def secret(demo: dict[str, Any], persona: Any) -> Document:
    unit = demo["Thành ủy Bảo Lộc"]
    result = ingest_file(
        actor=persona("vanthu.baoloc"), unit=unit, name="mat.txt", data=SECRET.encode(), source="t"
    )
    document = Document.objects.get(pk=result.documents[0]["id"])
    assert document.confidentiality == Confidentiality.MAT  # read from the "MẬT" mark
    Clearance.objects.create(
        user=persona("bithu.baoloc"),
        unit=unit,
        level=Confidentiality.MAT,
        valid_from=datetime.date(2020, 1, 1),
    )
    Clearance.objects.create(  # cleared, but for another subtree
        user=persona("vanthu.dukdn"),
        unit=demo["Đảng ủy Khối Doanh nghiệp tỉnh Lâm Đồng"],
        level=Confidentiality.TUYET_MAT,
        valid_from=datetime.date(2020, 1, 1),
    )
    return document


# who → may see the classified document
SEES = {
    "admin": True,
    "bithu.baoloc": True,  # cleared for Mật in Thành ủy Bảo Lộc
    "phobithu.baoloc": False,  # same unit, no clearance
    "vanthu.baoloc": False,  # registered it, but is not cleared
    "vanthu.dukdn": False,  # cleared in another subtree
    "bithu.phuong1": False,
}


@pytest.mark.postgres
@pytest.mark.parametrize("username", list(SEES))
def test_classified_document_is_visible_only_to_the_cleared(
    secret: Document, persona: Any, username: str
) -> None:
    user, sees = persona(username), SEES[username]
    assert selectors.document_list(viewer=user).filter(pk=secret.pk).exists() == sees
    hits = selectors.document_search(viewer=user, query="xanhlamngoc").hits
    assert [h.document.pk for h in hits] == ([secret.pk] if sees else [])
    named = selectors.documents_with_access(viewer=user, ids={secret.pk})  # as a page names it
    assert bool(named[secret.pk].open) == sees
    client = Client()
    client.force_login(user)
    copy = DocumentCopy.objects.get(document=secret)
    pages = [f"/van-ban/{secret.pk}/", f"/van-ban/{secret.pk}/tep/{copy.pk}/"]
    for url in pages:
        assert client.get(url).status_code == (200 if sees else 404), url
    assert client.get(f"/api/v1/documents/{secret.pk}").status_code == (200 if sees else 404)
    listing = client.get("/van-ban/", {"q": "xanhlamngoc"}).content.decode()
    assert ("12-CV/ThU" in listing) == sees


def test_a_clearance_granted_between_two_searches_opens_the_document_in_the_second(
    secret: Document, persona: Any, demo: dict[str, Any]
) -> None:
    """The search's scoped statement is compiled once per viewer's scope (documents.selectors):
    a new clearance is a new scope, so the next search (page and API) finds the document."""
    client = Client()
    client.force_login(
        persona("vanthu.baoloc"), backend="doimoi.organizations.backends.AccountBackend"
    )

    def found() -> tuple[bool, bool]:
        page = client.get("/van-ban/", {"q": "xanhlamngoc"}).content.decode()
        api = client.get("/api/v1/documents/", {"q": "xanhlamngoc"}).json()
        return "12-CV/ThU" in page, [d["id"] for d in api] == [secret.pk]

    assert found() == (False, False)
    Clearance.objects.create(
        user=persona("vanthu.baoloc"),
        unit=demo["Thành ủy Bảo Lộc"],
        level=Confidentiality.MAT,
        valid_from=datetime.date(2020, 1, 1),
    )
    assert found() == (True, True)


@pytest.mark.postgres
def test_a_higher_level_needs_a_higher_clearance(secret: Document, persona: Any) -> None:
    document = secret
    document.confidentiality = Confidentiality.TOI_MAT
    document.save(update_fields=["confidentiality"])
    assert (
        not selectors.document_list(viewer=persona("bithu.baoloc")).filter(pk=document.pk).exists()
    )


@pytest.mark.postgres
def test_classified_numbers_stay_out_of_the_register_of_the_uncleared(
    demo: dict[str, Any], persona: Any
) -> None:
    unit = demo["Thành ủy Bảo Lộc"]
    services.outgoing_register_take(
        actor=persona("vanthu.baoloc"),
        unit=unit,
        type_code="CV",
        kind="party",
        date=datetime.date(2022, 6, 10),
        confidentiality=1,
    )
    clerk_view = selectors.outgoing_register(viewer=persona("vanthu.baoloc"), unit=unit, year=2022)
    head_view = selectors.outgoing_register(viewer=persona("admin"), unit=unit, year=2022)
    assert (clerk_view.count(), head_view.count()) == (0, 1)


def test_urgency_and_confidentiality_marks_are_read(demo: dict[str, Any], persona: Any) -> None:
    urgent = SECRET.replace("MẬT", "KHẨN").replace("12-CV", "13-CV")
    result = ingest_file(
        actor=persona("vanthu.baoloc"),
        unit=demo["Thành ủy Bảo Lộc"],
        name="khan.txt",
        data=urgent.encode(),
        source="t",
    )
    document = Document.objects.get(pk=result.documents[0]["id"])
    assert (document.urgency, document.confidentiality) == ("khan", 0)


def test_a_page_names_the_document_open_for_each_viewer_in_turn(
    secret: Document, persona: Any
) -> None:
    """``documents_with_access`` keeps its statement per viewer's scope and ids: the viewers
    asked in turn about the same documents, twice over in one process, each get their own
    answer (the cleared and the uncleared alike)."""
    ids = {secret.pk}
    for _ in range(2):
        for username, sees in SEES.items():
            named = selectors.documents_with_access(viewer=persona(username), ids=ids)
            assert set(named) == ids and named[secret.pk].open is sees, username
            assert named[secret.pk].reference == "12-CV/ThU"


def test_kept_count_follows_the_scope_the_filters_and_the_data(
    secret: Document, persona: Any, demo: dict[str, Any]
) -> None:
    """The list page's count (selectors.document_count, compiled once per viewer's scope and
    filters) is the list's own count for each viewer and filter, asked twice over in one
    process, and counts a document added after it was kept."""
    ward, city = demo["Đảng ủy phường 1 Bảo Lộc"], demo["Thành ủy Bảo Lộc"]
    choices: list[dict[str, Any]] = [
        {},
        {"confidentiality": Confidentiality.MAT},
        {"unit": city},
        {"unit": ward},
        {"issuer": city, "kind": "party"},
        {"year": 2022},
    ]

    def counts() -> list[tuple[int, int]]:
        return [
            (
                selectors.document_count(viewer=persona(username), **chosen),
                selectors.document_list(viewer=persona(username), **chosen).count(),
            )
            for username in SEES
            for chosen in choices
        ]

    for n, (unit, kind, year) in enumerate(
        [(ward, "party", 2024), (ward, "party", 2022), (city, "state", 2022)]
    ):
        day = datetime.date(year, 3, 1 + n)
        Document.objects.create(state="review", kind=kind, title="Có", date=day, unit=unit)
    first = counts()
    assert all(kept == counted for kept, counted in first) and counts() == first
    assert len({kept for kept, _ in first}) > 2  # the viewers and filters tell apart
    Document.objects.create(
        state="review", kind="party", title="Thêm", date=datetime.date(2022, 1, 5), unit=city
    )
    again = counts()
    assert all(kept == counted for kept, counted in again) and again != first
