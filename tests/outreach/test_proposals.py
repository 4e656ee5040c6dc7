"""A dissemination plan's items, forms and assignments proposed from the seed plans' text."""

from __future__ import annotations

from pathlib import Path

import pytest

from doimoi.outreach import proposals
from doimoi.outreach.models import Form

CORPUS = Path(__file__).resolve().parents[2] / "src/doimoi/documents/demo_corpus"
PLAN_64 = (CORPUS / "000_bb21b65b2818ef4b.txt").read_text(encoding="utf-8")
PLAN_39 = (CORPUS / "003_e11a6b2333e4ca78.txt").read_text(encoding="utf-8")


def test_64_kh_thu_gives_its_six_content_items_as_written() -> None:
    items = proposals.propose_items(PLAN_64)
    assert [i.number for i in items] == ["1", "2", "3", "4", "5", "6"]
    assert all(i.group == "" for i in items)
    assert items[0].text.startswith(
        "Tăng cường tuyên truyền và làm chuyển biến, nâng cao nhận thức"
    )
    assert items[1].text.endswith("giải pháp thí điểm, đổi mới, sáng tạo có hiệu quả.")
    # a long item broken across lines and pages is one item, references inside it kept
    assert "Kế hoạch số 33-KH/TU, ngày 25/02/2022" in items[2].text
    assert items[5].text.endswith(
        'biểu hiện "tự diễn biến", "tự chuyển hoá".'.replace("hoá", "hóa")
    )


def test_39_kh_duk_gives_four_focus_and_ten_regular_items() -> None:
    items = proposals.propose_items(PLAN_39)
    assert [i.number for i in items] == [
        "1.1", "1.2", "1.3", "1.4",
        "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7", "2.8", "2.9", "2.10",
    ]  # fmt: skip
    assert {i.group for i in items[:4]} == {"Nội dung tuyên truyền trọng tâm"}
    # the PDF copy writes "thƣờng" with U+01A3; the group reads as Vietnamese
    assert {i.group for i in items[4:]} == {"Nội dung tuyên truyền thường xuyên"}
    assert items[1].text == (
        "Tiếp tục đổi mới phương thức lãnh đạo của Đảng đối với hệ thống chính trị trong giai "
        "đoạn mới."
    )
    assert items[-1].text.startswith("Việc nghiên cứu tổng kết thực tiễn")
    assert "III." not in items[-1].text and "HÌNH THỨC" not in items[-1].text


def _names(text: str) -> list[str]:
    forms = list(Form.objects.all())
    ids = proposals.propose_forms(
        text, [proposals.FormCandidate(f.pk, f.keyword_list) for f in forms]
    )
    names = {f.pk: f.name for f in forms}
    return [names[i] for i in ids]


@pytest.mark.django_db
def test_forms_of_section_iii_found_in_the_managed_list() -> None:
    assert _names(PLAN_64) == [
        "Trang thông tin điện tử của đơn vị",
        "Hệ thống truyền thanh phường, xã",
        "Sinh hoạt thường kỳ của tổ chức đảng, đoàn thể",
    ]
    assert _names(PLAN_39) == [
        "Phương tiện thông tin đại chúng",
        "Hội thảo, tọa đàm, diễn đàn",
        "Trang chính thức của đơn vị trên mạng xã hội",
        "Giải báo chí (Búa liềm vàng…)",
        "Triển lãm, tranh cổ động",
        "Cuộc thi tìm hiểu",
        "Tác phẩm văn học, nghệ thuật",
        "Tuyên truyền trực quan, ấn phẩm",
        "Tuyên truyền miệng (báo cáo viên, tuyên truyền viên)",
        "Sinh hoạt thường kỳ của tổ chức đảng, đoàn thể",
    ]


def test_assignments_of_section_iv_from_both_seeds() -> None:
    a64 = proposals.propose_assignments(PLAN_64, [])
    assert [(a.number, a.heading) for a in a64] == [
        ("1", "Ủy ban nhân dân thành phố"),
        ("2", "Các tổ chức cơ sở đảng trực thuộc Thành ủy"),
        ("3", "Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội thành phố"),
        ("4", "Ban Tuyên giáo Thành ủy"),
    ]
    a39 = proposals.propose_assignments(PLAN_39, [])
    assert [(a.number, a.heading) for a in a39] == [
        ("1", "Các tổ chức cơ sở Đảng trực thuộc"),
        ("2", "Các Đoàn thể Khối"),
        ("3", "Các Ban, Văn phòng Đảng ủy Khối"),
    ]
    assert "Búa liềm vàng" in a39[2].body
    assert "Nơi nhận" not in a39[2].body


def test_a_text_without_the_sections_proposes_nothing() -> None:
    text = "KẾ HOẠCH\nI. MỤC ĐÍCH\n1. Nâng cao nhận thức."
    assert proposals.propose_items(text) == []
    assert proposals.propose_forms(text, [proposals.FormCandidate(1, ("truyền thanh",))]) == []
    assert proposals.propose_assignments(text, []) == []
