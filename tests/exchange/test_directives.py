"""A received directive's assignment sends its progress back (05 in progress, 06 done), and the
sender sees the recipient's reported status on that recipient's assignment."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path
from typing import Any

import pytest

from doimoi.directives.models import Assignment
from doimoi.directives.services import (
    RequirementSpec,
    assignment_acknowledge,
    directive_create,
    directive_distribute,
    report_accept,
    report_submit,
)
from doimoi.documents.models import Document
from doimoi.documents.services.ingest import ingest_file
from doimoi.exchange.models import Direction, Packet, RemoteStatus
from doimoi.exchange.services import document_export, inbox_poll
from doimoi.exchange.services.exports import packet_bytes
from tests.documents.files import PLAN_64, seed_text

BAO_LOC, BTG = "Thành ủy Bảo Lộc", "Ban Tuyên giáo Thành ủy Bảo Lộc"
D = datetime.date


@pytest.mark.django_db
def test_assignment_progress_goes_back_and_shows_on_the_senders_assignment(
    agencies: dict[str, Any], settings: Any, client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    committed = django_capture_on_commit_callbacks
    result = ingest_file(
        actor=None,
        unit=agencies[BAO_LOC],
        name="64.txt",
        data=seed_text(PLAN_64).encode(),
        source="web",
    )
    document = Document.objects.get(pk=result.documents[0]["id"])
    directive = directive_create(actor=None, document=document, issuer=agencies[BAO_LOC])
    directive_distribute(
        actor=None,
        directive=directive,
        recipients=[agencies[BTG]],
        requirements=[RequirementSpec("report", date=D(2022, 6, 30))],
        sent_on=D(2022, 5, 5),
    )
    packet = document_export(actor=None, document=document, recipients=[agencies[BTG]])
    # the recipient takes the packet in (03), then works on its assignment
    ingest_file(
        actor=None, unit=agencies[BTG], name="p.edxml", data=packet_bytes(packet), source="web"
    )
    assignment = Assignment.objects.get(directive=directive, unit=agencies[BTG])
    with committed(execute=True):
        assignment_acknowledge(actor=None, assignment=assignment, on=D(2022, 5, 6))
        report = report_submit(
            actor=None, assignment=assignment, narrative="Đã triển khai", on=D(2022, 6, 1)
        )
        report_accept(actor=None, report=report, on=D(2022, 6, 2))
    assignment.refresh_from_db()
    assert assignment.state == "done"
    sent = Packet.objects.filter(direction=Direction.OUTGOING, kind="status")
    assert sorted(sent.values_list("status_code", flat=True)) == ["03", "05", "06"]
    # the sender's inbox reads them back
    root = Path(settings.DOIMOI_EXCHANGE_DIR)
    (root / "inbox").mkdir(parents=True, exist_ok=True)
    for path in sorted((root / "outbox").glob("status_*.edxml")):
        shutil.move(path, root / "inbox" / path.name)
    results = inbox_poll()
    assert len(results) == 2 and all(r.ok for r in results), [r.message for r in results]
    assert set(RemoteStatus.objects.values_list("code", flat=True)) == {"05", "06"}
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="admin"))
    page = client.get(f"/chi-dao/nhiem-vu/{assignment.pk}/").content.decode()
    assert 'data-testid="assignment-exchange"' in page and "Hoàn thành xử lý" in page
