"""The shapes real documents take on websites and in copies (issue 12), on made-up documents
of the same shape: web republications read from a lead, header tables copied cell by cell,
flattened copies, the ND 30 layout, signatures, references, OCR slips and garbage."""

from __future__ import annotations

import random
import re
from datetime import date

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from doimoi.vbparse import normalize, parse, parse_all
from doimoi.vbparse.webcopy import LEAD_NOTE

from .composer import Meta, compose
from .test_properties import FAST, metas

# ---- web republications ------------------------------------------------------------------

LEADS = [
    (
        "Công văn số 412-CV/TU ngày 03/4/2019 của Tỉnh ủy Bình Định về việc tăng cường "
        "công tác phòng, chống thiên tai",
        ("party", "412", "CV/TU", "Công văn", "Tỉnh ủy Bình Định", "2019-04-03"),
    ),
    (
        "Ngày 12-5-2018, Ban Thường vụ Tỉnh ủy đã ban hành Chỉ thị số 21-CT/TU về tăng cường "
        "sự lãnh đạo của Đảng đối với công tác dân vận.",
        ("party", "21", "CT/TU", "Chỉ thị", "Ban Thường vụ Tỉnh ủy", "2018-05-12"),
    ),
    (
        "(BĐT) - Ngày 2/3/2023, Ban Tuyên giáo Trung ương ban hành Hướng dẫn số 95-HD/BTGTW "
        "về tuyên truyền kỷ niệm 70 năm Chiến thắng Điện Biên Phủ.",
        ("party", "95", "HD/BTGTW", "Hướng dẫn", "Ban Tuyên giáo Trung ương", "2023-03-02"),
    ),
    (
        "Ngày 20/7/2021, UBND tỉnh Gia Lai ban hành Kế hoạch số 1563/KH-UBND về triển khai "
        "tiêm chủng vắc xin.",
        ("state", "1563", "KH-UBND", "Kế hoạch", "UBND tỉnh Gia Lai", "2021-07-20"),
    ),
]
SITE_TEXT = [
    "Quay lại\nTrang chủ > Văn bản > Văn bản của Đảng",
    "LTS: Báo trân trọng giới thiệu toàn văn.",
    "Cập nhật: 10:15 | 14/06/2023",
]
BODY = (
    "I. MỤC ĐÍCH, YÊU CẦU\n1. Quán triệt sâu sắc Kết luận số 14-KL/TW, ngày 22/9/2021 của "
    "Bộ Chính trị.\nII. NỘI DUNG\nPHÓ BÍ THƯ THƯỜNG TRỰC\nTin liên quan:\n- Hội nghị Ban "
    "Chấp hành Đảng bộ tỉnh lần thứ 10"
)


@pytest.mark.parametrize(("lead", "want"), LEADS)
@pytest.mark.parametrize("site", SITE_TEXT)
def test_a_republication_is_read_from_its_lead(lead: str, want: tuple[str, ...], site: str) -> None:
    document = parse(f"{site}\n{lead}\n{BODY}\n")
    got = (document.kind, document.number, document.symbol, document.type, document.issuer)
    assert (*got, document.date) == want
    assert document.title and not document.title.startswith(("I.", "Mục"))
    assert LEAD_NOTE in document.warnings
    assert document.confidence["number"] < 0.9 and document.confidence["issuer"] < 0.9


def test_a_section_heading_or_signer_title_is_never_the_issuer() -> None:
    text = "Tin tức\nI. MỤC ĐÍCH, YÊU CẦU\nPHÓ BÍ THƯ THƯỜNG TRỰC\nNội dung tuyên truyền.\n"
    document = parse(text)
    assert document.issuer is None and document.number is None


