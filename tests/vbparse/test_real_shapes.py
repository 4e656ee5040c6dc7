"""Shapes met in the real corpus (tests/corpus/real), each on made-up documents of that shape:
numbered places in the date line, date lines typed with wide spaces, issuers a web table
wrapped after their first words, resolutions whose copy lost the type line."""

from __future__ import annotations

import pytest

from doimoi.vbparse import parse


def _state(issuer: list[str], number: str, dateline: str, rest: list[str]) -> str:
    return "\n".join(
        [*issuer, "-------", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
         "---------------", f"Số: {number}", dateline, *rest, "Căn cứ Luật Tổ chức chính quyền "
         "địa phương ngày 19 tháng 6 năm 2015;", "QUYẾT ĐỊNH:", "Điều 1. Nội dung."]
    )  # fmt: skip


@pytest.mark.parametrize(
    ("dateline", "place", "day"),
    [
        ("Phường 1, ngày 15 tháng 3 năm 2021", "Phường 1", "2021-03-15"),
        ("Quận 10, ngày 02/3/2020", "Quận 10", "2020-03-02"),
        ("PHƯỜNG 12, ngày 7 tháng 11 năm 2019", "PHƯỜNG 12", "2019-11-07"),
        ("Quận 9, ngày  04   tháng 6  năm 2014", "Quận 9", "2014-06-04"),
        ("Hà Nội, ngày  04   tháng   6  năm  2014", "Hà Nội", "2014-06-04"),
    ],
)
def test_numbered_places_and_wide_spaces_in_the_date_line(
    dateline: str, place: str, day: str
) -> None:
    text = _state(["ỦY BAN NHÂN DÂN", "PHƯỜNG 1"], "12/QĐ-UBND", dateline,
                  ["QUYẾT ĐỊNH", "Về việc thành lập tổ công tác"])  # fmt: skip
    document = parse(text)
    assert (document.place, document.date, document.number) == (place, day, "12")


def test_a_two_column_date_line_still_splits_from_its_issuer() -> None:
    text = "ỦY BAN NHÂN DÂN        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n" + (
        "QUẬN 9        Độc lập - Tự do - Hạnh phúc\n"
        "Số: 21/UBND        Quận 9, ngày  04   tháng 6  năm 2014\n"
        "V/v báo cáo định kỳ\nKính gửi: Các phường.\nNội dung công văn."
    )
    document = parse(text)
    assert (document.place, document.date, document.issuer) == (
        "Quận 9", "2014-06-04", "Ủy ban nhân dân quận 9",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("lines", "issuer"),
    [
        (["CHÍNH", "PHỦ"], "chính phủ"),
        (["ỦY BAN THƯỜNG VỤ", "QUỐC HỘI"], "ủy ban thường vụ quốc hội"),
        (["VĂN PHÒNG", "CHÍNH PHỦ"], "văn phòng chính phủ"),
    ],
)
def test_issuers_wrapped_after_their_first_words_are_joined(lines: list[str], issuer: str) -> None:
    text = _state(lines, "80/NQ-CP", "Hà Nội, ngày 19 tháng 05 năm 2011",
                  ["NGHỊ QUYẾT", "VỀ ĐỊNH HƯỚNG GIẢM NGHÈO BỀN VỮNG"])  # fmt: skip
    document = parse(text)
    assert (document.issuer or "").casefold() == issuer
    assert document.parent_issuer is None


@pytest.mark.parametrize(
    ("enacting", "issuer"),
    [
        (["HỘI ĐỒNG NHÂN DÂN TỈNH HÀ GIANG", "KHÓA XVIII, KỲ HỌP THỨ 17"],
         "Hội đồng nhân dân tỉnh Hà Giang"),
        (["HỘI ĐỒNG NHÂN DÂN TỈNH BÌNH ĐỊNH", "KHÓA XII, KỲ HỌP THỨ 5"],
         "Hội đồng nhân dân tỉnh Bình Định"),
    ],
)  # fmt: skip
def test_a_resolution_without_its_type_line_ends_its_title_at_the_enacting_line(
    enacting: list[str], issuer: str
) -> None:
    text = _state(["HỘI ĐỒNG NHÂN DÂN"], "97/NQ-HĐND", "Hà Giang, ngày 10 tháng 7 năm 2024",
                  ["VỀ VIỆC THÔNG QUA KẾ HOẠCH SỬ DỤNG ĐẤT 05 NĂM (2021 - 2025)", *enacting])  # fmt: skip
    document = parse(text)
    assert document.issuer == issuer
    assert document.type == "Nghị quyết"
    assert (document.title or "").casefold() == (
        "về việc thông qua kế hoạch sử dụng đất 05 năm (2021 - 2025)"
    )


