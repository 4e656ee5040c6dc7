"""Number formats, type codes, signing forms, date lines, marks and Kính gửi, one rule per test."""

from __future__ import annotations

from dataclasses import replace

import pytest

from doimoi.vbparse import parse
from doimoi.vbparse.tables import PARTY_TYPES, STATE_TYPES

from .composer import Meta, compose


def party(**changes: object) -> Meta:
    meta = Meta(
        kind="party",
        number="12",
        symbol="NQ/TU",
        type_code="NQ",
        type="Nghị quyết",
        issuer_upper="TỈNH ỦY LÂM ĐỒNG",
        issuer="Tỉnh ủy Lâm Đồng",
        parent_upper=None,
        parent=None,
        place="Đà Lạt",
        date="2022-05-04",
        title="về tăng cường công tác cán bộ trong tình hình mới",
        authority="T/M BAN THƯỜNG VỤ",
        signer_title="BÍ THƯ",
        signer_name="Trần Đức Quận",
        recipients=[("Ban Tổ chức Trung ương", True), ("Lưu Văn phòng Tỉnh ủy", False)],
    )
    return replace(meta, **changes)  # type: ignore[arg-type]


def state(**changes: object) -> Meta:
    meta = Meta(
        kind="state",
        number="15",
        symbol="QĐ-UBND",
        type_code="QĐ",
        type="Quyết định",
        issuer_upper="ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG",
        issuer="Ủy ban nhân dân tỉnh Lâm Đồng",
        parent_upper=None,
        parent=None,
        place="Lâm Đồng",
        date="2023-06-15",
        title="Về việc ban hành Quy chế làm việc của Ủy ban nhân dân tỉnh",
        authority="TM. ỦY BAN NHÂN DÂN",
        signer_title="CHỦ TỊCH",
        signer_name="Trần Văn Hiệp",
        recipients=[("Văn phòng Chính phủ", True), ("Lưu: VT, NC", False)],
        layout="two_column",
    )
    return replace(meta, **changes)  # type: ignore[arg-type]


def check(meta: Meta) -> None:
    parsed = parse(compose(meta)).to_dict()
    for key, value in meta.expected().items():
        assert parsed[key] == value, key


@pytest.mark.parametrize(("code", "name"), sorted(PARTY_TYPES.items()))
def test_every_party_type_code(code: str, name: str) -> None:
    if code == "CV":
        title = "Về việc triển khai thực hiện chủ trương của Tỉnh ủy"
        check(party(type_code=code, type=name, symbol=f"{code}/TU", title=title))
    else:
        check(party(type_code=code, type=name, symbol=f"{code}/TU"))


@pytest.mark.parametrize(("code", "name"), sorted(STATE_TYPES.items()))
def test_every_state_type_code(code: str, name: str) -> None:
    check(state(type_code=code, type=name, symbol=f"{code}-UBND"))


def test_state_cong_van_has_no_type_code() -> None:
    title = "V/v hướng dẫn thực hiện chế độ báo cáo thống kê"
    check(state(type_code=None, type="Công văn", symbol="BNV-VP", number="05", title=title))


@pytest.mark.parametrize(
    ("number", "symbol", "code", "name"),
    [
        ("73", "2023/NĐ-CP", "NĐ", "Nghị định"),
        ("21", "2026/TT-BCT", "TT", "Thông tư"),
        ("30", "2018/QĐ-UBND", "QĐ", "Quyết định"),
        ("01", "2015/TTLT-BNV-BTC", "TTLT", "Thông tư liên tịch"),
    ],
)
def test_legal_normative_numbers(number: str, symbol: str, code: str, name: str) -> None:
    check(state(number=number, symbol=symbol, type_code=code, type=name))


def test_law_number() -> None:
    meta = state(
        number="17",
        symbol="2008/QH12",
        type_code=None,
        type="Luật",
        issuer_upper="QUỐC HỘI",
        issuer="Quốc hội",
        title="Cán bộ, công chức",
        authority=None,
        signer_title="CHỦ TỊCH QUỐC HỘI",
        signer_name="Nguyễn Phú Trọng",
        recipients=[],
    )
    check(meta)


