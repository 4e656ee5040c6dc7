"""Many matches, newest first, whichever of them the backend asks the viewer's scope about: the
newest CHUNK of the first read, then chunk by chunk, give the same page as asking about all."""

from __future__ import annotations

from typing import Any

import pytest

from doimoi.documents import search, selectors
from doimoi.documents.search import postgres, sqlite
from tests.documents.test_search import corpus  # noqa: F401  (the fixture)


@pytest.mark.parametrize("chunk", [1, 2, 3, 500])
@pytest.mark.parametrize("username", ["admin", "vanthu.baoloc", "bithu.phuong1"])
def test_newest_first_pages_do_not_depend_on_the_chunk(
    corpus: Any,  # noqa: F811
    persona: Any,
    monkeypatch: pytest.MonkeyPatch,
    chunk: int,
    username: str,
) -> None:
    words = search.words_of("dang")
    scope = selectors.document_list(viewer=persona(username)).order_by()
    seen, total = search.search(words, scope, 1000, 0)  # few: each asked about
    assert total == len(seen)
    expected = sorted(seen, reverse=True)
    for module in (search, postgres, sqlite):
        monkeypatch.setattr(module, "CHUNK", chunk)
    monkeypatch.setattr(postgres, "ASK_PER", 0)  # the newest CHUNK only
    for offset in (0, 1, 2, 5):
        page, unknown = search.search(words, scope, 2, offset, rank_most=1)
        assert unknown is None
        assert page == expected[offset : offset + 2]
