"""The three seeds give five documents and the cascade edges, the same through the web, the
command, the API and seed-demo."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client

from doimoi.background.worker import drain
from doimoi.documents.demo import seed_demo
from doimoi.documents.models import Citation, Document, DocumentState
from tests.documents import files

DOCUMENTS = {
    ("64-KH/ThU", "2022-05-04", "Thành ủy Bảo Lộc"),
    ("39-KH/ĐUK", "2022-05-09", "Đảng ủy Khối các cơ quan tỉnh Lâm Đồng"),
    ("287-CV/ĐUK", "2022-03-17", "Đảng ủy Khối Doanh nghiệp tỉnh Lâm Đồng"),
    ("1335-CV/TU", "2022-03-16", "Tỉnh ủy Lâm Đồng"),
    ("14-KL/TW", "2021-09-22", "Ban Chấp hành Trung ương Đảng"),
}
# (answering document, relation, document answered to, is the latter only a placeholder)
CASCADE = {
    ("1335-CV/TU", "implements", "14-KL/TW", False),
    ("287-CV/ĐUK", "forwards", "1335-CV/TU", False),
    ("287-CV/ĐUK", "implements", "14-KL/TW", False),
    ("78-KH/BTGTU", "implements", "14-KL/TW", False),
    ("64-KH/ThU", "implements", "78-KH/BTGTU", True),
    ("64-KH/ThU", "implements", "14-KL/TW", False),
}


def outcome() -> tuple[set[tuple[str, str, str]], set[tuple[str, str, str, bool]]]:
    real = Document.objects.exclude(state=DocumentState.PLACEHOLDER).select_related("issuer_unit")
    documents = {
        (d.reference, str(d.date), d.issuer_unit.name if d.issuer_unit else "") for d in real
    }
    wanted = {ref for edge in CASCADE for ref in (edge[0], edge[2])}
    edges = {
        (c.source.reference, c.relation, c.target.reference, c.target.is_placeholder)
        for c in Citation.objects.select_related("source", "target")
        if c.source.reference in wanted and c.target.reference in wanted
    }
    return documents, edges


def _web(demo: dict[str, Any], persona: Any, **_: Any) -> None:
    client = Client()
    client.force_login(persona("quantri.lamdong"))
    uploads = [SimpleUploadedFile(p.name, p.read_bytes()) for p in files.SEEDS]
    client.post("/van-ban/nhap/", {"unit": demo["Tỉnh ủy Lâm Đồng"].pk, "files": uploads})


def _command(demo: dict[str, Any], persona: Any, **_: Any) -> None:
    out = StringIO()
    call_command(
        "ingest",
        str(files.CORPUS),
        unit="Tỉnh ủy Lâm Đồng",
        user="admin",
        stdout=out,
        stderr=StringIO(),
    )
    assert "5 văn bản mới / new documents" in out.getvalue()


def _api(demo: dict[str, Any], persona: Any, **_: Any) -> None:
    client = Client()
    client.force_login(persona("quantri.lamdong"))
    uploads = [SimpleUploadedFile(p.name, p.read_bytes()) for p in files.SEEDS]
    response = client.post(
        "/api/v1/documents/ingest", {"unit": demo["Tỉnh ủy Lâm Đồng"].pk, "files": uploads}
    )
    assert response.status_code == 200, response.content
    assert [f["status"] for f in response.json()["files"]] == ["stored"] * 3


def _seed_demo(demo: dict[str, Any], persona: Any, **_: Any) -> None:
    seed_demo(demo)
    seed_demo(demo)  # idempotent


@pytest.mark.parametrize("channel", [_web, _command, _api, _seed_demo], ids=lambda f: f.__name__)
def test_three_seeds_give_five_documents_and_the_cascade(
    demo: dict[str, Any],
    persona: Any,
    settings: Any,
    django_capture_on_commit_callbacks: Any,
    channel: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        channel(demo, persona)
    drain()
    documents, edges = outcome()
    assert documents == DOCUMENTS
    assert edges == CASCADE


def test_order_does_not_matter_and_the_placeholder_becomes_the_document(
    demo: dict[str, Any], persona: Any
) -> None:
    from doimoi.documents.services.ingest import ingest_file

    unit, admin = demo["Tỉnh ủy Lâm Đồng"], persona("admin")
    ingest_file(actor=admin, unit=unit, name="64.txt", data=files.PLAN_64.read_bytes(), source="t")
    placeholder = Document.objects.get(number="14", symbol="KL/TW")
    assert placeholder.is_placeholder
    ingest_file(
        actor=admin, unit=unit, name="287.txt", data=files.DISPATCH_287.read_bytes(), source="t"
    )
    placeholder.refresh_from_db()
    assert placeholder.state == DocumentState.REVIEW and placeholder.title.startswith(
        "về chủ trương"
    )
    ingest_file(actor=admin, unit=unit, name="39.txt", data=files.PLAN_39.read_bytes(), source="t")
    assert outcome() == (DOCUMENTS, CASCADE)


def test_command_prints_a_progress_bar_and_a_summary(demo: dict[str, Any]) -> None:
    out, err = StringIO(), StringIO()
    call_command(
        "ingest",
        str(files.CORPUS),
        str(files.PLAN_64),
        unit="Tỉnh ủy Lâm Đồng",
        stdout=out,
        stderr=err,
    )
    assert "[" in err.getvalue() and "4/4" in err.getvalue()
    table = out.getvalue()
    assert "287-CV/ĐUK, 1335-CV/TU, 14-KL/TW" in table and "trùng tệp / duplicate" in table


def test_api_runs_a_large_batch_in_the_background_and_reports_progress(
    demo: dict[str, Any], persona: Any, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    client = Client()
    client.force_login(persona("quantri.lamdong"))
    uploads = [SimpleUploadedFile(p.name, p.read_bytes()) for p in files.SEEDS]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/api/v1/documents/ingest",
            {"unit": demo["Tỉnh ủy Lâm Đồng"].pk, "files": uploads, "background": "true"},
        )
    assert response.status_code == 202
    drain()
    progress = client.get(response.json()["progress_url"]).json()
    assert (progress["status"], progress["done"], progress["total"]) == ("done", 3, 3)
    assert outcome() == (DOCUMENTS, CASCADE)


def test_api_refuses_a_unit_the_user_cannot_ingest_for(demo: dict[str, Any], persona: Any) -> None:
    client = Client()
    client.force_login(persona("bithu.phuong1"))
    upload = SimpleUploadedFile("a.txt", files.PLAN_64.read_bytes())
    response = client.post(
        "/api/v1/documents/ingest", {"unit": demo["Tỉnh ủy Lâm Đồng"].pk, "files": [upload]}
    )
    assert response.status_code == 403
    assert not Document.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_command_reads_files_in_worker_processes(demo: dict[str, Any]) -> None:
    out = StringIO()
    call_command(
        "ingest", str(files.CORPUS), unit="Tỉnh ủy Lâm Đồng", jobs=2, stdout=out, stderr=StringIO()
    )
    assert outcome() == (DOCUMENTS, CASCADE)