def test_a_site_metadata_block_fills_what_the_copy_lost() -> None:
    text = (
        "Quyết định 97/QĐ-UBND năm 2021 về phê duyệt danh mục dự án trên địa bàn tỉnh Kon Tum\n"
        "Số hiệu: | 97/QĐ-UBND | Loại văn bản: | Quyết định |\n"
        "Nơi ban hành: | Tỉnh Kon Tum | Người ký: | Lê Ngọc Tuấn |\n"
        "Ngày ban hành: | 05/02/2021 | Ngày hiệu lực: | Đang cập nhật |\n"
        "ỦY BAN NHÂN DÂN |\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        "Số: 97/QĐ-UBND |\nKon Tum, ngày 05 tháng 02 năm 2021 |\n"
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\nCăn cứ Luật Tổ chức chính quyền địa phương;\n"
    )
    document = parse(text)
    assert (document.number, document.symbol, document.date) == ("97", "QĐ-UBND", "2021-02-05")
    assert document.issuer == "Ủy ban nhân dân tỉnh Kon Tum"
    assert document.signer_name == "Lê Ngọc Tuấn"
    assert document.title and document.title.startswith("phê duyệt danh mục")


# ---- the state layout (Nghị định 30/2020) --------------------------------------------------

TABLE_COPY = """ỦY
BAN NHÂN DÂN
TỈNH {province}
-------
|
CỘNG
HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
|
Số:
{number}
|
{place_1}
{place_2}, ngày {day}
tháng {month} năm {year}
|
QUYẾT ĐỊNH
VỀ VIỆC BAN HÀNH QUY CHẾ LÀM VIỆC CỦA BAN CHỈ ĐẠO
CHUYỂN ĐỔI SỐ TỈNH {province}
{enacting}
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc.
"""
PLACES = [
    ("Tam", "Kỳ", "QUẢNG NAM"),
    ("Phan Rang-Tháp", "Chàm", "NINH THUẬN"),
    ("Cà", "Mau", "CÀ MAU"),
]


