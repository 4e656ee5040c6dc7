"""Citations in the body: spellings, dates, issuers, relations, deduplication."""

from __future__ import annotations

from typing import Any

import pytest

from doimoi.vbparse.references import find_references, forward_verbs


def refs(body: str, title: str = "", own: tuple[str, str] | None = None) -> list[dict[str, Any]]:
    return [r.to_dict() for r in find_references(title, body, own)]


def keys(body: str, **kwargs: Any) -> list[tuple[str | None, str, str]]:
    return [(r["number"], r["symbol"], r["relation"]) for r in refs(body, **kwargs)]


@pytest.mark.parametrize(
    "body",
    [
        "theo Kế hoạch số 33-\nKH/TU, ngày 25/02/2022 của Ban Thường vụ Tỉnh ủy.",
        "theo Kế \n\nhoạch số 33-KH/TU, ngày 25/02/2022 của Ban Thường vụ Tỉnh ủy.",
        "theo Kế hoạch số 33 KH/TU, ngày 25/02/2022 của Ban Thường vụ Tỉnh ủy.",
        "theo Kế hoạch 33-KH/TU, ngày 25/02/2022 của Ban Thường vụ Tỉnh ủy.",
        "theo Kế hoạch số 33-KH/TU ngày 25 tháng 02 năm 2022 của Ban Thường vụ Tỉnh ủy.",
        "theo kế hoạch số 33 - KH/TU, ngày 25-02-2022 của Ban Thường vụ Tỉnh ủy về việc abc.",
    ],
)
def test_citation_spellings(body: str) -> None:
    assert refs(body) == [
        {
            "type": "Kế hoạch",
            "type_code": "KH",
            "number": "33",
            "symbol": "KH/TU",
            "date": "2022-02-25",
            "issuer": "Ban Thường vụ Tỉnh ủy",
            "relation": "cites",
        }
    ]


@pytest.mark.parametrize(
    ("body", "issuer"),
    [
        ("Nghị quyết số 26-NQ/TW, ngày 19/5/2018 của Ban Chấp hành Trung ương khóa XII về", "Ban Chấp hành Trung ương"),
        ("Kết luận số 01-KL/TW của Bộ Chính trị (khóa XIII) về tiếp tục", "Bộ Chính trị"),
        ("Kế hoạch số 33-KH/TU của Tỉnh ủy thực hiện Kết luận", "Tỉnh ủy"),
        ("Quyết định số 12/QĐ-UBND ngày 5/1/2023 của UBND tỉnh Lâm Đồng về việc", "UBND tỉnh Lâm Đồng"),
        ("Kết luận số 14-KL/TW của Bộ Chính trị “về chủ trương", "Bộ Chính trị"),
    ],
)  # fmt: skip
def test_issuer_stops_where_the_sentence_goes_on(body: str, issuer: str) -> None:
    assert refs(body)[0]["issuer"] == issuer


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ;", ("30", "2020/NĐ-CP", "Nghị định", "NĐ")),
        ("Công văn số 567/UBND-VX của UBND tỉnh", ("567", "UBND-VX", "Công văn", None)),
        ("Văn bản số 567/UBND-VX của UBND tỉnh", ("567", "UBND-VX", "Công văn", None)),
        ("theo Quyết định 1847/QĐ-TTg", ("1847", "QĐ-TTg", "Quyết định", "QĐ")),
        ("Luật số 80/2015/QH13", ("80", "2015/QH13", "Luật", None)),
        ("Thông tư liên tịch số 01/2015/TTLT-BNV-BTC", ("01", "2015/TTLT-BNV-BTC", "Thông tư liên tịch", "TTLT")),
        ("Hướng dẫn số 78-KH/BTGTU", ("78", "KH/BTGTU", "Hướng dẫn", "KH")),
        ("gắn với 15/QĐ-UBND", ("15", "QĐ-UBND", "Quyết định", "QĐ")),
    ],
)  # fmt: skip
def test_types_and_codes(body: str, expected: tuple[str, str, str, str | None]) -> None:
    found = refs(body)[0]
    assert (found["number"], found["symbol"], found["type"], found["type_code"]) == expected


@pytest.mark.parametrize(
    "body",
    [
        "ngày 22/9/2021 và năm 2020-2025, covid-19, COVID-19",
        "giai đoạn 2021 - 2025; tỷ lệ 50/100; Điều 5",
        "mã 20 KH/TU là cách viết sai",  # no type name and no 'số' before it: not a citation
        "vào lúc 8 giờ ngày 25/10/2023, phòng 3/A",
    ],
)
def test_not_citations(body: str) -> None:
    assert refs(body) == []


