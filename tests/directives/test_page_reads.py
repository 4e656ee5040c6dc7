"""The directive pages name their documents (reference, title) and never show their text: a
document's text and parse (up to hundreds of kilobytes each) are not read with them."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from doimoi.directives import services
from doimoi.directives.models import Directive
from tests.directives.conftest import WARDS, of

# a statement that reads a document's text or parse: "documents_document"."text", or through
# an alias when the document is joined twice (T6."text")
READS_TEXT = re.compile(r'("documents_document"|\b[TU]\d+)\."(text|parsed)"')


def _statements(persona: Any, url: str) -> list[str]:
    client = Client()
    client.force_login(persona("vanthu.baoloc"))
    with CaptureQueriesContext(connection) as statements:
        response = client.get(url)
    assert response.status_code == 200
    return [s["sql"] for s in statements.captured_queries]


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["directives:directive_detail", "directives:directive_list"])
def test_directive_pages_do_not_read_document_texts(
    cascade: Directive, ward_plan: Any, persona: Any, at: Any, page: str
) -> None:
    url = reverse(page, args=[cascade.pk] if page.endswith("detail") else [])
    with at(2022, 6, 1):
        ward = persona("bithu.phuong1")  # a plan answered: its document is on the timeline
        services.assignment_answer(
            actor=ward, assignment=of(cascade, WARDS[0]), kind="plan", document=ward_plan
        )
        statements = _statements(persona, url)
    reading = [s for s in statements if READS_TEXT.search(s) and "documents_document" in s]
    assert statements and not reading, reading