@pytest.mark.parametrize(("first", "second", "province"), PLACES)
@pytest.mark.parametrize(
    "enacting", ["ỦY BAN NHÂN DÂN TỈNH {province}", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH {province}"]
)
def test_a_header_table_copied_cell_by_cell(
    first: str, second: str, province: str, enacting: str
) -> None:
    text = TABLE_COPY.format(
        province=province,
        number="15/2019/QĐ-UBND",
        place_1=first,
        place_2=second,
        day="14",
        month="05",
        year="2019",
        enacting=enacting.format(province=province),
    )
    document = parse(text)
    assert (document.kind, document.number, document.symbol) == ("state", "15", "2019/QĐ-UBND")
    assert document.date == "2019-05-14" and document.place == f"{first} {second}"
    assert document.issuer is not None and document.issuer.lower().startswith("ủy ban nhân dân")
    assert "cộng hòa" not in document.issuer.lower()
    assert document.title is not None
    assert document.title.lower().endswith(f"chuyển đổi số tỉnh {province.lower()}")


@pytest.mark.parametrize(
    ("motto", "issuer_lines", "issuer", "parent"),
    [
        (["CỘNG HÒA XÃ HỘI", "CHỦ NGHĨA VIỆT NAM"], ["UBND TỈNH LÂM ĐỒNG", "SỞ NỘI VỤ"], "Sở Nội vụ",
         "UBND tỉnh Lâm Đồng"),
        (["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI"],
         "Ủy ban nhân dân tỉnh Quảng Ngãi", None),
        (["CỘNG HÒA XÃ HỘI", "CHỦ NGHĨA VIỆT NAM"], ["BỘ NỘI VỤ"], "Bộ Nội vụ", None),
    ],
)  # fmt: skip
def test_two_line_issuers_and_the_wrapped_motto(
    motto: list[str], issuer_lines: list[str], issuer: str, parent: str | None
) -> None:
    lines = [
        *issuer_lines,
        "-------",
        *motto,
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 88/KH-SNV",
        "Quảng Ngãi, ngày 14",
        "tháng 5 năm 2023",
        "KẾ HOẠCH",
        "Tuyên truyền cải cách hành chính năm 2023",
        "Căn cứ Quyết định số 12/QĐ-UBND ngày 10/01/2023 của UBND tỉnh;",
    ]
    document = parse("\n".join(lines))
    assert (document.issuer, document.parent_issuer) == (issuer, parent)
    assert document.date == "2023-05-14"
    assert document.title == "Tuyên truyền cải cách hành chính năm 2023"


def test_a_flattened_copy_is_cut_again_at_its_header_parts() -> None:
    text = (
        "UBND TỈNH ĐỒNG NAI CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM SỞ Y TẾ Độc lập - Tự do - Hạnh "
        "phúc Số: 1234/SYT-NVY Biên Hòa, ngày 07 tháng 3 năm 2022 V/v tăng cường phòng, chống "
        "dịch bệnh mùa khô Kính gửi: - Các bệnh viện trực thuộc; - Trung tâm Y tế các huyện. "
        "Thực hiện Công văn số 55/BYT-DP ngày 02/3/2022 của Bộ Y tế, Sở Y tế đề nghị các đơn vị "
        "triển khai ngay các biện pháp phòng, chống dịch bệnh. Nơi nhận: - Như trên; - Lưu: VT. "
        "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC (Đã ký) Nguyễn Văn Hùng"
    )
    document = parse(text)
    assert (document.number, document.symbol, document.date) == ("1234", "SYT-NVY", "2022-03-07")
    assert (document.issuer, document.place) == ("Sở Y tế", "Biên Hòa")
    assert document.title == "V/v tăng cường phòng, chống dịch bệnh mùa khô"
    assert [(r.number, r.symbol) for r in document.references] == [("55", "BYT-DP")]


def test_a_lost_d_in_the_symbol_is_restored_with_a_warning() -> None:
    text = (
        "ĐẢNG BỘ HUYỆN ĐỨC TRỌNG\nĐẢNG ỦY XÃ TÂN HỘI\n*\nSố 07-KH/DU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
        "Tân Hội, ngày 3 tháng 4 năm 2023\nKẾ HOẠCH\nhọc tập chuyên đề năm 2023\n-----\nNội dung."
    )
    document = parse(text)
    assert document.symbol == "KH/ĐU"
    assert any("KH/ĐU" in warning and "Đ" in warning for warning in document.warnings)


# ---- signatures --------------------------------------------------------------------------

HEADER = (
    "TỈNH ỦY LÂM ĐỒNG\n*\nSố 12-TB/TU\nĐẢNG CỘNG SẢN VIỆT NAM\nĐà Lạt, ngày 3 tháng 4 năm 2023\n"
    "THÔNG BÁO\nphân công nhiệm vụ\n-----\nNội dung thông báo.\n\nNơi nhận:\n- Như trên,\n- Lưu VT.\n"
)


@pytest.mark.parametrize("note", ["(Đã ký)", "[đã ký]", "Đã ký", "(Đã ký và đóng dấu)", "", "\n\n"])
def test_the_signer_after_a_signed_note(note: str) -> None:
    document = parse(f"{HEADER}T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n{note}\nTrần Văn Hiệp\n")
    assert (document.signing_authority, document.signer_title) == (
        "T/M BAN THƯỜNG VỤ",
        "PHÓ BÍ THƯ",
    )
    assert document.signer_name == "Trần Văn Hiệp"


def test_several_signers_stacked_and_side_by_side() -> None:
    stacked = parse(
        f"{HEADER}T/M BAN THƯỜNG VỤ\nBÍ THƯ\n(Đã ký)\nNguyễn Văn An\n\nKT. BÍ THƯ\nPHÓ BÍ THƯ\n"
        "(Đã ký)\nLê Thị Hà\n"
    )
    assert [s["name"] for s in stacked.signers] == ["Nguyễn Văn An", "Lê Thị Hà"]
    assert stacked.signer_name == "Nguyễn Văn An"
    joint = parse(
        f"{HEADER}TM. BAN THƯỜNG TRỰC UBMTTQ          TM. ỦY BAN NHÂN DÂN\n"
        "CHỦ TỊCH                                 CHỦ TỊCH\n"
        "(Đã ký)                                  (Đã ký)\n"
        "Phạm Thị Phúc                            Trần Văn Hiệp\n"
    )
    assert [s["name"] for s in joint.signers] == ["Phạm Thị Phúc", "Trần Văn Hiệp"]
    assert joint.to_dict()["signers"][1]["authority"] == "TM. ỦY BAN NHÂN DÂN"


# ---- references --------------------------------------------------------------------------

REFERENCES = [
    ("Quyết định số 12/QĐ-SXD-PTĐT&HTKT ngày 01/02/2020", [("12", "QĐ-SXD-PTĐT&HTKT")]),
    ("Tờ trình số 473/TTr - NN&PTNT ngày 21/5/2007", [("473", "TTr-NN&PTNT")]),
    ("Nghị quyết số 30c/NQ-CP ngày 08/11/2011 của Chính phủ", [("30c", "NQ-CP")]),
    ("Nghị quyết số 05/NQ.HĐND.K7 ngày 10/01/2005", [("05", "NQ.HĐND.K7")]),
    ("Nghị quyết số 97/2007/NQ-HĐND ngày 12/12/2007", [("97", "2007/NQ-HĐND")]),
    ("Nghị quyết liên tịch số 19/2008/NQLT/CP-UBTUMTTQVN", [("19", "2008/NQLT/CP-UBTUMTTQVN")]),
    ("Thông tư liên tịch số 11/2004/TTLT-BNN-BNV", [("11", "2004/TTLT-BNN-BNV")]),
    ("Nghị quyết số 18, 19-NQ/TW ngày 25/10/2017", [("18", "NQ/TW"), ("19", "NQ/TW")]),
    ("Kết luận số 5 và 6-KL/TW của Bộ Chính trị", [("5", "KL/TW"), ("6", "KL/TW")]),
    ("Kế hoạch số 20 KH/TU ngày 06/9/2021", [("20", "KH/TU")]),
]


@pytest.mark.parametrize(("sentence", "keys"), REFERENCES)
def test_reference_shapes(sentence: str, keys: list[tuple[str, str]]) -> None:
    document = parse(f"{HEADER.split('Nội dung')[0]}Căn cứ {sentence};\nNội dung.\n")
    assert [(r.number, r.symbol) for r in document.references] == keys


def test_the_nesting_of_what_a_text_cites() -> None:
    document = parse(
        f"{HEADER.split('Nội dung')[0]}Thực hiện Hướng dẫn số 78-HD/BTGTU, ngày 28/4/2022 của "
        "Ban Tuyên giáo Tỉnh ủy về quán triệt, triển khai thực hiện Kết luận số 14-KL/TW, ngày "
        "22/9/2021 của Bộ Chính trị; gắn với việc thực hiện Chỉ thị số 05-CT/TW.\n"
    )
    pairs = [(p["source"]["number"], p["target"]["number"]) for p in document.nesting]
    assert pairs == [("78", "14")]


def test_each_document_of_a_file_has_its_span_and_text() -> None:
    first = HEADER.replace("12-TB/TU", "12-CV/TU").replace("THÔNG BÁO\n", "")
    second = HEADER.replace("12-TB/TU", "40-TB/TU").replace("Đà Lạt", "Bảo Lộc")
    text = f"{first}\n\n\n\n\n\n\n\n\n\n\n\n\n\n{second}"
    documents = parse_all(text)
    assert [d.number for d in documents] == ["12", "40"]
    lines = normalize(text).split("\n")
    for document in documents:
        start, end = document.span
        assert document.text == "\n".join(lines[start:end]).strip()
    assert documents[0].span[1] <= documents[1].span[0]


# ---- OCR ---------------------------------------------------------------------------------


def test_ocr_slips_are_repaired_from_the_data_list() -> None:
    text = HEADER.replace("Số 12", "Sô 12").replace("phân công", "phát trién công tác")
    document = parse(text)
    assert (document.number, document.title) == ("12", "phát triển công tác nhiệm vụ")
    assert any("«trién» → «triển»" in w for w in document.warnings)


def test_garbled_ocr_gives_no_value_rather_than_garbage() -> None:
    text = (
        "KẾT LỦẬN 127-KL/TW CỦÀ BỘ CHÍNH TRỊ VỀ TRỈỂN KHÀÌ NGHĨÊN CỨƯ\n"
        "Í- MỤC TĨÊŨ, ỲÊỦ CẦỤ\n1. Bảọ đảm các ngưỷên tắc, mục tíêư, ỷêú cầũ.\n"
    )
    document = parse(text)
    assert (document.number, document.symbol) == ("127", "KL/TW")
    assert document.issuer is None and document.title is None
    assert document.confidence["issuer"] == 0.0


# ---- properties: composed documents, wrapped and stripped ----------------------------------


def _table_copy(text: str, seed: int) -> str:
    """A composed header the way a web table copy breaks it: words split off, cells ended by
    "|", the date and number lines broken."""
    rng = random.Random(seed)
    out: list[str] = []
    body = False
    for line in text.split("\n"):
        if body or line == "-----" or not line.strip():
            body = body or line == "-----"
            out.append(line)
            continue
        words = line.split()
        if ", ngày " in line and " tháng " in line and rng.random() < 0.7:
            cut = line.index(" tháng ") if rng.random() < 0.5 else line.index("ngày ") + 5
            out.extend([line[:cut].rstrip(), line[cut:].strip(), "|"])
        elif line.startswith("Số") and rng.random() < 0.6:
            head, _, rest = line.partition(" ")
            out.extend([head, rest, "|"])
        elif line.isupper() and len(words) >= 3 and rng.random() < 0.5:
            out.extend([words[0], " ".join(words[1:])])
        else:
            out.append(f"{line} |" if rng.random() < 0.3 else line)
    return "\n".join(out)


@FAST
@given(metas(), st.integers(0, 10_000))
def test_a_table_copy_of_a_composed_header_reads_back(meta: Meta, seed: int) -> None:
    assume(meta.layout == "stacked")
    document = parse(_table_copy(compose(meta), seed))
    got = (document.number, document.symbol, document.date, document.issuer)
    assert got == (meta.number, meta.symbol, meta.date, meta.issuer)


def _lead(meta: Meta) -> str:
    day = date.fromisoformat(meta.date)
    party = meta.kind == "party"
    reference = f"{meta.number}-{meta.symbol}" if party else f"{meta.number}/{meta.symbol}"
    title = re.sub(r"^(?:V/v|Về việc|về việc|Về|về)\s+", "", meta.title)
    return (
        f"Ngày {day.day}/{day.month}/{day.year}, {meta.issuer} đã ban hành {meta.type} số "
        f"{reference} về {title}."
    )


@FAST
@given(metas())
def test_a_composed_document_stripped_of_its_header_reads_from_its_lead(meta: Meta) -> None:
    assume(meta.type not in ("Luật", "Bộ luật", "Pháp lệnh", "Hiến pháp"))
    text = compose(meta)
    found = re.search(r"\n(?:Kính gửi|Căn cứ|Thực hiện|I\. MỤC)", text)
    assert found is not None
    body = text[found.start() :]
    document = parse(f"Trang chủ > Văn bản\n{_lead(meta)}\n{body}")
    got = (document.number, document.symbol, document.date, document.issuer, document.type)
    assert got == (meta.number, meta.symbol, meta.date, meta.issuer, meta.type)
