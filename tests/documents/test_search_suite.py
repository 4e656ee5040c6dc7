"""The search query suite: what users type finds the same documents on SQLite and PostgreSQL.

Each query runs three ways on one corpus: through the database this pass runs on (SQLite FTS5 or
PostgreSQL full-text), through an FTS5 table in memory holding the same bodies (so the PostgreSQL
pass compares PostgreSQL with SQLite), and through the definition (every word a term of the
document, or the start of one when it asks for a prefix). The three sets must be equal, and each
query must find the documents a reader expects.
"""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
from django.core.management import call_command
from django.urls import reverse

from doimoi.core.text import fold
from doimoi.documents import search, selectors
from doimoi.documents.models import Document, DocumentState
from doimoi.documents.search.sqlite import _match
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

# query → references it must find, at least (and the three answers must agree)
SUITE: dict[str, set[str]] = {
    # accented, accent-free, capitals
    "Đảng ủy khối doanh nghiệp": {"287-CV/ĐUK"},
    "dang uy khoi doanh nghiep": {"287-CV/ĐUK"},
    "ĐẢNG ỦY KHỐI DOANH NGHIỆP": {"287-CV/ĐUK"},
    "Đảng ủy kiểm tra đột xuất": {"05-TB/ĐUK"},
    "thành uỷ bảo lộc": {"64-KH/ThU"},  # old-style tone mark
    # đ and d
    "đột xuất": {"05-TB/ĐUK"},
    "dot xuat": {"05-TB/ĐUK"},
    "ĐUK": {"287-CV/ĐUK", "39-KH/ĐUK", "05-TB/ĐUK"},
    "duk": {"287-CV/ĐUK", "39-KH/ĐUK", "05-TB/ĐUK"},
    # numbers, symbols and references, however typed
    "1335-CV/TU": {"1335-CV/TU", "287-CV/ĐUK"},
    "1335 CV/TU": {"1335-CV/TU", "287-CV/ĐUK"},
    "1335 cv tu": {"1335-CV/TU", "287-CV/ĐUK"},
    "cv/tu": {"1335-CV/TU", "287-CV/ĐUK"},
    "1335": {"1335-CV/TU", "287-CV/ĐUK"},
    "14-KL/TW": {"14-KL/TW", "64-KH/ThU", "287-CV/ĐUK", "1335-CV/TU"},
    "kl tw ngày": {"14-KL/TW", "64-KH/ThU", "287-CV/ĐUK", "1335-CV/TU"},
    "78-KH/BTGTU": {"64-KH/ThU"},
    "64-KH/ThU": {"64-KH/ThU"},
    "39 -KH/ĐUK": {"39-KH/ĐUK"},
    "40-KH/TU": {"39-KH/ĐUK"},
    # dates as printed (with or without leading zeros)
    "22/9/2021": {"14-KL/TW", "64-KH/ThU", "287-CV/ĐUK"},
    "16/3/2022": {"287-CV/ĐUK"},
    "02/6/2022": {"05-TB/ĐUK"},
    "2/06/2022": {"05-TB/ĐUK"},
    "ngày 04 tháng 5 năm 2022": {"64-KH/ThU"},
    # two-word phrases
    "bảo vệ": {"64-KH/ThU", "287-CV/ĐUK", "14-KL/TW"},
    "cán bộ": {"64-KH/ThU", "287-CV/ĐUK", "14-KL/TW"},
    "khuyen khich": {"64-KH/ThU", "287-CV/ĐUK", "14-KL/TW"},
    "hệ thống chính trị": {"39-KH/ĐUK"},
    # rare pairs
    "Hoàng Xuân Hường": {"287-CV/ĐUK"},
    "sao gửi": {"287-CV/ĐUK"},
    "kiem tra dot xuat": {"05-TB/ĐUK"},
    # whole words ("the" is "thể", never "thế" folded to a prefix of "thực"); a prefix where asked
    "voi nhieu the": set(),
    "khuyen khic*": {"64-KH/ThU", "287-CV/ĐUK", "14-KL/TW"},
    "nang dong sang*": {"64-KH/ThU", "14-KL/TW"},
}
NOTHING = ["khuyen khic", "1335-CV/TUU", "cv/tuu", "kl tw 1335 39"]  # whole words: none of these
SAME = [  # queries that must give one answer
    ["1335-CV/TU", "1335 CV/TU", "1335 cv tu", "1335 -CV/TU", "1335-cv-tu"],
    ["Đảng ủy khối doanh nghiệp", "dang uy khoi doanh nghiep", "ĐẢNG ỦY KHỐI DOANH NGHIỆP"],
    ["đột xuất", "dot xuat", "ĐỘT XUẤT"],
    ["02/6/2022", "2/06/2022", "02-06-2022"],
]


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


