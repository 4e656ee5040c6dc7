"""A file only ever adds to what the uploader's unit holds (issue 10, findings 1–3).

A sibling committee's clerk uploads a made-up text whose header claims another committee's real
document: it must become a new "received copy, not verified" document of the uploader's unit,
never a copy of the real one, never fill the other committee's placeholder, and the reply must
not carry the real title.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from doimoi.documents import selectors, services
from doimoi.documents.models import Document, DocumentState
from doimoi.documents.services.ingest import ingest_file

REAL = """THÀNH ỦY BẢO LỘC
*
Số 99-CV/ThU
ĐẢNG CỘNG SẢN VIỆT NAM
Bảo Lộc, ngày 10 tháng 3 năm 2024
V/v nhân sự quy hoạch nhiệm kỳ tới tuyệt mật chuyện nội bộ
Kính gửi: Các chi, đảng bộ trực thuộc
Nội dung thật của Thành ủy, có từ khóa tramhuongthat.
T/M BAN THƯỜNG VỤ
BÍ THƯ
Trần Minh Khải
"""

FORGED = """THÀNH ỦY BẢO LỘC
*
Số 99-CV/ThU
ĐẢNG CỘNG SẢN VIỆT NAM
Bảo Lộc, ngày 10 tháng 3 năm 2024
V/v nội dung bịa đặt
Kính gửi: Các chi, đảng bộ trực thuộc
Nội dung do người khác soạn, có từ khóa giamaobiadat.
T/M BAN THƯỜNG VỤ
BÍ THƯ
Trần Minh Khải
"""

CITING = """THÀNH ỦY BẢO LỘC
*
Số 120-KH/ThU
ĐẢNG CỘNG SẢN VIỆT NAM
Bảo Lộc, ngày 20 tháng 3 năm 2024
KẾ HOẠCH
thực hiện Công văn số 98-CV/ThU, ngày 09/3/2024 của Ban Thường vụ Thành ủy
Nội dung kế hoạch.
T/M BAN THƯỜNG VỤ
BÍ THƯ
Trần Minh Khải
"""

PLANTED = FORGED.replace("99-CV", "98-CV").replace("ngày 10 tháng 3", "ngày 09 tháng 3")


def _ingest(persona: Any, demo: dict[str, Any], who: str, unit: str, text: str, name: str) -> Any:
    return ingest_file(
        actor=persona(who),
        unit=demo[unit],
        name=name,
        data=text.encode(),
        source="test",
        register_old=True,  # 2024 letters, entered as arrivals (an archive upload would not be)
    )


@pytest.fixture
def real(demo: dict[str, Any], persona: Any) -> Document:
    result = _ingest(persona, demo, "vanthu.baoloc", "Thành ủy Bảo Lộc", REAL, "that.txt")
    return Document.objects.get(pk=result.documents[0]["id"])


SIBLING = ("vanthu.dukdn", "Đảng ủy Khối Doanh nghiệp tỉnh Lâm Đồng")


def test_a_forged_upload_is_a_new_unverified_document_of_the_uploader(
    real: Document, demo: dict[str, Any], persona: Any
) -> None:
    result = _ingest(persona, demo, *SIBLING, FORGED, "gia.txt")
    (summary,) = result.documents
    assert summary["id"] != real.pk
    assert summary["created"] is True
    forged = Document.objects.get(pk=summary["id"])
    assert forged.unit == demo[SIBLING[1]]
    assert forged.issuer_confirmed is False  # "received copy, not verified by the issuer"
    assert real.copies.filter(unit=demo[SIBLING[1]]).count() == 0
    assert "nhân sự quy hoạch" not in str(result.as_dict())  # the real title does not leak


def test_a_forged_upload_gives_no_access_to_the_real_document(
    real: Document, demo: dict[str, Any], persona: Any
) -> None:
    _ingest(persona, demo, *SIBLING, FORGED, "gia.txt")
    clerk = persona(SIBLING[0])
    assert not selectors.document_list(viewer=clerk).filter(pk=real.pk).exists()
    client = Client()
    client.force_login(clerk)
    copy = real.copies.get()
    for url in (
        f"/van-ban/{real.pk}/",
        f"/van-ban/{real.pk}/kiem-tra/",
        f"/van-ban/{real.pk}/tep/{copy.pk}/",
        f"/api/v1/documents/{real.pk}",
    ):
        assert client.get(url).status_code == 404, url
    response = client.post(f"/van-ban/{real.pk}/kiem-tra/", {"title": "Đã bị sửa"})
    assert response.status_code == 404
    real.refresh_from_db()
    assert real.title.startswith("V/v nhân sự") or "nhân sự" in real.title
    hits = selectors.document_search(viewer=clerk, query="tramhuongthat").hits
    assert hits == []


def test_the_issuer_sees_the_claimed_document_as_unverified_until_confirming(
    real: Document, demo: dict[str, Any], persona: Any
) -> None:
    result = _ingest(persona, demo, *SIBLING, FORGED, "gia.txt")
    forged = Document.objects.get(pk=result.documents[0]["id"])
    client = Client()
    client.force_login(persona("vanthu.baoloc"))
    page = client.get(f"/van-ban/{forged.pk}/").content.decode()
    assert "chưa được cơ quan ban hành xác nhận" in page
    services.document_confirm_issuer(actor=persona("vanthu.baoloc"), document=forged)
    forged.refresh_from_db()
    assert forged.issuer_confirmed is True


def test_the_uploader_cannot_confirm_in_the_issuers_name(
    real: Document, demo: dict[str, Any], persona: Any
) -> None:
    from django.core.exceptions import PermissionDenied

    result = _ingest(persona, demo, *SIBLING, FORGED, "gia.txt")
    forged = Document.objects.get(pk=result.documents[0]["id"])
    with pytest.raises(PermissionDenied):
        services.document_confirm_issuer(actor=persona(SIBLING[0]), document=forged)


def test_the_issuers_own_upload_of_its_document_is_verified(
    real: Document, demo: dict[str, Any]
) -> None:
    assert real.issuer_confirmed is True


def test_a_forgery_does_not_fill_another_committees_placeholder(
    demo: dict[str, Any], persona: Any
) -> None:
    _ingest(persona, demo, "vanthu.baoloc", "Thành ủy Bảo Lộc", CITING, "kh.txt")
    placeholder = Document.objects.get(number="98", state=DocumentState.PLACEHOLDER)
    _ingest(persona, demo, *SIBLING, PLANTED, "gia98.txt")
    placeholder.refresh_from_db()
    assert placeholder.state == DocumentState.PLACEHOLDER
    assert "giamaobiadat" not in placeholder.text
    planted = Document.objects.get(number="98", state=DocumentState.REVIEW)
    assert planted.unit == demo[SIBLING[1]]
    assert planted.issuer_confirmed is False


def test_a_units_own_placeholder_is_still_filled_by_its_own_upload(
    demo: dict[str, Any], persona: Any
) -> None:
    _ingest(persona, demo, "vanthu.baoloc", "Thành ủy Bảo Lộc", CITING, "kh.txt")
    placeholder = Document.objects.get(number="98", state=DocumentState.PLACEHOLDER)
    real98 = REAL.replace("99-CV", "98-CV").replace("ngày 10 tháng 3", "ngày 09 tháng 3")
    _ingest(persona, demo, "vanthu.baoloc", "Thành ủy Bảo Lộc", real98, "that98.txt")
    placeholder.refresh_from_db()
    assert placeholder.state == DocumentState.REVIEW
    assert placeholder.issuer_confirmed is True


def test_the_handler_of_an_arrival_is_someone_of_the_unit(
    demo: dict[str, Any], persona: Any
) -> None:
    """Finding 8: the handler list shows only the unit's people and refuses an outsider."""
    from doimoi.core.errors import ApplicationError
    from doimoi.documents.models import IncomingEntry
    from doimoi.organizations.models import Person

    _ingest(persona, demo, *SIBLING, FORGED, "gia.txt")
    entry = IncomingEntry.objects.get(unit=demo[SIBLING[1]])
    client = Client()
    client.force_login(persona(SIBLING[0]))
    page = client.get(f"/van-ban/so-den/{entry.pk}/").content.decode()
    assert "Mai Thị Khối" in page  # the bloc committee's own clerk
    for outsider in ("Hoàng Thị Lan", "Phạm Văn Kiểm", "Lý Văn Phường"):
        assert outsider not in page, outsider
    stranger = Person.objects.get(full_name="Hoàng Thị Lan")  # Bảo Lộc's clerk
    response = client.post(
        f"/van-ban/so-den/{entry.pk}/",
        {"received_on": entry.received_on.isoformat(), "handler": stranger.pk},
    )
    assert response.status_code in (200, 400)
    entry.refresh_from_db()
    assert entry.handler_id is None
    with pytest.raises(ApplicationError) as error:
        services.incoming_entry_update(
            actor=persona(SIBLING[0]), entry=entry, received_on=entry.received_on, handler=stranger
        )
    assert "handler" in error.value.message_dict
    other = Client()
    other.force_login(persona("vanthu.baoloc"))
    assert other.get(f"/van-ban/so-den/{entry.pk}/").status_code == 404


