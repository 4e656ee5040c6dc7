"""Citations resolve by number, symbol and the cited date or term; issuers by code, name, date."""

from __future__ import annotations

import datetime
from typing import Any

from doimoi.documents.models import Citation, CommitteeTerm, Document
from doimoi.documents.services import cache
from doimoi.documents.services.citations import lookup
from doimoi.documents.services.ingest import ingest_file
from doimoi.documents.services.issuers import match_issuer
from doimoi.organizations.models import Unit

FUEL_2026 = """BAN CHẤP HÀNH TRUNG ƯƠNG
*
Số 14-KL/TW
ĐẢNG CỘNG SẢN VIỆT NAM
Hà Nội, ngày 20 tháng 3 năm 2026
KẾT LUẬN CỦA BỘ CHÍNH TRỊ
về khắc phục các hạn chế trong định giá nhiên liệu
-----
Bộ Chính trị kết luận như sau.
"""

CITING = """TỈNH ỦY LÂM ĐỒNG
*
Số {number}-CV/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Lâm Đồng, ngày {day}
Về thực hiện Kết luận của Bộ Chính trị
Kính gửi: Các đảng ủy trực thuộc
Thực hiện Kết luận số 14-KL/TW{cited} của Bộ Chính trị, Ban Thường vụ Tỉnh ủy yêu cầu như sau.
T/M BAN THƯỜNG VỤ
BÍ THƯ
Trần Đức Quận
"""


def _ingest(demo: dict[str, Any], persona: Any, text: str) -> Document:
    result = ingest_file(
        actor=persona("admin"),
        unit=demo["Tỉnh ủy Lâm Đồng"],
        name="x.txt",
        data=text.encode(),
        source="t",
    )
    return Document.objects.get(pk=result.documents[0]["id"])


def _cited(document: Document) -> Document:
    return Citation.objects.get(source=document, target__number="14").target


def test_two_documents_with_one_symbol_and_different_dates_stay_two(
    demo: dict[str, Any], persona: Any
) -> None:
    from tests.documents.files import DISPATCH_287

    ingest_file(
        actor=persona("admin"),
        unit=demo["Tỉnh ủy Lâm Đồng"],
        name="287.txt",
        data=DISPATCH_287.read_bytes(),
        source="t",
    )
    fuel = _ingest(demo, persona, FUEL_2026)
    both = Document.objects.filter(number="14", symbol="KL/TW").exclude(state="placeholder")
    assert both.count() == 2 and fuel.date == datetime.date(2026, 3, 20)
    cites_2021 = _ingest(
        demo,
        persona,
        CITING.format(number="900", day="01 tháng 4 năm 2022", cited=", ngày 22/9/2021"),
    )
    assert _cited(cites_2021).date == datetime.date(2021, 9, 22)


def test_an_undated_citation_resolves_by_the_term(demo: dict[str, Any], persona: Any) -> None:
    from tests.documents.files import DISPATCH_287

    tw = demo["Ban Chấp hành Trung ương Đảng"]
    CommitteeTerm.objects.create(
        unit=tw, name="khóa XIII", start=datetime.date(2021, 2, 1), end=datetime.date(2026, 1, 22)
    )
    CommitteeTerm.objects.create(unit=tw, name="khóa XIV", start=datetime.date(2026, 1, 23))
    ingest_file(
        actor=persona("admin"),
        unit=demo["Tỉnh ủy Lâm Đồng"],
        name="287.txt",
        data=DISPATCH_287.read_bytes(),
        source="t",
    )
    _ingest(demo, persona, FUEL_2026)
    in_2022 = _ingest(
        demo, persona, CITING.format(number="901", day="01 tháng 4 năm 2022", cited="")
    )
    assert _cited(in_2022).date == datetime.date(2021, 9, 22)
    in_2026 = _ingest(
        demo, persona, CITING.format(number="902", day="01 tháng 5 năm 2026", cited="")
    )
    assert _cited(in_2026).date == datetime.date(2026, 3, 20)


def test_a_dated_placeholder_is_not_filled_by_a_document_of_another_date(
    demo: dict[str, Any], persona: Any
) -> None:
    citing = _ingest(
        demo,
        persona,
        CITING.format(number="903", day="01 tháng 4 năm 2022", cited=", ngày 22/9/2021"),
    )
    placeholder = _cited(citing)
    fuel = _ingest(demo, persona, FUEL_2026)
    placeholder.refresh_from_db()
    assert placeholder.is_placeholder and fuel.pk != placeholder.pk