# ---- leads on portals and newspapers -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ban Thường vụ Tỉnh ủy vừa ban hành công điện số 07-CĐ/TU về tăng cường lãnh đạo "
            "phòng, chống dịch trên địa bàn tỉnh. Sau đây là nội dung công điện:",
            ("07", "CĐ/TU", "Công điện", "Ban Thường vụ Tỉnh ủy", None,
             "tăng cường lãnh đạo phòng, chống dịch trên địa bàn tỉnh"),
        ),
        (
            "Ban Thường vụ Huyện ủy đã ban hành kế hoạch số 12-KH/HU về tổ chức đại hội chi bộ.",
            ("12", "KH/HU", "Kế hoạch", "Ban Thường vụ Huyện ủy", None, "tổ chức đại hội chi bộ"),
        ),
        (
            "Ngày 02/11/2021, Sở Văn hóa, Thể thao và Du lịch đã ban hành Kế hoạch số "
            "67/KH-SVHTTDL tổ chức Hội thi xe tuyên truyền lưu động./.\n\nDoãn Thành",
            ("67", "KH-SVHTTDL", "Kế hoạch", "Sở Văn hóa, Thể thao và Du lịch", "2021-11-02",
             "tổ chức Hội thi xe tuyên truyền lưu động"),
        ),
        (
            "Ngày 5/3/2020, Sở Lao động, Thương binh và Xã hội ban hành Kế hoạch số 45/KH-SLĐTBXH "
            "triển khai công tác giảm nghèo năm 2020.",
            ("45", "KH-SLĐTBXH", "Kế hoạch", "Sở Lao động, Thương binh và Xã hội", "2020-03-05",
             "triển khai công tác giảm nghèo năm 2020"),
        ),
        (
            "Thực hiện Hướng dẫn số 70- HD/BTGTU ngày 14/12/2018 của Ban Tuyên giáo Thành ủy.\n"
            "Phòng Văn hóa và Thông tin đăng tải Hướng dẫn số 35-HD/BTG ngày 25/12/2018 của Ban "
            "Tuyên giáo Quận ủy. Xem nội dung Hướng dẫn tại đây.",
            ("35", "HD/BTG", "Hướng dẫn", "Ban Tuyên giáo Quận ủy", "2018-12-25", None),
        ),
        (
            "Trung tâm Văn hóa đăng tải Kế hoạch số 8-KH/ĐU ngày 3/2/2022 của Đảng ủy phường.",
            ("8", "KH/ĐU", "Kế hoạch", "Đảng ủy phường", "2022-02-03", None),
        ),
    ],
)  # fmt: skip
def test_leads_with_lower_case_types_commas_in_issuers_and_posted_documents(
    text: str, expected: tuple[str | None, ...]
) -> None:
    document = parse(text)
    got = (document.number, document.symbol, document.type, document.issuer, document.date,
           document.title)  # fmt: skip
    assert got == expected
    assert document.signer_name is None


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Chỉ thị 35-CT/TW của Bộ Chính trị về Đại hội Đảng bộ các cấp nêu rõ sẽ giảm 5% ủy viên.",
         "Đại hội Đảng bộ các cấp"),
        ("Kết luận 14-KL/TW của Bộ Chính trị về bảo vệ cán bộ năng động khẳng định cần khuyến "
         "khích cán bộ.", "bảo vệ cán bộ năng động"),
    ],
)  # fmt: skip
def test_a_headline_title_ends_where_the_headline_says_what_the_document_says(
    text: str, title: str
) -> None:
    document = parse(text + "\n\nĐỒNG HÀNH CÙNG DOANH NGHIỆP")
    assert document.title == title
    assert document.signer_name is None


@pytest.mark.parametrize("key", ["Người ký : ", "Người ký: "])
def test_a_site_metadata_row_naming_the_signer_is_not_a_signature_stamp(key: str) -> None:
    text = (
        "Loại văn bản : Quyết định Số hiệu : 15/2014/QĐ-UBND\n"
        f"{key}Dương Ngọc Long Nơi ban hành : UBND TỈNH THÁI NGUYÊN\n\n"
    ) + _state(["ỦY BAN NHÂN DÂN", "TỈNH THÁI NGUYÊN"], "15/2014/QĐ-UBND",
               "Thái Nguyên, ngày 10 tháng 6 năm 2014", ["QUYẾT ĐỊNH", "Ban hành Quy định"])  # fmt: skip
    assert parse(text).signer_name == "Dương Ngọc Long"


