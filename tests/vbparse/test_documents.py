"""Real-looking documents written for these tests (``docs/``), checked field by field.

They cover what the seeds do not: state layouts in two columns (ND 30), legal normative
documents, laws, state công văn, every signing form, marks, Kính gửi in several lines.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from doimoi.vbparse import parse_all

DOCS = Path(__file__).parent / "docs"

R = {"report": True}


def ref(
    type_: str | None,
    code: str | None,
    number: str,
    symbol: str,
    date: str | None,
    issuer: str | None,
    relation: str,
) -> dict[str, Any]:
    return {"type": type_, "type_code": code, "number": number, "symbol": symbol, "date": date,
            "issuer": issuer, "relation": relation}  # fmt: skip


def rec(name: str, report: bool = False) -> dict[str, Any]:
    return {"name": name, "for_report": report}


EXPECTED: dict[str, dict[str, Any]] = {
    "nd73_vbqppl.txt": {
        "kind": "state", "number": "73", "symbol": "2023/NĐ-CP", "type_code": "NĐ",
        "type": "Nghị định", "issuer": "Chính phủ", "parent_issuer": None, "place": "Hà Nội",
        "date": "2023-09-29",
        "title": "Quy định về khuyến khích, bảo vệ cán bộ năng động, sáng tạo, dám nghĩ, dám làm, "
        "dám đột phá, dám chịu trách nhiệm vì lợi ích chung",
        "signing_authority": "TM. CHÍNH PHỦ KT. THỦ TƯỚNG", "signer_title": "PHÓ THỦ TƯỚNG",
        "signer_name": "Trần Lưu Quang",
        "recipients": [
            rec("Ban Bí thư Trung ương Đảng"), rec("Thủ tướng, các Phó Thủ tướng Chính phủ"),
            rec("Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ"),
            rec("HĐND, UBND các tỉnh, thành phố trực thuộc trung ương"), rec("Lưu: VT, TCCV (2b)"),
        ],
        "confidentiality": None, "urgency": None,
        "references": [
            ref("Luật", None, "22", "2008/QH12", "2008-11-13", None, "basis"),
            ref("Kết luận", "KL", "14", "KL/TW", "2021-09-22", "Bộ Chính trị", "basis"),
        ],
    },
    "qd_ubnd.txt": {
        "kind": "state", "number": "1234", "symbol": "QĐ-UBND", "type_code": "QĐ",
        "type": "Quyết định", "issuer": "Ủy ban nhân dân tỉnh Lâm Đồng", "parent_issuer": None,
        "place": "Lâm Đồng", "date": "2023-06-15",
        "title": "Về việc ban hành Kế hoạch triển khai thực hiện Nghị định số 73/2023/NĐ-CP "
        "ngày 29/9/2023 của Chính phủ trên địa bàn tỉnh",
        "signing_authority": "KT. CHỦ TỊCH", "signer_title": "PHÓ CHỦ TỊCH",
        "signer_name": "Nguyễn Văn Hòa",
        "recipients": [
            rec("Như Điều 3"), rec("Bộ Nội vụ", True), rec("TT Tỉnh ủy, TT HĐND tỉnh", True),
            rec("Lưu: VT, NC"),
        ],
        "confidentiality": None, "urgency": None,
        "references": [
            ref("Nghị định", "NĐ", "73", "2023/NĐ-CP", "2023-09-29", "Chính phủ", "implements"),
            ref("Tờ trình", "TTr", "456", "TTr-SNV", "2023-06-10", None, "cites"),
        ],
    },
    "cv_bnv.txt": {
        "kind": "state", "number": "05", "symbol": "BNV-VP", "type_code": None,
        "type": "Công văn", "issuer": "Bộ Nội vụ", "parent_issuer": None, "place": "Hà Nội",
        "date": "2024-01-04", "title": "V/v hướng dẫn thực hiện Nghị định số 73/2023/NĐ-CP",
        "signing_authority": "KT. BỘ TRƯỞNG", "signer_title": "THỨ TRƯỞNG",
        "signer_name": "Vũ Chiến Thắng",
        "recipients": [
            rec("Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ"),
            rec("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"),
            rec("Như trên"), rec("Bộ trưởng", True), rec("Lưu: VT, VP"),
        ],
        "confidentiality": None, "urgency": None,
        "references": [
            ref("Nghị định", "NĐ", "73", "2023/NĐ-CP", "2023-09-29", "Chính phủ", "implements"),
            ref("Quyết định", "QĐ", "12", "QĐ-BNV", None, None, "cites"),
        ],
    },
    "nq_dangxa.txt": {
        "kind": "party", "number": "05", "symbol": "NQ/ĐU", "type_code": "NQ",
        "type": "Nghị quyết", "issuer": "Đảng ủy xã Tân Hội",
        "parent_issuer": "Đảng bộ huyện Đức Trọng", "place": "Tân Hội", "date": "2022-05-04",
        "title": "về lãnh đạo thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2022",
        "signing_authority": "T/M ĐẢNG ỦY", "signer_title": "BÍ THƯ", "signer_name": "Phạm Thị Lan",
        "recipients": [
            rec("Ban Thường vụ Huyện ủy", True), rec("Các chi bộ trực thuộc"),
            rec("Lưu Văn phòng Đảng ủy"),
        ],
        "confidentiality": None, "urgency": None,
        "references": [
            ref("Nghị quyết", "NQ", "12", "NQ/HU", "2022-01-20", "Ban Chấp hành Đảng bộ huyện",
                "implements"),
        ],
    },
    "qd_btc_kt.txt": {
        "kind": "party", "number": "127", "symbol": "QĐ/BTCTU", "type_code": "QĐ",
        "type": "Quyết định", "issuer": "Ban Tổ chức", "parent_issuer": "Tỉnh ủy Lâm Đồng",
        "place": "Đà Lạt", "date": "2018-04-03",
        "title": "thành lập Tổ giúp việc triển khai Kết luận 14-KL/TW",
        "signing_authority": "K/T TRƯỞNG BAN", "signer_title": "PHÓ TRƯỞNG BAN",
        "signer_name": "Lê Văn Hùng",
        "recipients": [rec("Thường trực Tỉnh ủy", True), rec("Như Điều 3"), rec("Lưu VT")],
        "confidentiality": None, "urgency": None,
        "references": [
            ref("Kết luận", "KL", "14", "KL/TW", None, None, "implements"),
            ref("Quy định", "QĐ", "205", "QĐ/TW", "2019-09-23", "Bộ Chính trị", "basis"),
            ref("Quyết định", "QĐ", "1050", "QĐ/TU", "2017-03-10", "Ban Thường vụ Tỉnh ủy",
                "basis"),
        ],
    },
    "tb_tl_mat.txt": {
        "kind": "party", "number": "540", "symbol": "TB/TU", "type_code": "TB",
        "type": "Thông báo", "issuer": "Tỉnh ủy Lâm Đồng", "parent_issuer": None,
        "place": "Đà Lạt", "date": "2023-12-12",
        "title": "về tình hình thực hiện Kế hoạch số 183-KH/TU",
        "signing_authority": "T/L BAN THƯỜNG VỤ", "signer_title": "CHÁNH VĂN PHÒNG",
        "signer_name": "Nguyễn Thị Mai",
        "recipients": [rec("Các đồng chí Tỉnh ủy viên"), rec("Lưu Văn phòng Tỉnh ủy")],
        "confidentiality": "Mật", "urgency": "Hỏa tốc",
        "references": [
            ref("Kế hoạch", "KH", "183", "KH/TU", "2023-02-05", "Ban Thường vụ Tỉnh ủy",
                "implements"),
        ],
    },
    "luat.txt": {
        "kind": "state", "number": "22", "symbol": "2008/QH12", "type_code": None,
        "type": "Luật", "issuer": "Quốc hội", "parent_issuer": None, "place": None,
        "date": "2008-11-13", "title": "Cán bộ, công chức", "signing_authority": None,
        "signer_title": "CHỦ TỊCH QUỐC HỘI", "signer_name": "Nguyễn Phú Trọng", "recipients": [],
        "confidentiality": None, "urgency": None,
        "references": [ref("Nghị quyết", None, "51", "2001/QH10", None, None, "basis")],
    },
    "kh_tuq_khan.txt": {
        "kind": "state", "number": "88", "symbol": "KH-SNV", "type_code": "KH",
        "type": "Kế hoạch", "issuer": "Sở Nội vụ", "parent_issuer": "UBND tỉnh Lâm Đồng",
        "place": "Lâm Đồng", "date": "2024-03-07",
        "title": "Tuyên truyền Nghị định số 73/2023/NĐ-CP của Chính phủ năm 2024",
        "signing_authority": "TUQ. CHỦ TỊCH UBND TỈNH", "signer_title": "GIÁM ĐỐC SỞ NỘI VỤ",
        "signer_name": "Trần Văn Bình",
        "recipients": [rec("UBND tỉnh", True), rec("Lưu: VT, CCVC")],
        "confidentiality": None, "urgency": "Khẩn",
        "references": [
            ref("Nghị định", "NĐ", "73", "2023/NĐ-CP", None, "Chính phủ", "implements"),
            ref("Quyết định", "QĐ", "1234", "QĐ-UBND", "2023-06-15", "UBND tỉnh Lâm Đồng",
                "implements"),
        ],
    },
    "tl_state.txt": {
        "kind": "state", "number": "1270", "symbol": "BC-BTC", "type_code": "BC",
        "type": "Báo cáo", "issuer": "Bộ Tài chính", "parent_issuer": None, "place": "Hà Nội",
        "date": "2024-02-01", "title": "Tình hình thực hiện Nghị quyết số 29/NQ-CP năm 2023",
        "signing_authority": "TL. BỘ TRƯỞNG", "signer_title": "VỤ TRƯỞNG VỤ TỔ CHỨC CÁN BỘ",
        "signer_name": "Đỗ Minh Tuấn",
        "recipients": [rec("Thủ tướng Chính phủ"), rec("Như trên"), rec("Lưu: VT, TCCB")],
        "confidentiality": "Tối mật", "urgency": None,
        "references": [
            ref("Nghị quyết", "NQ", "29", "NQ-CP", "2023-02-24", "Chính phủ", "implements"),
            ref("Thông tư", "TT", "21", "2026/TT-BCT", None, None, "cites"),
            ref("Thông tư liên tịch", "TTLT", "01", "2015/TTLT-BNV-BTC", None, None, "cites"),
        ],
    },
    "q_gm.txt": {
        "kind": "state", "number": "15", "symbol": "GM-BVĐK", "type_code": "GM",
        "type": "Giấy mời", "issuer": "Bệnh viện Đa khoa tỉnh",
        "parent_issuer": "Sở Y tế tỉnh Lâm Đồng", "place": "Đà Lạt", "date": "2023-10-20",
        "title": "Dự hội nghị quán triệt Kết luận số 14-KL/TW",
        "signing_authority": "Q. GIÁM ĐỐC", "signer_title": None, "signer_name": "Hoàng Văn Nam",
        "recipients": [rec("Trưởng các khoa, phòng"), rec("Như trên"), rec("Lưu: VT")],
        "confidentiality": None, "urgency": "Thượng khẩn",
        "references": [ref("Kết luận", "KL", "14", "KL/TW", None, None, "implements")],
    },
}  # fmt: skip


def _cases() -> list[Any]:
    return [
        pytest.param(name, field, id=f"{name[:-4]}-{field}")
        for name, fields in EXPECTED.items()
        for field in fields
    ]


def test_every_document_has_expectations() -> None:
    assert {p.name for p in DOCS.glob("*.txt")} == set(EXPECTED)


@pytest.mark.parametrize(("name", "field"), _cases())
def test_field(name: str, field: str) -> None:
    documents = parse_all((DOCS / name).read_bytes())
    assert len(documents) == 1
    assert documents[0].to_dict()[field] == EXPECTED[name][field]
