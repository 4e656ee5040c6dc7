"""Properties: nothing raises; composed documents parse back; corruption keeps the key fields."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from doimoi.vbparse import normalize, parse, parse_all
from doimoi.vbparse.tables import PARTY_TYPES, STATE_TYPES

from .composer import Cited, Meta, compose

PLACES = [
    "Lâm Đồng", "Bảo Lộc", "Đà Lạt", "Đức Trọng", "Di Linh", "Tân Hội", "Lạc Dương", "Bình Thuận",
    "Phan Thiết", "Ninh Bình", "Quảng Ninh", "Hạ Long", "Cần Thơ", "Huế", "Đắk Lắk", "Long An",
]  # fmt: skip
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi", "Nghiêm", "Lương"]
MIDDLE = ["Văn", "Thị", "Đức", "Xuân", "Minh", "Thanh", "Quang", "Hữu", "Ngọc"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hùng", "Lan", "Mai", "Nam", "Quận", "Thắng", "Mừng"]
TITLE_WORDS = [
    "tăng cường", "công tác", "cán bộ", "năng động", "sáng tạo", "tuyên truyền", "chuyển đổi số",
    "phát triển", "kinh tế", "xã hội", "năm 2024", "đổi mới", "nâng cao", "chất lượng", "hiệu quả",
    "tổ chức", "cơ sở", "đảng viên", "giai đoạn", "khuyến khích", "bảo vệ", "lợi ích chung",
]  # fmt: skip
RECIPIENTS = [
    "Ban Tổ chức Trung ương", "Thường trực Tỉnh ủy", "Các đảng ủy trực thuộc", "Các sở, ban, ngành",
    "UBND các huyện, thành phố", "Văn phòng Chính phủ", "Như trên", "Lưu VT", "Lưu: VT, TH",
]  # fmt: skip
CITED_ISSUERS = ["Ban Thường vụ Tỉnh ủy", "Bộ Chính trị", "Chính phủ", "UBND tỉnh Lâm Đồng", None]


def _party_issuers(place: str) -> list[tuple[str, str, str]]:
    up = place.upper()
    return [
        (f"TỈNH ỦY {up}", f"Tỉnh ủy {place}", "TU"),
        (f"THÀNH ỦY {up}", f"Thành ủy {place}", "ThU"),
        (f"HUYỆN ỦY {up}", f"Huyện ủy {place}", "HU"),
        (f"ĐẢNG ỦY XÃ {up}", f"Đảng ủy xã {place}", "ĐU"),
        ("ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "Đảng ủy Khối các cơ quan tỉnh", "ĐUK"),
        ("ĐẢNG ỦY KHỐI DOANH NGHIỆP", "Đảng ủy Khối Doanh nghiệp", "ĐUK"),
        ("BAN TUYÊN GIÁO TỈNH ỦY", "Ban Tuyên giáo Tỉnh ủy", "BTGTU"),
        ("ỦY BAN KIỂM TRA TỈNH ỦY", "Ủy ban Kiểm tra Tỉnh ủy", "UBKTTU"),
        ("BAN CHẤP HÀNH TRUNG ƯƠNG", "Ban Chấp hành Trung ương", "TW"),
    ]


def _state_issuers(place: str) -> list[tuple[str, str, str]]:
    up = place.upper()
    return [
        (f"ỦY BAN NHÂN DÂN TỈNH {up}", f"Ủy ban nhân dân tỉnh {place}", "UBND"),
        (f"UBND HUYỆN {up}", f"UBND huyện {place}", "UBND"),
        ("BỘ NỘI VỤ", "Bộ Nội vụ", "BNV"),
        ("BỘ GIÁO DỤC VÀ ĐÀO TẠO", "Bộ Giáo dục và Đào tạo", "BGDĐT"),
        ("SỞ NỘI VỤ", "Sở Nội vụ", "SNV"),
        ("SỞ Y TẾ", "Sở Y tế", "SYT"),
        ("CHÍNH PHỦ", "Chính phủ", "CP"),
    ]


PARTY_SIGNING = [
    ("T/M BAN THƯỜNG VỤ", "BÍ THƯ"),
    ("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"),
    ("T/M ĐẢNG ỦY", "BÍ THƯ"),
    ("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"),
    ("T/L BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG"),
    ("Q. TRƯỞNG BAN", None),
]
STATE_SIGNING = [
    ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
    ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
    ("TL. BỘ TRƯỞNG", "CHÁNH VĂN PHÒNG"),
    ("TUQ. CHỦ TỊCH", "GIÁM ĐỐC SỞ NỘI VỤ"),
    ("Q. GIÁM ĐỐC", None),
    (None, "BỘ TRƯỞNG"),
]
OPEN_CODES = sorted(set(PARTY_TYPES) - {"CV"})
STATE_CODES = sorted(set(STATE_TYPES) - {"CV", "L"})


@st.composite
def titles(draw: st.DrawFn, cong_van: bool) -> str:
    words = draw(st.lists(st.sampled_from(TITLE_WORDS), min_size=3, max_size=9))
    head = draw(
        st.sampled_from(["V/v", "Về việc", "Về"] if cong_van else ["về", "Về việc", "Kế hoạch"])
    )
    return " ".join([head, *words])


@st.composite
def cited(draw: st.DrawFn, kind: str, number: int) -> Cited:
    relation = draw(st.sampled_from(["implements", "basis", "cites"]))
    day = draw(st.dates(date(2000, 1, 1), date(2030, 12, 31)) | st.none())
    issuer = draw(st.sampled_from(CITED_ISSUERS))
    if kind == "party":
        code = draw(st.sampled_from(OPEN_CODES))
        return Cited(PARTY_TYPES[code], f"{number:02d}", f"{code}/TU", day and day.isoformat(),
                     issuer, relation)  # fmt: skip
    code = draw(st.sampled_from(STATE_CODES))
    return Cited(STATE_TYPES[code], str(number), f"{code}-UBND", day and day.isoformat(), issuer,
                 relation)  # fmt: skip


@st.composite
def metas(draw: st.DrawFn) -> Meta:
    kind = draw(st.sampled_from(["party", "state"]))
    place = draw(st.sampled_from(PLACES))
    number = draw(st.integers(1, 9999))
    written = f"{number:02d}" if draw(st.booleans()) else str(number)
    kind_fields = _party_fields(draw, place) if kind == "party" else _state_fields(draw, place)
    cong_van = kind_fields["type"] == "Công văn"
    authority, signer_title = draw(
        st.sampled_from(PARTY_SIGNING if kind == "party" else STATE_SIGNING)
    )
    others = draw(
        st.lists(st.integers(1, 999).filter(lambda n: n != number), max_size=3, unique=True)
    )
    names = draw(st.lists(st.sampled_from(RECIPIENTS), min_size=1, max_size=5, unique=True))
    return Meta(
        kind=kind,
        number=written,
        place=place,
        date=draw(st.dates(date(1990, 1, 1), date(2035, 12, 31))).isoformat(),
        title=draw(titles(cong_van)),
        authority=authority,
        signer_title=signer_title,
        signer_name=" ".join(draw(st.sampled_from(p)) for p in (SURNAMES, MIDDLE, GIVEN)),
        recipients=[(name, draw(st.booleans()) and name[:3] not in ("Như", "Lưu")) for name in names],
        kinh_gui=draw(st.lists(st.sampled_from(RECIPIENTS[:6]), max_size=3, unique=True)) if cong_van else [],
        confidentiality=draw(st.sampled_from([None, None, "Mật", "Tối mật", "Tuyệt mật"])),
        urgency=draw(st.sampled_from([None, None, "Khẩn", "Thượng khẩn", "Hỏa tốc"])),
        references=[draw(cited(kind, n)) for n in others],
        layout=draw(st.sampled_from(["stacked", "two_column", "double_spaced"])),
        padded_date=draw(st.booleans()),
        title_lines=draw(st.sampled_from([1, 2])),
        **kind_fields,
    )  # fmt: skip


def _party_fields(draw: st.DrawFn, place: str) -> dict[str, object]:
    upper, issuer, body = draw(st.sampled_from(_party_issuers(place)))
    code = draw(st.sampled_from(sorted(PARTY_TYPES)))
    parent = draw(
        st.sampled_from([None, (f"ĐẢNG BỘ TỈNH {place.upper()}", f"Đảng bộ tỉnh {place}")])
    )
    return {
        "symbol": f"{code}/{body}",
        "type_code": code,
        "type": PARTY_TYPES[code],
        "issuer_upper": upper,
        "issuer": issuer,
        "parent_upper": parent and parent[0],
        "parent": parent and parent[1],
    }


def _state_fields(draw: st.DrawFn, place: str) -> dict[str, object]:
    upper, issuer, body = draw(st.sampled_from(_state_issuers(place)))
    form = draw(st.sampled_from(["typed", "typed", "cong_van", "normative"]))
    code = draw(st.sampled_from(STATE_CODES))
    symbol, type_code, type_ = f"{code}-{body}", code, STATE_TYPES[code]
    if form == "cong_van":
        symbol, type_code, type_ = (
            f"{body}-{draw(st.sampled_from(['VP', 'TH', 'VX', 'NC']))}",
            None,
            "Công văn",
        )
    elif form == "normative":
        symbol = f"{draw(st.integers(2000, 2030))}/{symbol}"
    return {
        "symbol": symbol,
        "type_code": type_code,
        "type": type_,
        "issuer_upper": upper,
        "issuer": issuer,
        "parent_upper": None,
        "parent": None,
    }  # fmt: skip


FAST = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.text())
def test_any_text_parses(text: str) -> None:
    documents = parse_all(text)
    assert documents and all(isinstance(d.to_dict(), dict) for d in documents)


@FAST
@given(st.binary())
def test_any_bytes_parse(data: bytes) -> None:
    documents = parse_all(data)
    assert documents and all(isinstance(d.to_dict(), dict) for d in documents)


@FAST
@given(st.lists(st.sampled_from(["Số 12-KH/TU", "ĐẢNG CỘNG SẢN VIỆT NAM", "Kính gửi:", "Nơi nhận:",
                                 "- a", "T/M", "KẾ HOẠCH", "\n", "Hà Nội, ngày 1 tháng 1 năm 2020",
                                 "**", "|", "Số: 1/QĐ-UBND", "Thực hiện Kế hoạch số 1-KH/TU"]))
       .map("\n".join))  # fmt: skip
def test_header_fragments_in_any_order_parse(text: str) -> None:
    assert parse_all(text)


@FAST
@given(metas())
def test_composed_document_parses_back(meta: Meta) -> None:
    text = compose(meta)
    parsed = parse_all(text)
    assert len(parsed) == 1, text
    result = parsed[0].to_dict()
    for key, value in meta.expected().items():
        assert result[key] == value, (key, text)
    expected = [(c.number, c.symbol, c.relation, c.date, c.issuer, c.type) for c in meta.references]
    found = [
        (r["number"], r["symbol"], r["relation"], r["date"], r["issuer"], r["type"])
        for r in result["references"]
    ]
    assert found == expected, text


def _u_horn(text: str) -> str:
    return text.replace("ư", "\u01a3").replace("Ư", "\u01a2")


def _markdown(text: str) -> str:
    lines = text.split("\n")
    out = [f"**{line}**" if line.isupper() and len(line) > 3 else line for line in lines]
    out = [line.replace("*", "\\*") if line.strip() == "*" else line for line in out]
    return "\n".join(f"*{line}*" if ", ngày " in line else line for line in out)


def _old_tones(text: str) -> str:
    for new, old in (
        ("ủy", "uỷ"),
        ("ỦY", "UỶ"),
        ("Ủy", "Uỷ"),
        ("hòa", "hoà"),
        ("HÒA", "HOÀ"),
        ("óa", "oá"),
    ):
        text = text.replace(new, old)
    return text


CORRUPTIONS: list[Callable[[str], str]] = [
    _u_horn,
    _markdown,
    _old_tones,
    lambda t: t.replace("ĐẢNG CỘNG SẢN", "DẢNG CỘNG SẢN").replace("Như trên", "Nhu trên"),
    lambda t: t.replace("\n", "\n\n"),
    lambda t: t.replace("\n", "\r\n"),
    lambda t: unicodedata.normalize("NFD", t),
    lambda t: t.replace("I. MỤC ĐÍCH", "- 2 -\nI. MỤC ĐÍCH"),
    lambda t: t.replace("Số ", "Số  ", 1),
    lambda t: t.replace("Số: ", "Số:  ", 1),
]


@FAST
@given(metas(), st.lists(st.sampled_from(range(len(CORRUPTIONS))), max_size=6), st.booleans())
def test_corruption_keeps_key_fields(meta: Meta, picks: list[int], drop_hyphen: bool) -> None:
    text = compose(meta)
    if drop_hyphen and meta.kind == "party":
        text = text.replace(f"Số {meta.number}-", f"Số {meta.number} ", 1)
    elif drop_hyphen:
        text = text.replace(f"Số: {meta.number}/", f"Số: {meta.number} / ", 1)
    for pick in picks:
        text = CORRUPTIONS[pick](text)
    document = parse(text)
    got = (document.number, document.symbol, document.date, document.issuer)
    assert got == (meta.number, meta.symbol, meta.date, meta.issuer), text


@FAST
@given(metas(), st.lists(st.sampled_from(range(len(CORRUPTIONS))), max_size=4))
def test_normalize_is_idempotent_and_parsing_normalized_text_agrees(
    meta: Meta, picks: list[int]
) -> None:
    text = compose(meta)
    for pick in picks:
        text = CORRUPTIONS[pick](text)
    once = normalize(text)
    assert normalize(once) == once
    first, again = parse(text).to_dict(), parse(once).to_dict()
    for key in ("number", "symbol", "date", "issuer", "title", "signer_name", "references"):
        assert first[key] == again[key], key