# ---- copies cut above the type line; headers without a number -----------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "NGHỊ ĐỊNH\nQUY ĐỊNH CHỨC NĂNG, NHIỆM VỤ, QUYỀN HẠN VÀ CƠ\nCẤU TỔ CHỨC CỦA BỘ NỘI VỤ\n"
            "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm\n2025;\nTheo đề nghị của Bộ "
            "trưởng Bộ Nội vụ;\nChính phủ\nban hành Nghị định quy định chức năng của Bộ Nội vụ.\n"
            "Điều 1. Vị trí và chức năng",
            ("state", "Nghị định", "Chính phủ",
             "QUY ĐỊNH CHỨC NĂNG, NHIỆM VỤ, QUYỀN HẠN VÀ CƠ CẤU TỔ CHỨC CỦA BỘ NỘI VỤ"),
        ),
        (
            "KẾ HOẠCH\nTổ chức đại hội Đoàn các cấp, tiến tới Đại hội đại biểu\nĐoàn TNCS Hồ Chí "
            "Minh tỉnh lần thứ XV\nCăn cứ Điều lệ Đoàn TNCS Hồ Chí Minh; Ban Chấp hành Tỉnh đoàn "
            "ban hành Kế hoạch tổ chức đại hội như sau:\nI. YÊU CẦU",
            ("party", "Kế hoạch", "Ban Chấp hành Tỉnh đoàn",
             "Tổ chức đại hội Đoàn các cấp, tiến tới Đại hội đại biểu Đoàn TNCS Hồ Chí Minh tỉnh "
             "lần thứ XV"),
        ),
    ],
)  # fmt: skip
def test_a_copy_cut_above_its_type_line(text: str, expected: tuple[str, ...]) -> None:
    document = parse(text)
    assert (document.kind, document.type, document.issuer, document.title) == expected
    assert (document.number, document.date) == (None, None)


@pytest.mark.parametrize(
    ("issuer", "name"),
    [
        ("ĐẢNG ỦY KHỐI CÁC CƠ QUAN TW", "đảng ủy khối các cơ quan tw"),
        ("HUYỆN ỦY ĐỨC TRỌNG", "huyện ủy đức trọng"),
    ],
)
def test_a_party_header_without_a_number_keeps_its_issuer(issuer: str, name: str) -> None:
    text = (
        f"{issuer}\n*\n\nĐẢNG CỘNG SẢN VIỆT NAM\nHà Nội, ngày 08 tháng 01 năm 2021\n\n"
        "BÁO CÁO\ntổng kết công tác tuyên giáo năm 2020\nPhần thứ nhất\nNăm 2020, ..."
    )
    document = parse(text)
    assert (document.issuer or "").casefold() == name
    assert (document.type, document.date, document.number) == ("Báo cáo", "2021-01-08", None)


@pytest.mark.parametrize(
    ("number", "line", "kind"),
    [
        ("53/2014/TT-BYT", "QUY ĐỊNH ĐIỀU KIỆN HOẠT ĐỘNG Y TẾ TRÊN MÔI TRƯỜNG MẠNG", "Thông tư"),
        ("12/2020/NĐ-CP", "QUY ĐỊNH CHI TIẾT MỘT SỐ ĐIỀU CỦA LUẬT", "Nghị định"),
        ("05/2019/TT-BNV", "HƯỚNG DẪN THI HÀNH MỘT SỐ ĐIỀU CỦA NGHỊ ĐỊNH", "Thông tư"),
    ],
)
def test_a_title_opening_with_a_type_word_under_a_number_of_another_type(
    number: str, line: str, kind: str
) -> None:
    text = _state(["BỘ Y TẾ"], number, "Hà Nội, ngày 29 tháng 12 năm 2014", [line])
    document = parse(text)
    assert document.type == kind
    assert (document.title or "").casefold() == line.casefold()


def test_a_party_rule_under_a_qd_number_stays_a_rule() -> None:
    text = (
        "TỈNH ỦY LÂM ĐỒNG\n*\nSố 05-QĐ/TU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
        "Đà Lạt, ngày 3 tháng 4 năm 2021\n\nQUY ĐỊNH VỀ CHỨC NĂNG CỦA BAN TUYÊN GIÁO\n"
        "Căn cứ Điều lệ Đảng;"
    )
    assert parse(text).type == "Quy định"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("HỘI ĐỒNG NHÂN DÂN TỈNH HÒA BÌNH", "KHÓA XVI KỲ HỌP THỨ TƯ"),
        ("HỘI ĐỒNG NHÂN DÂN TỈNH BÌNH PHƯỚC", "KHÓA IX, KỲ HỌP THỨ NHẤT"),
    ],
)
def test_a_copy_without_type_and_title_completes_its_issuer_from_the_enacting_line(
    first: str, second: str
) -> None:
    text = (
        "HỘI ĐỒNG NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        "Số: 54/2017/NQ-HĐND | Hòa Bình, ngày 13 tháng 7 năm 2017 |\n"
        f"{first}\n{second}\nCăn cứ Luật Tổ chức chính quyền địa phương;\nQUYẾT NGHỊ:\nĐiều 1."
    )
    document = parse(text)
    assert (document.issuer or "").casefold() == first.casefold()
    assert (document.type, document.title) == ("Nghị quyết", None)