@pytest.mark.parametrize(
    ("authority", "title"),
    [
        ("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"),
        ("T/M ĐẢNG ỦY", "BÍ THƯ"),
        ("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"),
        ("T/L BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG"),
        ("Q. TRƯỞNG BAN", None),
    ],
)
def test_party_signing_forms(authority: str, title: str | None) -> None:
    check(party(authority=authority, signer_title=title))


@pytest.mark.parametrize(
    ("authority", "title"),
    [
        ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
        ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
        ("TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"),
        ("TUQ. CHỦ TỊCH", "GIÁM ĐỐC SỞ NỘI VỤ"),
        ("Q. GIÁM ĐỐC", None),
        ("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
    ],
)
def test_state_signing_forms(authority: str, title: str | None) -> None:
    meta = state(authority=authority, signer_title=title)
    text = compose(meta).replace(
        "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH"
    )
    assert parse(text).signing_authority == authority
    assert parse(text).signer_title == title
    assert parse(text).signer_name == meta.signer_name


def test_head_signing_without_authority() -> None:
    check(
        state(
            authority=None, signer_title="BỘ TRƯỞNG", issuer_upper="BỘ NỘI VỤ", issuer="Bộ Nội vụ"
        )
    )


@pytest.mark.parametrize("padded", [True, False])
@pytest.mark.parametrize("day", ["2022-05-04", "2022-02-09", "2021-12-31"])
def test_date_lines_with_and_without_leading_zeros(padded: bool, day: str) -> None:
    check(party(date=day, padded_date=padded))
    check(state(date=day, padded_date=padded))


@pytest.mark.parametrize(
    "line",
    [
        "Đà Lạt, ngày 04 tháng 5 năm 2022",
        "Đà Lạt, ngày  4  tháng 05 năm 2022",
        "Đà Lạt , ngày 4 tháng 5 năm 2022",
        "Đà Lạt, ngày 04/5/2022",
    ],
)
def test_date_line_spellings(line: str) -> None:
    text = compose(party()).replace("Đà Lạt, ngày 04 tháng 05 năm 2022", line)
    document = parse(text)
    assert (document.place, document.date) == ("Đà Lạt", "2022-05-04")


@pytest.mark.parametrize(
    ("number_line", "number", "symbol"),
    [
        ("Số 12-NQ/TU", "12", "NQ/TU"),
        ("Số: 12-NQ/TU", "12", "NQ/TU"),
        ("Số  12 -NQ/TU", "12", "NQ/TU"),
        ("Số 12 NQ/TU", "12", "NQ/TU"),
        ("Số 05-CTr/ĐU", "05", "CTr/ĐU"),
        ("Số 64-KH/ThU", "64", "KH/ThU"),
        ("Số 08-QĐi/TW", "08", "QĐi/TW"),
        ("Số 12-KH/TĐTN-BTG", "12", "KH/TĐTN-BTG"),
    ],
)
def test_party_number_spellings(number_line: str, number: str, symbol: str) -> None:
    text = compose(party()).replace("Số 12-NQ/TU", number_line)
    document = parse(text)
    assert (document.number, document.symbol, document.kind) == (number, symbol, "party")


@pytest.mark.parametrize(
    ("number_line", "number", "symbol", "code"),
    [
        ("Số: 15/QĐ-UBND", "15", "QĐ-UBND", "QĐ"),
        ("Số 15/QĐ-UBND", "15", "QĐ-UBND", "QĐ"),
        ("Số: 15 / QĐ - UBND", "15", "QĐ-UBND", "QĐ"),
        ("Số: 05/BNV-VP", "05", "BNV-VP", None),
        ("Số: 73/2023/NĐ-CP", "73", "2023/NĐ-CP", "NĐ"),
        ("Số: 1847/QĐ-TTg", "1847", "QĐ-TTg", "QĐ"),
    ],
)
def test_state_number_spellings(
    number_line: str, number: str, symbol: str, code: str | None
) -> None:
    text = compose(state()).replace("Số: 15/QĐ-UBND", number_line)
    document = parse(text)
    assert (document.number, document.symbol, document.type_code) == (number, symbol, code)


@pytest.mark.parametrize("secret", [None, "Mật", "Tối mật", "Tuyệt mật"])
@pytest.mark.parametrize("urgent", [None, "Khẩn", "Thượng khẩn", "Hỏa tốc"])
def test_confidentiality_and_urgency_marks(secret: str | None, urgent: str | None) -> None:
    check(party(confidentiality=secret, urgency=urgent))
    check(state(confidentiality=secret, urgency=urgent))


def test_kinh_gui_single_line() -> None:
    meta = party(
        type="Công văn",
        type_code="CV",
        symbol="CV/TU",
        title="Về việc tổ chức hội nghị quán triệt nghị quyết",
        kinh_gui=["Các đảng ủy trực thuộc Tỉnh ủy"],
    )
    check(meta)


def test_kinh_gui_several_lines() -> None:
    meta = state(
        type="Công văn",
        type_code=None,
        symbol="UBND-VX",
        title="V/v triển khai Nghị định số 73/2023/NĐ-CP",
        kinh_gui=["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thành phố"],
    )
    check(meta)


def test_kinh_gui_wrapped_items_are_joined() -> None:
    text = compose(party(type="Công văn", type_code="CV", symbol="CV/TU", title="Về việc abc"))
    text = text.replace(
        "Nơi nhận:",
        "",
    ).replace(
        "Về việc abc\n",
        "Về việc abc\n\nKính gửi: - Các ban đảng, ban cán sự đảng,\nđảng đoàn, Ban Thường vụ Tỉnh đoàn,\n"
        "- Các huyện ủy, thành ủy.\n",
    )
    names = [r.name for r in parse(text).recipients][:2]
    assert names == [
        "Các ban đảng, ban cán sự đảng, đảng đoàn, Ban Thường vụ Tỉnh đoàn",
        "Các huyện ủy, thành ủy",
    ]


@pytest.mark.parametrize(
    "marker", ["(b/c)", "(để b/c)", "(báo cáo)", "(b.cáo)", "(để báo cáo)", "(B/C)"]
)
def test_report_markers(marker: str) -> None:
    text = compose(party()).replace(
        "Ban Tổ chức Trung ương (b/c)", f"Ban Tổ chức Trung ương {marker}"
    )
    first = parse(text).recipients[0]
    assert (first.name, first.for_report) == ("Ban Tổ chức Trung ương", True)


def test_parent_issuer_and_two_line_issuer() -> None:
    check(
        party(
            parent_upper="ĐẢNG BỘ TỈNH LÂM ĐỒNG",
            parent="Đảng bộ tỉnh Lâm Đồng",
            issuer_upper="ĐẢNG ỦY KHỐI DOANH NGHIỆP",
            issuer="Đảng ủy Khối Doanh nghiệp",
            symbol="NQ/ĐUK",
        )
    )
    text = compose(state()).replace(
        "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG"
    )
    assert parse(text).issuer == "Ủy ban nhân dân tỉnh Lâm Đồng"
    assert parse(text).parent_issuer is None


@pytest.mark.parametrize("layout", ["stacked", "two_column", "double_spaced"])
def test_layouts(layout: str) -> None:
    check(
        party(layout=layout, parent_upper="ĐẢNG BỘ TỈNH LÂM ĐỒNG", parent="Đảng bộ tỉnh Lâm Đồng")
    )
    check(
        state(
            layout=layout,
            parent_upper="UBND TỈNH LÂM ĐỒNG",
            parent="UBND tỉnh Lâm Đồng",
            issuer_upper="SỞ NỘI VỤ",
            issuer="Sở Nội vụ",
            symbol="QĐ-SNV",
        )
    )


def test_capital_so_and_letter_spaced_heading() -> None:
    text = compose(state()).replace("Số: 15/QĐ-UBND", "SỐ: 15/QĐ-UBND")
    text = text.replace("\nQUYẾT ĐỊNH\n", "\nQ U Y Ế T  Đ Ị N H\n")
    document = parse(text)
    assert (document.number, document.symbol, document.type) == ("15", "QĐ-UBND", "Quyết định")
    assert document.title == state().title


def test_title_stops_at_a_paragraph_after_a_blank_line() -> None:
    text = compose(party(title="tổ chức các hoạt động kỷ niệm 95 năm ngày thành lập Đảng"))
    text = text.replace("-----\n", "\nNăm 2025 là năm có nhiều sự kiện quan trọng của đất nước,\n")
    assert parse(text).title == "tổ chức các hoạt động kỷ niệm 95 năm ngày thành lập Đảng"
