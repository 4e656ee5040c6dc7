"""The search page's hits written in Python (views.hits) are the template loop's bytes; the
API's hits, read with the listed columns only, are the documents' fields."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.template import engines
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from doimoi.core.views import link_parts
from doimoi.documents import selectors
from doimoi.documents.api import _document_out
from doimoi.documents.demo import seed_demo
from doimoi.documents.models import Document
from doimoi.documents.views.hits import hit_rows

# The loop the page's template ran before, kept here as what the rows must equal.
LOOP = """
      {% for hit in hits %}
      <li class="hit">
        <a href="{{ detail_head }}{{ hit.document.pk }}{{ detail_tail }}"><strong>{{ hit.document.reference|default:_("(không số)") }}</strong></a>
        {% if hit.document.date %}<span class="date">{{ hit.document.date|date:"d/m/Y" }}</span>{% endif %}
        {% if hit.document.confidentiality %}<span class="mark secret">{{ hit.document.get_confidentiality_display }}</span>{% endif %}
        <span class="issuer">{{ hit.document.issuer_name }}</span>
        <div class="hit-title">{{ hit.title }}</div>
        <p class="snippet">{{ hit.snippet }}</p>
      </li>
      {% endfor %}"""


def _hits(viewer: Any) -> list[selectors.Hit]:
    hits = selectors.document_search(viewer=viewer, query="đảng ủy", limit=20).hits
    assert len(hits) >= 4
    odd = hits[0].document  # no number, no date, secret, an issuer needing escapes
    odd.number, odd.symbol, odd.date, odd.confidentiality = "", "", None, 2
    odd.issuer_name = "Ban <Tuyên giáo> & \"Dân\" 'vận'"
    hits[1].document.confidentiality = 3
    hits[2].document.date = datetime.date(2024, 3, 5)
    return hits


@pytest.mark.parametrize("language", ["vi", "en"])
def test_rows_equal_the_template_loop(demo: dict[str, Any], persona: Any, language: str) -> None:
    seed_demo(demo)
    hits = _hits(persona("admin"))
    with translation.override(language):
        head, tail = link_parts("documents:document_detail")
        context = {"hits": hits, "detail_head": head, "detail_tail": tail}
        expected = engines["django"].from_string("{% load i18n %}" + LOOP).render(context)
        assert "\n      " + hit_rows(hits, head, tail) == expected


def test_page_shows_each_hit_s_link(demo: dict[str, Any], persona: Any) -> None:
    seed_demo(demo)
    client = Client()
    client.force_login(persona("admin"))
    body = client.get(reverse("documents:document_list"), {"q": "đảng ủy"}).content.decode()
    hits = selectors.document_search(viewer=persona("admin"), query="đảng ủy", limit=20).hits
    for hit in hits:
        link = reverse("documents:document_detail", args=[hit.document.pk])
        assert f'<a href="{link}"><strong>{hit.document.reference}</strong></a>' in body


def _api(client: Client, query: str) -> tuple[list[dict[str, Any]], list[str]]:
    """The API's hits, and the statements that read one document (a deferred field's)."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/api/v1/documents/", {"q": query})
    assert response.status_code == 200
    return response.json(), [q["sql"] for q in captured if "LIMIT 21" in q["sql"]]


def test_api_hits_are_whole_with_no_statement_per_hit(demo: dict[str, Any], persona: Any) -> None:
    """The API's hits read only the listed columns: every field it shows is among them (a
    field left out would be read by a statement per hit), and it shows what the document has."""
    seed_demo(demo)
    client = Client()
    client.force_login(persona("admin"))
    many, each = _api(client, "đảng ủy")
    assert len(many) >= 4 and each == []
    for row in many:
        document = Document.objects.get(pk=row["id"])
        expected = json.loads(json.dumps(_document_out(document), cls=DjangoJSONEncoder))
        assert row == expected