@pytest.mark.parametrize("rule", ["-------------", "_____________"])
def test_a_header_table_flattened_onto_one_line_with_rules(rule: str) -> None:
    text = (
        f"ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN {rule} Số: 52/2018/QĐ-UBND | CỘNG HOÀ XÃ HỘI CHỦ NGHĨA "
        f"VIỆT NAM Độc lập - Tự do - Hạnh phúc {rule} Lạng Sơn, ngày 05 tháng 9 năm 2018 |\n"
        "QUYẾT ĐỊNH\nBan hành Quy định về dự toán ngân sách\nCăn cứ Luật ngân sách nhà nước;"
    )
    document = parse(text)
    assert (document.issuer, document.place, document.date, document.number) == (
        "Ủy ban nhân dân tỉnh Lạng Sơn", "Lạng Sơn", "2018-09-05", "52",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ngày 23/11/2018, thừa lệnh Chủ tịch UBND tỉnh Tuyên Quang, Phó Chánh Văn phòng UBND "
            "tỉnh Tuyên Quang Nguyễn Thanh đã ký ban hành văn bản số 3653/UBND-TNMT, V/v đề xuất "
            "của Sở TN & MT. Toàn văn như sau:",
            ("3653", "UBND-TNMT", "Công văn", "UBND tỉnh Tuyên Quang", "2018-11-23",
             "đề xuất của Sở TN & MT", "Nguyễn Thanh"),
        ),
        (
            "Ngày 30/7/2021, quán triệt tinh thần của Tổng Bí thư, thay mặt BTV Thành ủy Hà Nội, "
            "đồng chí Đinh Tiến Dũng, Ủy viên Bộ Chính trị, Bí thư Thành ủy đã ký ban hành Chỉ "
            "thị số 05-CT/TU về “Tăng cường trách nhiệm của hệ thống chính trị”.",
            ("05", "CT/TU", "Chỉ thị", "BTV Thành ủy Hà Nội", "2021-07-30",
             "Tăng cường trách nhiệm của hệ thống chính trị", "Đinh Tiến Dũng"),
        ),
    ],
)  # fmt: skip
def test_a_lead_naming_the_body_a_signer_signs_for(text: str, expected: tuple[str, ...]) -> None:
    document = parse(text)
    got = (document.number, document.symbol, document.type, document.issuer, document.date,
           document.title, document.signer_name)  # fmt: skip
    assert got == expected


_WORD_CELL = (
    '<td style="width:2.25in;border:none;padding:0in 5.4pt 0in 5.4pt" valign="top" width="216">'
)


@pytest.mark.parametrize(
    ("issuer", "number", "dateline", "expected"),
    [
        ("ỦY BAN NHÂN DÂN<br /> THÀNH PHỐ HÀ NỘI", "242/KH-UBND", "Hà Nội, ngày 13 tháng 12 năm 2017",
         ("Ủy ban nhân dân thành phố Hà Nội", "242", "Kế hoạch", "Hà Nội", "2017-12-13")),
        ("SỞ&nbsp;NỘI&nbsp;VỤ", "15/QĐ-SNV", "Đà Lạt, ngày&nbsp;2 tháng 3 năm 2020",
         ("Sở Nội vụ", "15", "Quyết định", "Đà Lạt", "2020-03-02")),
    ],
)  # fmt: skip
def test_a_word_html_header_table_served_as_text(
    issuer: str, number: str, dateline: str, expected: tuple[str, ...]
) -> None:
    text = (
        f'<table class="MsoNormalTable"> <tbody> <tr> {_WORD_CELL} <p align="center"><b>{issuer}'
        f"</b><br /> <b>-------</b></p> <p>Số: {number}</p> </td> {_WORD_CELL} <p><b>CỘNG HÒA XÃ"
        ' HỘI CHỦ NGHĨA VIỆT NAM<br /> Độc lập - Tự do - Hạnh phúc</b></p> <p align="right"><i>'
        f"{dateline}</i></p> </td> </tr> </tbody> </table> <p"
    )
    document = parse(text)
    got = (document.issuer, document.number, document.type, document.place, document.date)
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thay mặt Bộ Chính trị, đồng chí Võ Văn Thưởng, Ủy viên Bộ Chính trị, Thường trực Ban "
         "Bí thư, vừa ký ban hành Kết luận số 34-KL/TW ngày 18/4/2022 về Chiến lược công tác kiểm "
         "tra, giám sát của Đảng đến năm 2030. Kết luận nêu rõ:",
         ("34", "Bộ Chính trị", "2022-04-18", "Võ Văn Thưởng")),
        ("Thay mặt Bộ Chính trị, Thường trực Ban Bí thư Trần Cẩm Tú ký ban hành Kết luận số "
         "185-KL/TW, ngày 22/8/2025 về tăng cường lãnh đạo công tác tổ chức đại hội.",
         ("185", "Bộ Chính trị", "2025-08-22", "Trần Cẩm Tú")),
    ],
)  # fmt: skip
def test_thay_mat_with_a_capital_and_the_date_after_the_number(
    text: str, expected: tuple[str, ...]
) -> None:
    document = parse(text)
    assert (document.number, document.issuer, document.date, document.signer_name) == expected