def test_the_same_bytes_from_another_committee_open_nothing_of_the_first(
    real: Document, demo: dict[str, Any], persona: Any
) -> None:
    """Byte for byte the file Bảo Lộc holds: read again as the sibling's own received document,
    the file kept once; Bảo Lộc's record stays out of the sibling's reach."""
    result = _ingest(persona, demo, *SIBLING, REAL, "cung-tep.txt")
    (summary,) = result.documents
    assert summary["id"] != real.pk and summary["created"] is True
    theirs = Document.objects.get(pk=summary["id"])
    assert theirs.unit == demo[SIBLING[1]] and theirs.issuer_confirmed is False
    assert real.copies.filter(unit=demo[SIBLING[1]]).count() == 0
    assert theirs.copies.get().stored_file_id == real.copies.get().stored_file_id
    assert not selectors.document_list(viewer=persona(SIBLING[0])).filter(pk=real.pk).exists()


PROVINCE_PLAN = """TỈNH ỦY LÂM ĐỒNG
*
Số 77-KH/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Lâm Đồng, ngày 02 tháng 10 năm 2025
KẾ HOẠCH
thực hiện nhiệm vụ chuyển đổi số năm 2026
Nội dung kế hoạch của Tỉnh ủy.
T/M BAN THƯỜNG VỤ
BÍ THƯ
Nguyễn Văn Tỉnh
"""


