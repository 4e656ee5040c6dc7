"""Ingest counts are Vietnamese style: a batch of 1.000 files reads "0/1.000", not "0/1000"
(issue 9)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from doimoi.documents.services import jobs
from doimoi.organizations.models import Unit

pytestmark = pytest.mark.django_db


def test_a_large_batch_counts_its_files_vietnamese_style(
    demo: dict[str, Any], persona: Any
) -> None:
    clerk = persona("vanthu.baoloc")
    unit = Unit.objects.get(name="Đảng ủy phường 1 Bảo Lộc")
    job = jobs.ingest_job_create(actor=clerk, unit=unit)
    for n in range(1000):
        jobs.ingest_job_add(actor=clerk, job=job, name=f"vb-{n}.txt", size=2, chunks=[b"x\n"])
    client = Client()
    client.force_login(clerk)
    page = client.get(reverse("documents:ingest_job", args=[job.pk])).content.decode()
    assert "Đang đọc: 0/1.000 tệp xong." in page