@pytest.mark.parametrize(
    ("title", "refs"),
    [
        ("HƯỚNG DẪN VỀ THỂ THỨC VĂN BẢN CỦA ĐẢNG", "Bộ Chính trị số31-QĐ/TW và Ban Bí thư số91-QĐ/TW"),
        ("HƯỚNG DẪN\nVỀTHỂ THỨC VĂN BẢN CỦA ĐẢNG", "Bộ Chính trị số 31-QĐ/TW và Ban Bí thư số91-QĐ/TW"),
    ],
)  # fmt: skip
def test_the_central_office_its_titles_about_the_party_and_numbers_glued_to_so(
    title: str, refs: str
) -> None:
    text = (
        "BAN CHẤP HÀNH TRUNG ƯƠNG\nVĂN PHÒNG\n--------\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\n"
        f"Số: 11-HD/VPTW\n\nHà Nội, ngày 28 tháng 05 năm 2004\n\n{title}\n\n"
        f"Thi hành các Quyết định của {refs}, Văn phòng Trung ương Đảng hướng dẫn như sau:"
    )
    document = parse(text)
    assert document.issuer == "Văn phòng Trung ương Đảng"
    assert "thể thức văn bản của đảng" in (document.title or "").casefold()
    assert [(r.number, r.symbol) for r in document.references] == [("31", "QĐ/TW"), ("91", "QĐ/TW")]


@pytest.mark.parametrize(
    "line",
    [
        "BAN CHẤP HÀNH TRUNG ƯƠNG VĂN PHÒNG * Số 36-HD/VPTW ĐẢNG CỘNG SẢN VIỆT NAM Hà Nội, ngày 03 "
        "tháng 4 năm 2018 HƯỚNG DẪN thể thức và kỹ thuật trình bày văn bản",
        "TỈNH ỦY LÂM ĐỒNG * Số 12-KH/TU ĐẢNG CỘNG SẢN VIỆT NAM Đà Lạt, ngày 03 tháng 4 năm 2018 "
        "KẾ HOẠCH tổ chức hội nghị sơ kết công tác năm",
    ],
)
def test_a_short_header_that_lost_its_line_breaks(line: str) -> None:
    document = parse(line + "\n\nNội dung kế hoạch.")
    assert (document.date, document.kind) == ("2018-04-03", "party")


@pytest.mark.parametrize(
    ("number", "title", "kind"),
    [
        (
            "23/KH-UBND",
            "RÀ SOÁT, ĐÁNH GIÁ THỦ TỤC HÀNH CHÍNH NĂM 2024 TRÊN ĐỊA BÀN TỈNH",
            "Kế hoạch",
        ),
        ("105/QĐ-UBND", "PHÊ DUYỆT DANH MỤC DỰ ÁN ĐẦU TƯ CÔNG NĂM 2024", "Quyết định"),
    ],
)
def test_a_capitals_title_right_under_the_number_of_a_table_copy(
    number: str, title: str, kind: str
) -> None:
    text = (
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        f"Số: {number} | Quảng Ngãi, ngày 31 tháng 01 năm 2024 |\n{title}\n"
        "Thực hiện Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 về kiểm soát thủ tục hành chính;"
    )
    document = parse(text)
    assert (document.type, (document.title or "").casefold()) == (kind, title.casefold())


@pytest.mark.parametrize("headline", ["Quyết định 1281/QĐ-UBND", "Kế hoạch 55/KH-UBND"])
def test_a_headline_without_an_issuer_keeps_the_headers(headline: str) -> None:
    text = (
        f"{headline}\n\nỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT "
        "NAM\n\nSố: 1281/-UBND\n\nHà Tĩnh, ngày 13 tháng 05 năm 2014\n\nQUYẾT ĐỊNH\n\nVỀ VIỆC "
        "CÔNG BỐ THỦ TỤC HÀNH CHÍNH\n\nCăn cứ Luật Tổ chức HĐND và UBND;"
    )
    assert parse(text).issuer == "Ủy ban nhân dân tỉnh Hà Tĩnh"