def test_a_units_own_copy_of_a_document_is_not_anothers(demo: dict[str, Any], persona: Any) -> None:
    """Two committees receive the province's plan; one keeps its own scan with its notes. The
    other sees the plan, not that scan (file, page image, the list of copies and arrivals)."""
    province, ward, bloc = (
        demo["Tỉnh ủy Lâm Đồng (từ 01/7/2025)"],
        demo["Đảng ủy phường 1 Bảo Lộc"],
        demo["Đảng ủy Ủy ban nhân dân tỉnh Lâm Đồng"],
    )
    plan = ingest_file(
        actor=persona("vanthu.tinhuy"),
        unit=province,
        name="kh77.txt",
        data=PROVINCE_PLAN.encode(),
        source="test",
    )
    document = Document.objects.get(pk=plan.documents[0]["id"])
    services.copies_deliver(actor=None, document=document, units=[ward, bloc], source="directive")
    noted = PROVINCE_PLAN + "\nGhi chú của phường: chuyển Ban Xây dựng Đảng, ghichuphuong.\n"
    own = ingest_file(
        actor=persona("vanthu.baoloc"),
        unit=ward,
        name="kh77-phuong.txt",
        data=noted.encode(),
        source="test",
    )
    assert own.documents[0]["id"] == document.pk  # the ward's scan is a copy of the same plan
    scan = document.copies.get(unit=ward, stored_file__original_name="kh77-phuong.txt")
    bloc_clerk, ward_clerk = Client(), Client()
    bloc_clerk.force_login(persona("vanthu.dukdn"))
    ward_clerk.force_login(persona("vanthu.baoloc"))
    assert bloc_clerk.get(f"/van-ban/{document.pk}/").status_code == 200  # the plan: yes
    page = bloc_clerk.get(f"/van-ban/{document.pk}/").content.decode()
    assert "kh77-phuong.txt" not in page and "phường 1 Bảo Lộc" not in page
    assert bloc_clerk.get(f"/van-ban/{document.pk}/tep/{scan.pk}/").status_code == 404
    assert bloc_clerk.get(f"/van-ban/{document.pk}/tep/{scan.pk}/trang/").status_code == 404
    assert ward_clerk.get(f"/van-ban/{document.pk}/tep/{scan.pk}/").status_code == 200
    assert "kh77-phuong.txt" in ward_clerk.get(f"/van-ban/{document.pk}/").content.decode()