def _bodies() -> dict[int, str]:
    """Each indexed document's body, as ``services.documents.index`` writes it."""
    documents = Document.objects.exclude(state=DocumentState.PLACEHOLDER)
    return {
        d.pk: search.body_of(
            d.reference, d.type_name, d.issuer_name, d.signer_name, d.title, folded=fold(d.text)
        )
        for d in documents
    }


def _defined(bodies: dict[int, str], words: list[str]) -> set[int]:
    """The documents the definition matches: each word a term, or a term's start if it asks."""

    def has(terms: set[str], word: str) -> bool:
        stem = search.prefix(word)
        return word in terms if stem is None else any(t.startswith(stem) for t in terms)

    found = set()
    for pk, body in bodies.items():
        terms = set(body.split())
        if all(has(terms, w) for w in words):
            found.add(pk)
    return found


def _in_fts5(bodies: dict[int, str], words: list[str]) -> set[int]:
    """The documents an FTS5 table in memory, holding the same bodies, matches."""
    with sqlite3.connect(":memory:") as memory:
        memory.execute("CREATE VIRTUAL TABLE s USING fts5(body, tokenize = 'unicode61')")
        memory.executemany("INSERT INTO s(rowid, body) VALUES (?, ?)", bodies.items())
        rows = memory.execute("SELECT rowid FROM s WHERE s MATCH ?", [_match(words)])
        return {row[0] for row in rows}


def _in_database(words: list[str]) -> set[int]:
    scope = Document.objects.exclude(state=DocumentState.PLACEHOLDER)
    ids, total = search.search(words, scope, limit=10_000, offset=0)
    assert total == len(ids)
    return set(ids)


def _references(ids: set[int]) -> set[str]:
    return {d.reference for d in Document.objects.filter(pk__in=ids)}


def test_every_query_finds_the_same_documents_on_both_databases(corpus: Any) -> None:
    bodies = _bodies()
    assert len(bodies) == 6
    for query, expected in SUITE.items():
        words = search.words_of(query)
        found = _in_database(words)
        assert found == _in_fts5(bodies, words) == _defined(bodies, words), query
        assert expected <= _references(found), query
    for query in NOTHING:
        assert _in_database(search.words_of(query)) == set(), query


def test_the_ways_of_typing_one_thing_give_one_answer(corpus: Any) -> None:
    for group in SAME:
        answers = [_in_database(search.words_of(q)) for q in group]
        assert answers[0] and all(a == answers[0] for a in answers), group


def test_a_reference_typed_as_printed_comes_first(corpus: Any, persona: Any) -> None:
    for typed in ("1335-CV/TU", "1335 CV/TU", "1335 -CV/TU", "287 -CV/ĐUK", "64-KH/ThU"):
        hits = selectors.document_search(viewer=persona("admin"), query=typed).hits
        assert search.terms(fold(hits[0].document.reference)) == search.terms(fold(typed))


def test_the_type_ahead_reads_the_last_word_as_a_prefix(corpus: Any, persona: Any) -> None:
    admin = persona("admin")
    typed = selectors.document_search(viewer=admin, query="khuyen khic", prefix=True)
    sent = selectors.document_search(viewer=admin, query="khuyen khic")
    assert {h.document.reference for h in typed.hits} >= {"64-KH/ThU", "14-KL/TW"}
    assert sent.hits == []


def test_the_search_box_is_a_prefix_only_while_typing(
    corpus: Any, client: Any, persona: Any
) -> None:
    client.force_login(persona("admin"))
    url = reverse("documents:document_list") + "?q=khuyen+khic"
    typing = client.get(url, headers={"HX-Request": "true", "X-Doimoi-Typing": "1"})
    sent = client.get(url, headers={"HX-Request": "true"})
    assert "64-KH/ThU" in typing.content.decode()
    assert "64-KH/ThU" not in sent.content.decode()


def test_the_snippet_marks_a_number_typed_without_its_zero(corpus: Any, persona: Any) -> None:
    hit = selectors.document_search(viewer=persona("admin"), query="2/6/2022").hits[0]
    assert "<mark>02</mark> tháng <mark>6</mark> năm <mark>2022</mark>" in str(hit.snippet)


def test_every_demo_document_is_found_first_by_its_reference(persona: Any) -> None:
    """Five wards each issue their "01-KH/ĐU": typed, the five come first, newest first."""
    call_command("seed_demo", verbosity=0)
    admin = persona("admin")
    documents = Document.objects.exclude(state=DocumentState.PLACEHOLDER).exclude(number="")
    assert documents.count() >= 3
    for document in documents:
        hits = selectors.document_search(viewer=admin, query=document.reference).hits
        namesakes = documents.filter(number=document.number, symbol_key=document.symbol_key)
        first = [h.document for h in hits[: namesakes.count()]]
        assert document in first and set(first) == set(namesakes), document.reference