@pytest.mark.parametrize("place", ["TP. Hồ Chí Minh", "TP Hồ Chí Minh"])
def test_a_city_place_keeps_its_tp(place: str) -> None:
    text = _state(["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH"], "214/UBND-VX",
                  f"{place}, ngày 12 tháng 01 năm 2008", ["V/v cho phép tổ chức đi bộ"])  # fmt: skip
    assert parse(text).place == place


def test_an_old_table_wrapped_inside_its_words_and_a_heading_naming_its_body() -> None:
    text = (
        "ỦY BAN NHÂN\nDÂN\nTHÀNH PHỐ HỒ CHÍ MINH\n********\n|\nCỘNG HOÀ XÃ\nHỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n********\n|\nSố:\n120/2003/QĐ-UB\n|\nTP Hồ Chí\nMinh, ngày 17 "
        "tháng 7 năm 2003\n|\nQUYẾT ĐỊNH\nCỦA ỦY BAN NHÂN DÂN THÀNH PHỐ V/V PHÊ DUYỆT ĐỀ CƯƠNG QUY "
        "HOẠCH\nPHÁT TRIỂN NGÀNH CÔNG NGHIỆP\nỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH\nCăn cứ Luật;"
    )
    document = parse(text)
    assert document.issuer == "Ủy ban nhân dân thành phố Hồ Chí Minh"
    assert document.place == "TP Hồ Chí Minh"
    assert (document.title or "").casefold() == (
        "v/v phê duyệt đề cương quy hoạch phát triển ngành công nghiệp"
    )


def test_a_table_wrapping_the_motto_after_chu_and_the_date_after_thang() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ CẦN THƠ\n-------\n|\nCỘNG HÒA XÃ HỘI CHỦ\nNGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n---------------\n|\nSố: 39/KH-UBND\n|\nCần Thơ, ngày 11 tháng\n"
        "7 năm 2011\n|\nKẾ HOẠCH\nĐẦU TƯ PHÁT TRIỂN CHỢ ĐÔ THỊ\nCăn cứ Nghị định số 02/2003/NĐ-CP;"
    )
    document = parse(text)
    assert (document.issuer, document.place, document.date) == (
        "Ủy ban nhân dân thành phố Cần Thơ", "Cần Thơ", "2011-07-11",
    )  # fmt: skip


@pytest.mark.parametrize("eth", ["\u00d0", "Đ"])
def test_the_icelandic_eth_is_read_as_d_with_stroke(eth: str) -> None:
    text = (
        f"Văn phòng UBND TP Cần Thơ vừa ban hành Công văn số 1560/VPUB-XD{eth}T gửi Sở Xây dựng, "
        f"UBND quận, huyện về việc rà soát quy hoạch đô thị ({eth}VHC) các cấp."
    )
    document = parse(text)
    assert (document.symbol, document.title) == (
        "VPUB-XDĐT", "rà soát quy hoạch đô thị (ĐVHC) các cấp",
    )  # fmt: skip


@pytest.mark.parametrize("chrome", ["Sign In\n\n", "Đăng nhập\nTải về\n\n"])
def test_a_copy_cut_above_its_type_line_after_a_sites_links(chrome: str) -> None:
    text = (
        f"{chrome}THÔNG TƯ\n\nQuy định thẩm quyền thanh tra\n\nvề khiếu nại\n\n_______________\n\n"
        "Căn cứ Luật Thanh tra số 56/2010/QH12;\n\nThanh tra Chính phủ ban hành Thông tư quy định."
    )
    document = parse(text)
    assert (document.type, document.issuer, document.title) == (
        "Thông tư", "Thanh tra Chính phủ", "Quy định thẩm quyền thanh tra về khiếu nại",
    )  # fmt: skip


@pytest.mark.parametrize(
    "body",
    ["Những năm gần đây, tội phạm và vi phạm pháp luật về pháo diễn biến phức tạp",
     "Trong năm qua, công tác phòng chống dịch bệnh trên địa bàn tỉnh đạt kết quả"],
)  # fmt: skip
def test_a_capitals_title_ends_at_the_bodys_first_sentence(body: str) -> None:
    text = _state(["ỦY BAN NHÂN DÂN", "TỈNH NGHỆ AN"], "485/KH-UBND", "Nghệ An, ngày 27 tháng 8 năm 2020",
                  ["KẾ HOẠCH", "PHÒNG,", "CHỐNG CÁC HÀNH VI VI PHẠM VỀ PHÁO", body])  # fmt: skip
    assert (parse(text).title or "").casefold() == "phòng, chống các hành vi vi phạm về pháo"