def test_sibling_committees_sharing_a_code_are_told_apart_by_name(demo: dict[str, Any]) -> None:
    day = datetime.date(2022, 3, 17)
    assert (
        match_issuer(name="Đảng ủy Khối Doanh nghiệp", code="ĐUK", day=day)
        == demo["Đảng ủy Khối Doanh nghiệp tỉnh Lâm Đồng"]
    )
    assert (
        match_issuer(name="Đảng ủy Khối các cơ quan tỉnh", code="ĐUK", day=day)
        == demo["Đảng ủy Khối các cơ quan tỉnh Lâm Đồng"]
    )
    assert match_issuer(name="Đảng ủy Khối", code="ĐUK", day=day) is None  # too vague: both fit


def test_the_date_picks_the_unit_alive_then(demo: dict[str, Any]) -> None:
    old = match_issuer(name="Tỉnh ủy Lâm Đồng", code="TU", day=datetime.date(2022, 3, 16))
    new = match_issuer(name="Tỉnh ủy Lâm Đồng", code="TU", day=datetime.date(2025, 9, 1))
    assert old == demo["Tỉnh ủy Lâm Đồng"]
    assert new == demo["Tỉnh ủy Lâm Đồng (từ 01/7/2025)"]


def test_a_code_alone_never_decides(demo: dict[str, Any]) -> None:
    assert match_issuer(name="", code="TU", day=datetime.date(2022, 3, 16)) is None


def test_an_issuer_code_read_without_its_marks_still_matches(demo: dict[str, Any]) -> None:
    """OCR reads ĐUK as DUK; the folded code (an indexed column) finds the same committee."""
    day, committee = datetime.date(2022, 3, 17), demo["Đảng ủy Khối các cơ quan tỉnh Lâm Đồng"]
    assert match_issuer(name="Đảng ủy Khối các cơ quan tỉnh", code="ĐUK", day=day) == committee
    assert match_issuer(name="Dang uy Khoi cac co quan tinh", code="DUK", day=day) == committee


BLOC_DISPATCH = """ĐẢNG BỘ TỈNH LÂM ĐỒNG
ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH
*
Số {number}-CV/ĐUK
ĐẢNG CỘNG SẢN VIỆT NAM
Đà Lạt, ngày 17 tháng 3 năm 2022
V/v tổ chức hội nghị quán triệt
Kính gửi: Các chi bộ trực thuộc
Ban Thường vụ Đảng ủy Khối đề nghị các chi bộ tổ chức hội nghị quán triệt.
T/M BAN THƯỜNG VỤ
BÍ THƯ
Nguyễn Văn Bình
"""


def test_an_issuer_matched_once_is_kept_for_later_files(
    demo: dict[str, Any], persona: Any, django_assert_num_queries: Any
) -> None:
    """The match is kept across files (no unit is read again), under the units' stamp."""
    committee, day = demo["Đảng ủy Khối các cơ quan tỉnh Lâm Đồng"], datetime.date(2022, 3, 17)
    assert _ingest(demo, persona, BLOC_DISPATCH.format(number="41")).issuer_unit == committee
    with django_assert_num_queries(1), cache.batch():  # the stamp, read once per batch
        assert match_issuer(name="Đảng ủy Khối các cơ quan tỉnh", code="ĐUK", day=day) == committee


def test_a_kept_issuer_match_is_forgotten_when_a_unit_changes(
    demo: dict[str, Any], persona: Any
) -> None:
    """A committee closed before the document's date no longer issues it: any write to units
    (here one with no service, as the admin or a script would make it) renews the stamp, so the
    match kept from the first file is not used for the second."""
    committee = demo["Đảng ủy Khối các cơ quan tỉnh Lâm Đồng"]
    assert _ingest(demo, persona, BLOC_DISPATCH.format(number="41")).issuer_unit == committee
    Unit.objects.filter(pk=committee.pk).update(valid_to=datetime.date(2022, 1, 1))
    assert _ingest(demo, persona, BLOC_DISPATCH.format(number="42")).issuer_unit is None
    Unit.objects.filter(pk=committee.pk).update(valid_to=committee.valid_to)
    assert _ingest(demo, persona, BLOC_DISPATCH.format(number="43")).issuer_unit == committee


def test_looked_up_documents_carry_their_issuer_as_it_is_now(
    demo: dict[str, Any], persona: Any
) -> None:
    """The issuer attached to each document found is the kept unit, read again after a change."""
    committee = demo["Đảng ủy Khối các cơ quan tỉnh Lâm Đồng"]
    document = _ingest(demo, persona, BLOC_DISPATCH.format(number="41"))
    key = (document.number, document.symbol_key)
    assert [d.issuer_unit.name for d in lookup({key})[key]] == [committee.name]
    Unit.objects.filter(pk=committee.pk).update(name="Đảng ủy các cơ quan Đảng tỉnh")
    assert [d.issuer_unit.name for d in lookup({key})[key]] == ["Đảng ủy các cơ quan Đảng tỉnh"]
