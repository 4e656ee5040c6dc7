"""The fast paths the parser takes for speed give what the plain definitions give.

Each reader below looks for its words from a rare letter (a literal the regex engine scans for
fast) instead of running the plain pattern over the whole text; the plain pattern is written
here, and both must agree on any text built from the pieces that matter.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from doimoi.vbparse.headless import _enacting_issuer
from doimoi.vbparse.nesting import _BREAK, _END, _VERBS, _next_other
from doimoi.vbparse.normalize import (
    _BLANK_RUN,
    _CHARS,
    _JUNK,
    _OLD_TO_NEW,
    _combining_near_start,
    _odd_chars,
    _old_form,
    _plain_chars,
    canonical_tones,
    normalize,
)
from doimoi.vbparse.references import _forward_span, _last_stop, flatten, forward_verbs
from doimoi.vbparse.signature import _TITLE_SET, _TITLES, is_signer_title
from doimoi.vbparse.split import _NUMBER_LINE, number_lines
from doimoi.vbparse.text import fold
from doimoi.vbparse.webcopy import _META_KEY, _opens_with_key

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _texts(pieces: list[str], max_size: int = 12) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=max_size).map("".join)


def _spans(found: object) -> list[tuple[int, int]]:
    return [m.span() for m in found]  # type: ignore[attr-defined]


@settings(max_examples=400, deadline=None)
@given(_texts(["\n", " ", "\t", "\u3000", "Số", "Số ", "Số:", "Sốx", "Luật", "Bộ luật",
               "Pháp lệnh", "Lệnh", "Nghị quyết", "x", "12", "\n\n"]))  # fmt: skip
def test_number_lines_are_those_of_the_line_pattern(text: str) -> None:
    assert _spans(number_lines(text)) == _spans(_NUMBER_LINE.finditer(text))


def test_number_lines_of_the_corpus_are_those_of_the_line_pattern() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.rglob("*.txt"))]
    for text in texts + [normalize(text) for text in texts]:
        text = f"\n{text}"
        assert _spans(number_lines(text)) == _spans(_NUMBER_LINE.finditer(text))


_OLD_STYLE = re.compile(r"[oOuU][àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ](?![^\W\d_])")


def _plain_tones(text: str) -> str:
    for old in set(_OLD_STYLE.findall(text)):
        if old in _OLD_TO_NEW:
            text = _old_form(old).sub(_OLD_TO_NEW[old], text)
    return text


@settings(max_examples=600, deadline=None)
@given(_texts([*"oOuUqQhHtT aAy.1", *"àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ"]))
def test_old_tone_marks_are_moved_as_the_plain_pattern_moves_them(text: str) -> None:
    assert canonical_tones(text) == _plain_tones(text)


_ODD = re.compile("[" + "".join(re.escape(char) for char in _CHARS) + "]")


@settings(max_examples=400, deadline=None)
@given(_texts([*_CHARS, "\r\n", "a", "ư", " ", "\n"], 16))
def test_odd_characters_are_replaced_as_one_plain_substitution_replaces_them(text: str) -> None:
    odd = [char for char in _CHARS if char in text]
    warnings: list[str] = []
    plain = _ODD.sub(lambda m: _CHARS[m.group(0)], text.replace("\r\n", "\n"))
    assert _plain_chars(text, warnings, odd) == plain
    assert bool(warnings) == ("\u01a3" in text or "\u01a2" in text)


@settings(max_examples=200, deadline=None)
@given(
    _texts([*_CHARS, "a", "ư", " ", "\n", "\u3001", "\u0100"], 16) | _texts([*_CHARS, "a", " "], 8)
)
def test_odd_characters_are_found_as_one_in_test_each_finds_them(text: str) -> None:
    assert _odd_chars(text) == [char for char in _CHARS if char in text]


# The page numbers, "Trang 2", signature stamps and their rows, as one alternation of groups.
_PLAIN_JUNK = re.compile(
    r"\n[ \t]*(?:"
    r"[-=]*[ \t]*\d{1,3}[ \t]*[-=]*"
    r"|(?:Trang|Page)[ \t]+\d+(?:[ \t]*(?:/|of|trên)[ \t]*\d+)?"
    r"|[(\[<][ \t]*(?:[đĐ]ã ký|[kK]ý|[cC]hữ ký|[sS]ignature|[sS]igned|[dD]ấu)[^)\]>\n]{0,40}[)\]>]"
    r"|(?:Ký bởi|Thời gian ký|Người ký)[ \t]*:(?![^\n]*(?:Nơi ban hành|Ngày ban hành|Số hiệu)).*"
    r")(?=\n|$)"
)


@settings(max_examples=600, deadline=None)
@given(_texts(["\n", " ", "\t", "-", "=", "1", "12", "1234", "Trang", "Page", " of ", "/", "trên",
               "(", "[", "<", ")", "]", ">", "đã ký", "Ký", "ký", "Chữ ký", "signed", "dấu",
               "Ký bởi", "Thời gian ký", "Người ký", ":", "Nơi ban hành", "Số hiệu", "x"], 14))  # fmt: skip
def test_junk_lines_are_those_the_plain_pattern_finds(text: str) -> None:
    assert _JUNK.sub("\n", text) == _PLAIN_JUNK.sub("\n", text)


def test_junk_lines_of_the_corpus_are_those_the_plain_pattern_finds() -> None:
    for path in sorted(CORPUS.rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for form in (text, normalize(text)):
            assert _JUNK.sub("\n", form) == _PLAIN_JUNK.sub("\n", form)


def _plain_forward_verbs(body: str) -> list[tuple[int, int]]:
    found = []
    for core in ("kèm", "sao ", "Sao ", "huyển tiếp"):
        at = body.find(core)
        while at != -1:
            span = _forward_span(body, at, core)
            if span:
                found.append(span)
            at = body.find(core, at + 1)
    return sorted(found)


@settings(max_examples=400, deadline=None)
@given(_texts(["kèm", "sao ", "Sao ", "huyển tiếp", "chuyển tiếp", "Chuyển tiếp", "gửi ",
               "đính ", "ban hành ", " theo", "y", "lục", "a", " ", "c", "saoo "], 8))  # fmt: skip
def test_forwarding_verbs_are_those_a_plain_search_finds(body: str) -> None:
    assert forward_verbs(body) == _plain_forward_verbs(body)


def test_forwarding_verbs_of_the_corpus_are_those_a_plain_search_finds() -> None:
    for path in sorted(CORPUS.rglob("*.txt")):
        body = flatten(normalize(path.read_text(encoding="utf-8")))
        assert forward_verbs(body) == _plain_forward_verbs(body)


_PLAIN_VERBS = re.compile(r"\b(?:thực hiện|triển khai|quán triệt|cụ thể hóa)\b")
_PLAIN_END = re.compile(r"[.;:¶](?:\s|$)|-{3,}")
_PLAIN_BREAK = re.compile(r"\b(?:gắn với|đồng thời|cùng với|và)\b|[;(]")
_NESTING_PIECES = ["thực hiện", "triển khai", "quán triệt", "cụ thể hóa", "gắn với", "đồng thời",
                   "cùng với", "và", "x", " ", ";", "(", ".", ":", "¶", "-", "--", "_", "t", "\n"]  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(_texts(_NESTING_PIECES, 8), st.integers(0, 80))
def test_nesting_patterns_find_what_the_plain_ones_find(text: str, cut: int) -> None:
    cut = min(cut, len(text))
    assert _spans(_VERBS.finditer(text)) == _spans(_PLAIN_VERBS.finditer(text))
    assert (_END.search(text, 0, cut) is None) == (_PLAIN_END.search(text, 0, cut) is None)
    assert (_BREAK.search(text, 0, cut) is None) == (_PLAIN_BREAK.search(text, 0, cut) is None)


@given(st.lists(st.integers(0, 3), max_size=10))
def test_the_next_other_citation_is_the_first_later_one_of_another_document(
    indexes: list[int],
) -> None:
    spots = [(10 * k, 10 * k + 5, index) for k, index in enumerate(indexes)]
    plain = [
        next(((s, i) for s, _e, i in spots[at + 1 :] if i != index), None)
        for at, (_s, _e, index) in enumerate(spots)
    ]
    assert _next_other(spots) == plain


def _plain_enacting(text: str, type_name: str) -> str | None:
    found = re.search(rf"([^;:.]{{2,120}}?)\s+ban hành\s+{re.escape(type_name)}\b", text, re.I)
    if found is None:
        return None
    issuer = found.group(1).strip(" ,")
    return issuer if issuer[:1].isupper() and len(issuer.split()) <= 10 else None


@settings(max_examples=600, deadline=None)
@given(_texts(["ban hành", "BAN HÀNH", "Nghị định", "nghị định", "Nghị địnhx", " ", "  ", "\n",
               ";", ".", ",", "Chính phủ", "Ủy ban", "x" * 30, "x" * 70, "Bộ", "ban"], 14))  # fmt: skip
def test_the_enacting_issuer_is_the_one_the_plain_search_finds(text: str) -> None:
    assert _enacting_issuer(text, "Nghị định") == _plain_enacting(text, "Nghị định")


@given(
    st.text(
        alphabet=st.characters(min_codepoint=0x2F0, max_codepoint=0x390) | st.sampled_from("aư \n")
    )
)
def test_a_combining_mark_near_the_start_is_found_as_the_plain_pattern_finds_it(text: str) -> None:
    plain = re.compile(r"[\u0300-\u036f]").search(text, 0, 3000) is not None
    assert _combining_near_start(text) == plain
    assert _combining_near_start("x" * 2990 + text) == (
        re.compile(r"[\u0300-\u036f]").search("x" * 2990 + text, 0, 3000) is not None
    )


@settings(max_examples=600, deadline=None)
@given(_texts([".", ". ", ";", "; ", ":", ": ", "¶", " ", "x", ".."], 12), st.integers(-2, 30),
       st.integers(-2, 30))  # fmt: skip
def test_the_last_sentence_stop_is_the_one_a_plain_search_finds(
    body: str, low: int, high: int
) -> None:
    low, high = max(0, low), max(0, high)
    plain = max(body.rfind(stop, low, high) for stop in (". ", "; ", ": ", "¶"))
    assert _last_stop(body, low, high) == plain


@settings(max_examples=400, deadline=None)
@given(st.lists(_texts(["Số hiệu", "SỐ HIỆU", "Ngày hết hiệu lực", "Người ký", "Tình trạng",
                        "Lĩnh vực", "Cơ quan ban hành", "|", " ", ":", "x", "Số", "Ngày"], 5),
                max_size=16))  # fmt: skip
def test_a_metadata_row_is_found_as_folding_each_whole_line_finds_it(lines: list[str]) -> None:
    plain = any(_META_KEY.match(fold(line.strip().lstrip("|").strip())) for line in lines[:14])
    assert _opens_with_key(lines[:14]) == plain


@settings(max_examples=300, deadline=None)
@given(_texts(["\n", "\n\n", "\n\n\n\n\n", "x", " "], 20))
def test_blank_runs_are_cut_as_the_plain_repeat_cuts_them(text: str) -> None:
    assert _BLANK_RUN.sub("\n\n\n\n", text) == re.sub(r"\n{5,}", "\n\n\n\n", text)


@settings(max_examples=400, deadline=None)
@given(_texts(["PHÓ CHỦ TỊCH", "Chủ tịch", "Phó Chủ tịch", "BÍ THƯ", "GIÁM ĐỐC", "P. GIÁM ĐỐC",
               " ", "X", "x", "ỦY BAN NHÂN DÂN", "Ủy viên"], 6))  # fmt: skip
def test_a_signer_title_is_found_as_folding_the_whole_line_finds_it(cell: str) -> None:
    plain = (
        fold(cell).startswith(_TITLES)
        if cell.isupper()
        else cell[:1].isupper() and fold(cell) in _TITLE_SET
    )
    assert is_signer_title(cell) == plain