@pytest.mark.parametrize("unit", ["TỈNH ĐỒNG NAI", "THÀNH PHỐ CẦN THƠ"])
def test_issuer_lines_a_copy_glued_together(unit: str) -> None:
    text = _state([f"ỦY BAN NHÂN DÂN{unit}"], "467/QĐ-UBND", "Đồng Nai, ngày 18 tháng 02 năm 2020",
                  ["QUYẾT ĐỊNH", "VỀ VIỆC PHÂN LOẠI ĐƠN VỊ HÀNH CHÍNH"])  # fmt: skip
    assert (parse(text).issuer or "").casefold() == f"ủy ban nhân dân {unit}".casefold()


@pytest.mark.parametrize("kind", ["QUYẾT ĐỊNH", "CHỈ THỊ"])
def test_a_title_line_repeating_the_type_word(kind: str) -> None:
    text = _state(["THỦ TƯỚNG CHÍNH PHỦ"], "219/QĐ-TTg", "Hà Nội, ngày 10 tháng 5 năm 1993",
                  [kind, f"{kind} CÔNG NHẬN THÀNH PHỐ BIÊN HÒA LÀ ĐÔ THỊ LOẠI 2"])  # fmt: skip
    assert (parse(text).title or "").casefold() == "công nhận thành phố biên hòa là đô thị loại 2"


def test_a_dated_symbol_under_a_v_v_line_stays_a_decision() -> None:
    text = _state(["ỦY BAN NHÂN DÂN", "TỈNH ĐỒNG NAI"], "61/2003/QĐ-UB", "Đồng Nai, ngày 5 tháng 6 năm 2003",
                  ["V/v ban hành quy định quản lý chợ"])  # fmt: skip
    assert parse(text).type == "Quyết định"


def test_an_old_heading_with_its_own_number_and_a_hyphen_date() -> None:
    text = "\n".join(
        ["HỘI ĐỒNG BỘ TRƯỞNG", "-------", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
         "Độc lập - Tự do - Hạnh phúc", "---------------", "Số: 72-HĐBT",
         "Hà Nội, ngày 10 tháng 3 năm 1990", "NGHỊ ĐỊNH",
         "CỦA HỘI ĐỒNG BỘ TRƯỞNG SỐ 72/HĐBT NGÀY 10-3-1990 VỀ VIỆC QUẢN LÝ ĐẦU TƯ",
         "HỘI ĐỒNG BỘ TRƯỞNG", "NGHỊ ĐỊNH:", "Điều 1. Nội dung."]
    )  # fmt: skip
    assert (parse(text).title or "").casefold() == "về việc quản lý đầu tư"


def test_a_laws_adoption_date_is_not_the_documents_date() -> None:
    text = "\n".join(
        ["QUYẾT ĐỊNH", "Về việc ban hành quy chế làm việc",
         "Căn cứ Luật Tổ chức Chính phủ được Quốc hội thông qua ngày 19 tháng 6 năm 2015;",
         "Điều 1. Nội dung."]
    )  # fmt: skip
    assert parse(text).date is None


def test_a_headless_copy_takes_the_enacting_line_under_its_title_as_issuer() -> None:
    text = "\n".join(
        ["QUYẾT ĐỊNH", "BAN HÀNH KẾ HOẠCH PHÁT TRIỂN KHUYẾN NÔNG", "-----------",
         "ỦY BAN NHÂN DÂN TỈNH ĐĂK NÔNG",
         "Căn cứ Luật Tổ chức HĐND và UBND ngày 26 tháng 11 năm 2003;", "QUYẾT ĐỊNH:",
         "Điều 1. Nội dung."]
    )  # fmt: skip
    document = parse(text)
    assert (document.issuer, document.kind) == ("Ủy ban nhân dân tỉnh Đăk Nông", "state")


@pytest.mark.parametrize(
    ("line", "number", "symbol"), [("Số: 219-TTg", "219", "TTg"), ("Số: 72-BT", "72", "BT")]
)
def test_an_old_number_line_without_a_slash(line: str, number: str, symbol: str) -> None:
    text = _state(["PHỦ THỦ TƯỚNG"], "0/X", "Hà Nội, ngày 20 tháng 04 năm 1978",
                  ["QUYẾT ĐỊNH", "VỀ VIỆC THÀNH LẬP MỘT SỐ XÃ MỚI"]).replace("Số: 0/X", line)  # fmt: skip
    document = parse(text)
    assert (document.number, document.symbol, document.type) == (number, symbol, "Quyết định")


@pytest.mark.parametrize(
    ("second", "want"),
    [("LÀO CAI", "Ủy ban nhân dân tỉnh Lào Cai"), ("HÀ NỘI", "Ủy ban nhân dân thành phố Hà Nội")],
)
def test_a_province_named_bare_under_the_peoples_committee(second: str, want: str) -> None:
    text = _state(["ỦY BAN NHÂN DÂN", second], "225/KH-UBND", "Lào Cai, ngày 18 tháng 08 năm 2016",
                  ["KẾ HOẠCH", "TỔ CHỨC NGÀY HỘI VĂN HÓA"])  # fmt: skip
    assert parse(text).issuer == want


