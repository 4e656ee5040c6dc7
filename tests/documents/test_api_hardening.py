"""The documents API against a curious or careless client (issue 10, findings 3, 4, 6)."""

from __future__ import annotations

import json
import tracemalloc
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, RequestFactory

from doimoi.documents.models import Document
from doimoi.documents.services import jobs
from tests.documents import files


def _client(persona: Any, username: str) -> Client:
    client = Client()
    client.force_login(persona(username))
    return client


def test_an_ingest_job_is_seen_only_by_its_sender(demo: dict[str, Any], persona: Any) -> None:
    """Batches have sequential ids: another person's batch answers 404 like a missing one."""
    clerk = persona("vanthu.baoloc")
    job = jobs.ingest_job_create(actor=clerk, unit=demo["Thành ủy Bảo Lộc"], source="api")
    jobs.ingest_job_add(actor=clerk, job=job, name="ho-so-mat.txt", size=5, chunks=iter([b"hello"]))
    url = f"/api/v1/documents/ingest/{job.pk}"
    assert _client(persona, "vanthu.baoloc").get(url).status_code == 200
    for other in ("vanthu.dukdn", "bithu.baoloc", "quantri.lamdong"):
        response = _client(persona, other).get(url)
        assert response.status_code == 404, other
        assert "ho-so-mat" not in response.content.decode()
    missing = _client(persona, "vanthu.dukdn").get("/api/v1/documents/ingest/999999")
    assert missing.status_code == 404
    page = _client(persona, "bithu.baoloc").get(f"/van-ban/nhap/{job.pk}/")
    assert page.status_code == 404


def test_an_api_upload_over_the_limit_is_refused_without_reading_it(
    demo: dict[str, Any], persona: Any, settings: Any
) -> None:
    settings.DOIMOI_INGEST_MAX_MB = 1
    big = b"x" * (40 * 2**20)
    request = RequestFactory().post(
        "/api/v1/documents/ingest",
        {"unit": demo["Thành ủy Bảo Lộc"].pk, "files": [SimpleUploadedFile("lon.txt", big)]},
    )
    del big
    request.user = persona("vanthu.baoloc")
    request._dont_enforce_csrf_checks = True  # type: ignore[attr-defined]
    from django.urls import resolve

    view = resolve("/api/v1/documents/ingest").func
    tracemalloc.start()
    try:
        response = view(request)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert response.status_code == 200, response.content
    (result,) = json.loads(response.content)["files"]
    assert result["name"] == "lon.txt" and "quá lớn" in result["message"]
    assert peak < 10 * 2**20, f"peak {peak / 2**20:.1f} MB while refusing a 40 MB upload"
    assert not Document.objects.exists()


@pytest.mark.parametrize(
    "query",
    [
        {"year": "9999"},
        {"year": "0"},
        {"year": "-5"},
        {"year": "99999999999999999999999"},
        {"q": "kế hoạch", "year": "9999"},
    ],
)
def test_documents_api_answers_bad_numbers_with_a_4xx(
    demo: dict[str, Any], persona: Any, query: dict[str, str]
) -> None:
    response = _client(persona, "vanthu.baoloc").get("/api/v1/documents/", query)
    assert 400 <= response.status_code < 500 or response.json() == [], response.content


@pytest.mark.parametrize(
    "query",
    [{"offset": "-1"}, {"limit": "-3"}, {"offset": "99999999999999999999999"}, {"limit": "0"}],
)
def test_cases_api_answers_bad_paging_with_a_4xx(
    demo: dict[str, Any], persona: Any, query: dict[str, str]
) -> None:
    response = _client(persona, "vanthu.baoloc").get("/api/v1/initiatives/", query)
    assert response.status_code in (200, 400, 422), response.content
    if response.status_code != 200:
        assert response.json()["detail"], response.content


@pytest.mark.parametrize(
    "path",
    [
        "/van-ban/?year=9999",
        "/van-ban/?year=99999999999999999999",
        "/van-ban/?page=99999999999999999999",
        "/van-ban/?page=-1",
        "/van-ban/so-den/?year=99999999999999999999",
        "/van-ban/so-di/?year=0",
        "/van-ban/99999999999999999999/",
        "/de-xuat/?page=99999999999999999999",
    ],
)
def test_pages_answer_bad_numbers_without_a_server_error(
    demo: dict[str, Any], persona: Any, path: str
) -> None:
    response = _client(persona, "vanthu.baoloc").get(path)
    assert response.status_code < 500, path


def test_seed_files_still_ingest_through_the_api(demo: dict[str, Any], persona: Any) -> None:
    upload = SimpleUploadedFile(files.PLAN_64.name, files.PLAN_64.read_bytes())
    response = _client(persona, "vanthu.baoloc").post(
        "/api/v1/documents/ingest", {"unit": demo["Thành ủy Bảo Lộc"].pk, "files": [upload]}
    )
    assert response.status_code == 200
    assert response.json()["files"][0]["status"] == "stored"