def test_relations_from_the_sentence_opening() -> None:
    body = (
        "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ;\n"
        "Thực hiện Kế hoạch số 40-KH/TU ngày 21/4/2022 của Ban Thường vụ Tỉnh ủy về abc, "
        "Ban Thường vụ ban hành kế hoạch.\n"
        "Gắn với Chỉ thị số 05-CT/TW của Bộ Chính trị.\n"
        "Ban Thường vụ sao gửi Kế hoạch số 12-KH/TU ngày 01/4/2022 của Tỉnh ủy."
    )
    assert keys(body) == [
        ("30", "2020/NĐ-CP", "basis"),
        ("40", "KH/TU", "implements"),
        ("05", "CT/TW", "cites"),
        ("12", "KH/TU", "forwards"),
    ]


def test_relation_goes_to_coordinated_citations_only() -> None:
    body = (
        "Thực hiện Kế hoạch số 30-KH/TU, ngày 22/02/2022 và Kế hoạch số 31-KH/TU của Tỉnh ủy "
        "về thực hiện Quy định số 205-QĐ/TW của Bộ Chính trị, Ban Thường vụ ban hành."
    )
    assert keys(body) == [
        ("30", "KH/TU", "implements"),
        ("31", "KH/TU", "implements"),
        ("205", "QĐ/TW", "cites"),
    ]


@pytest.mark.parametrize(
    "opening",
    [
        "Thực hiện",
        "Để triển khai thực hiện",
        "Quán triệt, triển khai thực hiện",
        "1. Thực hiện",
        "- Thi hành",
    ],
)
def test_implementing_openings(opening: str) -> None:
    assert (
        keys(f"{opening} Nghị quyết số 08-NQ/ThU của Thành ủy, các cơ quan ...")[0][2]
        == "implements"
    )


def test_title_verbs_make_implements() -> None:
    title = "Tuyên truyền, quán triệt Kết luận số 14-KL/TW, ngày 22/9/2021 của Bộ Chính trị"
    assert keys("", title=title) == [("14", "KL/TW", "implements")]
    assert keys("", title="về tình hình kinh tế và Kết luận số 14-KL/TW") == [
        ("14", "KL/TW", "cites")
    ]


def test_forwarding_points_back_to_the_dispatch_above() -> None:
    body = (
        "Ngày 16/3/2022, Ban Thường vụ Tỉnh ủy ban hành Công văn số 1335-CV/TU, về quán triệt, "
        "triển khai thực hiện Kết luận 14-KL/TW, ngày 22/9/2021 của Bộ Chính trị.\n"
        "Ban Thường vụ Đảng ủy Khối sao gửi tới cấp ủy các tổ chức cơ sở đảng công văn trên."
    )
    found = refs(body)
    assert [(r["number"], r["relation"], r["date"], r["issuer"]) for r in found] == [
        ("1335", "forwards", "2022-03-16", "Ban Thường vụ Tỉnh ủy"),
        ("14", "cites", "2021-09-22", "Bộ Chính trị"),
    ]


def test_attachment_is_forwarding_unless_already_implemented() -> None:
    assert keys("(Đính kèm Kết luận số 14-KL/TW của Bộ Chính trị).") == [
        ("14", "KL/TW", "forwards")
    ]
    body = "Thực hiện Kết luận số 14-KL/TW, các cơ quan làm. (Đính kèm Kết luận số 14-KL/TW)."
    assert keys(body) == [("14", "KL/TW", "implements")]


def test_ban_hanh_kem_theo_is_not_forwarding() -> None:
    body = "Căn cứ Quy chế làm việc ban hành kèm theo Quyết định số 12-QĐ/TU của Tỉnh ủy;"
    assert keys(body) == [("12", "QĐ/TU", "basis")]


def test_duplicates_merge_keeping_first_values_and_filling_gaps() -> None:
    body = (
        "gắn với Kết luận số 21-KL/TW của Hội nghị Trung ương 4. "
        "Thực hiện Kết luận số 21-KL/TW, ngày 30/10/2021 của Ban Chấp hành Trung ương, abc."
    )
    assert refs(body) == [
        {
            "type": "Kết luận",
            "type_code": "KL",
            "number": "21",
            "symbol": "KL/TW",
            "date": "2021-10-30",
            "issuer": "Hội nghị Trung ương 4",
            "relation": "implements",
        }
    ]


def test_a_document_never_cites_itself() -> None:
    body = "Kế hoạch số 64-KH/ThU này thay thế Kế hoạch số 41-KH/ThU."
    assert keys(body, own=("64", "KH/ThU")) == [("41", "KH/ThU", "cites")]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Ban Thường vụ sao gửi Kế hoạch", True),
        ("Sao y bản chính", True),
        ("đã chuyển tiếp văn bản", True),
        ("đính kèm Kết luận", True),
        ("Đề cương kèm theo", True),
        ("vì sao không", False),
        ("sao yêu cầu", False),
        ("ban hành kèm theo Quyết định", False),
    ],
)
def test_forwarding_verbs(text: str, found: bool) -> None:
    assert bool(forward_verbs(text)) is found