@pytest.mark.parametrize(
    ("place", "want"),
    [("Quảng Ngãi", "Ủy ban nhân dân tỉnh Quảng Ngãi"), ("Gia Lâm", "Ủy ban nhân dân")],
)
def test_a_bare_peoples_committee_takes_a_provinces_place(place: str, want: str) -> None:
    text = _state(["ỦY BAN NHÂN DÂN"], "23/KH-UBND", f"{place}, ngày 31 tháng 01 năm 2024",
                  ["KẾ HOẠCH", "RÀ SOÁT THỦ TỤC HÀNH CHÍNH"])  # fmt: skip
    assert parse(text).issuer == want


def test_symbols_that_lost_their_hyphen_in_a_pdf_text_layer() -> None:
    text = _state(["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NAM"], "1961/QĐUBND", "Quảng Nam, ngày 5 tháng 6 năm 2019",
                  ["QUYẾT ĐỊNH", "Về việc công bố thủ tục hành chính",
                   "Căn cứ Nghị định số 61/2018/NĐCP ngày 23/4/2018 của Chính phủ và Thông tư số "
                   "01/2018/TTVPCP ngày 23/11/2018 của Văn phòng Chính phủ; Nghị quyết số 30c/NQCP;"])  # fmt: skip
    document = parse(text)
    assert document.symbol == "QĐ-UBND"
    assert any("hyphen restored" in warning for warning in document.warnings)
    cited = {(r.number, r.symbol) for r in document.references}
    assert {("61", "2018/NĐ-CP"), ("01", "2018/TT-VPCP"), ("30c", "NQ-CP")} <= cited


@pytest.mark.parametrize("symbol", ["TTg", "UBND", "HĐND", "TTCP", "VPCP", "2019/QĐ-UBND", "BC"])
def test_symbols_that_are_whole_stay_as_written(symbol: str) -> None:
    from doimoi.vbparse.tables import unglue_symbol

    assert unglue_symbol(symbol) == symbol


def test_an_ocr_u_with_horn_in_ubnd_is_read_as_u() -> None:
    text = _state(["ỦY BAN NHÂN DÂN", "QUẬN HOÀNG MAI"], "45/KH-UBND", "Hoàng Mai, ngày 5 tháng 6 năm 2019",
                  ["KẾ HOẠCH", "Triển khai công tác năm 2019",
                   "Thực hiện Quyết định số 2582/QĐ-ƯBND ngày 05/6/2015 của UBND Thành phố;"])  # fmt: skip
    document = parse(text)
    assert ("2582", "QĐ-UBND") in {(r.number, r.symbol) for r in document.references}


@pytest.mark.parametrize("title", ["Chủ tịch", "Phó Chủ tịch"])
def test_a_signature_block_a_copy_recased(title: str) -> None:
    text = _state(["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HẢI PHÒNG"], "284/QĐ-UBND", "Hải Phòng, ngày 5 tháng 6 năm 2003",
                  ["QUYẾT ĐỊNH", "Về việc phân loại phường"])  # fmt: skip
    text += f"\nQuyết định có hiệu lực kể từ ngày ký./.\nTM. Ủy ban nhân dân tỉnh\n{title}\n(Đã ký)\nTrịnh Quang Sử"
    document = parse(text)
    assert (document.signer_title, document.signer_name) == (title, "Trịnh Quang Sử")


def test_a_place_ocr_misspelt_under_the_motto_is_not_a_signer() -> None:
    text = "\n".join(
        ["BỘ GIÁO DỤC VÀ ĐÀO TẠO", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 3733/BGDĐT-GDTrH",
         "Độc lập - Tự do - Hạnh phúc", "Hà Nơi", "V/v hướng dẫn nhiệm vụ năm học 2019-2020",
         "Kính gửi: Các sở giáo dục và đào tạo", "Bộ Giáo dục và Đào tạo hướng dẫn như sau."]
    )  # fmt: skip
    assert parse(text).signer_name is None


@pytest.mark.parametrize("title", ["P. GIÁM ĐỐC", "P.CHỦ TỊCH"])
def test_a_deputys_title_written_short(title: str) -> None:
    text = _state(["SỞ Y TẾ", "TỈNH NGHỆ AN"], "12/SYT-NV", "Nghệ An, ngày 5 tháng 6 năm 2019",
                  ["V/v triển khai công tác"])  # fmt: skip
    text += f"\nNơi nhận:\n– Như trên;\n– Lưu: VT\n{title}\n(đã ký)\nNguyễn Thị Lynh Trang"
    document = parse(text)
    assert (document.signer_title, document.signer_name) == (title, "Nguyễn Thị Lynh Trang")
