"""Search: accent-insensitive both ways (đ/d too), filters, marked snippets; FTS5 on SQLite,
PostgreSQL full-text in production, the same interface and the same answers."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection

from doimoi.documents import selectors
from doimoi.documents.models import Document
from doimoi.documents.search import backend
from doimoi.documents.services.ingest import ingest_file
from tests.documents import files

OCR_TEXT = """DANG BO TINH LAM DONG
DANG UY KHOI CAC CO QUAN
Số 05-TB/ĐUK
ĐẢNG CỘNG SẢN VIỆT NAM
Đà Lạt, ngày 02 tháng 6 năm 2022
THONG BAO
ket luan cua Ban Thuong vu DANG UY ve cong tac kiem tra dot xuat
"""


@pytest.fixture
def corpus(demo: dict[str, Any], persona: Any) -> dict[str, Any]:
    unit = demo["Tỉnh ủy Lâm Đồng"]
    for path in files.SEEDS:
        ingest_file(
            actor=persona("admin"), unit=unit, name=path.name, data=path.read_bytes(), source="t"
        )
    ingest_file(
        actor=persona("admin"), unit=unit, name="ocr.txt", data=OCR_TEXT.encode(), source="t"
    )
    return demo


def _refs(viewer: Any, query: str, **filters: Any) -> list[str]:
    return [
        h.document.reference
        for h in selectors.document_search(viewer=viewer, query=query, **filters).hits
    ]


def test_the_backend_is_the_database_s_own(corpus: Any) -> None:
    expected = "PostgresBackend" if connection.vendor == "postgresql" else "SqliteBackend"
    assert type(backend()).__name__ == expected


def test_without_accents_finds_with_accents(corpus: Any, persona: Any) -> None:
    refs = _refs(persona("admin"), "dang uy khoi doanh nghiep")
    assert refs[0] == "287-CV/ĐUK"


def test_with_accents_finds_text_without_them(corpus: Any, persona: Any) -> None:
    assert "05-TB/ĐUK" in _refs(persona("admin"), "Đảng ủy kiểm tra đột xuất")


def test_d_and_dj_are_the_same_letter(corpus: Any, persona: Any) -> None:
    with_d, without = _refs(persona("admin"), "đột xuất"), _refs(persona("admin"), "dot xuat")
    assert with_d == without and with_d[0] == "05-TB/ĐUK"


def test_a_number_and_symbol_is_found(corpus: Any, persona: Any) -> None:
    assert _refs(persona("admin"), "1335-CV/TU")[0] == "1335-CV/TU"


def test_filters_narrow_the_hits(corpus: Any, persona: Any) -> None:
    admin = persona("admin")
    assert set(_refs(admin, "khuyen khich", type_code="KH")) == {"64-KH/ThU"}
    assert set(_refs(admin, "khuyen khich", year=2021)) == {"14-KL/TW"}
    issuer = corpus["Đảng ủy Khối Doanh nghiệp tỉnh Lâm Đồng"]
    assert set(_refs(admin, "ket luan", issuer=issuer)) == {"287-CV/ĐUK"}
    assert _refs(admin, "khuyen khich", kind="state") == []
    baoloc = corpus["Thành ủy Bảo Lộc"]
    assert set(_refs(admin, "khuyen khich", unit=baoloc)) == {"64-KH/ThU"}  # issued in its subtree


def test_snippets_mark_the_words_in_the_original_spelling(corpus: Any, persona: Any) -> None:
    hit = selectors.document_search(viewer=persona("admin"), query="bao ve can bo").hits[0]
    assert "<mark>bảo</mark> <mark>vệ</mark> <mark>cán</mark> <mark>bộ</mark>" in str(hit.snippet)


def test_a_unit_searches_only_what_it_may_see(corpus: Any, persona: Any) -> None:
    assert _refs(persona("bithu.phuong1"), "khuyen khich") == []


def test_many_matches_come_newest_first_within_the_scope(corpus: Any, persona: Any) -> None:
    from doimoi.documents import search

    words = search.words_of("khuyen khich")
    scope = selectors.document_list(viewer=persona("admin")).order_by()
    ranked, total = search.search(words, scope, 20, 0)
    newest, unknown = search.search(words, scope, 20, 0, rank_most=1)
    assert total == len(ranked) >= 3 and unknown is None
    assert newest == sorted(ranked, reverse=True)  # the same documents, newest first
    narrow = selectors.document_list(viewer=persona("vanthu.baoloc")).order_by()
    mine, _ = search.search(words, narrow, 20, 0, rank_most=1)
    assert set(mine) == set(narrow.filter(pk__in=ranked).values_list("pk", flat=True))


def test_a_unit_learns_not_even_the_count_of_what_it_may_not_see(corpus: Any, persona: Any) -> None:
    everyone = selectors.document_search(viewer=persona("admin"), query="khuyen khich")
    page = selectors.document_search(viewer=persona("bithu.phuong1"), query="khuyen khich")
    assert everyone.total and everyone.total >= 3
    assert page.total == 0 and page.hits == []


def test_the_type_filter_offers_a_type_as_soon_as_a_document_of_it_is_added(
    corpus: Any, persona: Any
) -> None:
    clerk = persona("vanthu.tinhuy")
    assert "ZQ" not in selectors.type_codes(viewer=clerk)  # and kept
    Document.objects.create(
        state="review", kind="party", type_code="ZQ", title="x", unit=corpus["Tỉnh ủy Lâm Đồng"]
    )
    assert "ZQ" in selectors.type_codes(viewer=clerk)
