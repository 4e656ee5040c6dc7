"""Packets arrive through every way into ingest (API inline and in the background, the ingest
command, the watched folder); units' agency codes are validated, edited and imported."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from openpyxl import Workbook

from doimoi.core.errors import ApplicationError
from doimoi.exchange.models import AgencyCode, Direction, ExchangeRecord
from doimoi.exchange.selectors import code_of
from doimoi.exchange.services import agencies_import_xlsx, agency_save, inbox_poll
from doimoi.exchange.transport import FolderTransport
from tests.documents.files import PLAN_64, seed_text
from tests.exchange.shapes import document_packet

BAO_LOC, BTG = "Thành ủy Bảo Lộc", "Ban Tuyên giáo Thành ủy Bảo Lộc"


def _packet(agencies: dict[str, Any]) -> bytes:
    return document_packet(
        sender=(code_of(agencies[BAO_LOC]), BAO_LOC),
        to=(code_of(agencies[BTG]), BTG),
        attachments=[("64.txt", seed_text(PLAN_64).encode())],
    )


def _received(unit: Any) -> bool:
    return ExchangeRecord.objects.filter(direction=Direction.INCOMING, unit=unit).exists()


@pytest.mark.parametrize("background", [False, True])
@pytest.mark.django_db
def test_api_ingest_takes_packets(
    agencies: dict[str, Any],
    client: Any,
    background: bool,
    django_capture_on_commit_callbacks: Any,
    settings: Any,
) -> None:
    client.force_login(get_user_model().objects.get(username="admin"))
    upload = SimpleUploadedFile("goi.edxml", _packet(agencies))
    data: dict[str, Any] = {"unit": agencies[BTG].pk, "files": [upload]}
    if background:
        data["background"] = "true"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/api/v1/documents/ingest", data)
    assert response.status_code in (200, 202), response.content
    from doimoi.background.worker import drain

    drain()  # a background batch is a task on the queue: a worker runs it
    assert _received(agencies[BTG])


@pytest.mark.django_db
def test_ingest_command_takes_packets(agencies: dict[str, Any], tmp_path: Path) -> None:
    (tmp_path / "goi.edxml").write_bytes(_packet(agencies))
    call_command("ingest", str(tmp_path), "--unit", BTG, stdout=io.StringIO())
    assert _received(agencies[BTG])


@pytest.mark.django_db
def test_watched_folder_files_packets_as_done_or_failed(
    agencies: dict[str, Any], tmp_path: Path
) -> None:
    folder = FolderTransport(tmp_path / "exchange")
    folder.inbox.mkdir(parents=True)
    (folder.inbox / "a.edxml").write_bytes(_packet(agencies))
    (folder.inbox / "b.edxml").write_bytes(b"<not-a-packet/>")
    results = inbox_poll(via=folder)
    assert [r.ok for r in results] == [True, False]
    assert "edXML" in results[1].message
    assert [p.name for p in (folder.inbox / ".done").iterdir()] == ["a.edxml"]
    assert [p.name for p in (folder.inbox / ".failed").iterdir()] == ["b.edxml"]
    assert inbox_poll(via=folder) == []  # nothing is taken twice


@pytest.mark.parametrize("bad", ["000.00.00.h41", "000 00", "Ư.1", "A" * 36])
@pytest.mark.django_db
def test_agency_code_validated(demo: dict[str, Any], bad: str, ledger_probe: Any) -> None:
    with pytest.raises(ApplicationError, match="tối đa 35 ký tự"):
        agency_save(actor=None, unit=demo[BTG], code_102=bad)
    ledger_probe.assert_nothing()


@pytest.mark.django_db
def test_agency_code_saved_shown_and_unique(
    demo: dict[str, Any], client: Any, ledger_probe: Any
) -> None:
    agency_save(actor=None, unit=demo[BTG], code_102="000.00.15.H36", code_qd20="H36.15")
    ledger_probe.assert_recorded("exchange.agency.saved", demo[BTG])
    with pytest.raises(ApplicationError, match="đã là mã của đơn vị"):
        agency_save(actor=None, unit=demo[BAO_LOC], code_102="000.00.15.H36")
    client.force_login(get_user_model().objects.get(username="admin"))
    page = client.get(f"/to-chuc/{demo[BTG].pk}/").content.decode()
    assert "000.00.15.H36" in page and "H36.15" in page
    response = client.post(
        f"/lien-thong/don-vi/{demo[BTG].pk}/ma-dinh-danh/",
        {"code_102": "000.00.16.H36", "code_qd20": "", "parent_code": ""},
    )
    assert response.status_code == 302
    assert AgencyCode.objects.get(unit=demo[BTG]).code_102 == "000.00.16.H36"


def _sheet(rows: list[list[Any]]) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.mark.django_db
def test_agency_codes_imported_from_xlsx_all_or_nothing(demo: dict[str, Any]) -> None:
    good = _sheet(
        [
            ["Đơn vị", "Mã QCVN 102", "Mã QĐ 20", "Mã cấp trên"],
            [BAO_LOC, "000.00.01.H36", "", ""],
            [BTG, "000.01.01.H36", "", "000.00.01.H36"],
        ]
    )
    assert agencies_import_xlsx(actor=None, data=good) == 2
    assert AgencyCode.objects.get(unit=demo[BTG]).parent_code == "000.00.01.H36"
    bad = _sheet([[BAO_LOC, "000.00.09.H36"], ["Không có đơn vị này", "000.00.10.H36"]])
    with pytest.raises(ApplicationError, match="Dòng 2"):
        agencies_import_xlsx(actor=None, data=bad)
    assert AgencyCode.objects.get(unit=demo[BAO_LOC]).code_102 == "000.00.01.H36"


@pytest.mark.django_db
def test_the_inbox_is_polled_by_the_task_queue_every_minute(
    agencies: dict[str, Any], settings: Any
) -> None:
    import datetime

    from django.utils import timezone

    from doimoi.background import schedule
    from doimoi.background.worker import drain

    folder = FolderTransport(settings.DOIMOI_EXCHANGE_DIR)
    folder.inbox.mkdir(parents=True)
    (folder.inbox / "a.edxml").write_bytes(_packet(agencies))
    now = timezone.now().replace(second=0, microsecond=0)  # a second later is the same minute
    assert "exchange.inbox" in schedule.tick(now)
    drain()
    assert _received(agencies[BTG])
    assert [p.name for p in (folder.inbox / ".done").iterdir()] == ["a.edxml"]
    assert "exchange.inbox" not in schedule.tick(now + datetime.timedelta(seconds=1))
