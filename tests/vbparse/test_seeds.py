"""The three seed files, field by field, against expectations written by hand."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from doimoi.vbparse import parse_all
from doimoi.vbparse.model import FIELDS

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
EXPECTED = sorted((CORPUS / "expected").glob("*.json"))


@cache
def _expected(name: str) -> dict[str, Any]:
    return json.loads((CORPUS / "expected" / name).read_text(encoding="utf-8"))


@cache
def _parsed(name: str) -> list[dict[str, Any]]:
    data = (CORPUS / _expected(name)["file"]).read_bytes()
    return [document.to_dict() for document in parse_all(data)]


def _cases() -> list[Any]:
    cases = []
    for path in EXPECTED:
        for index, document in enumerate(_expected(path.name)["documents"]):
            label = f"{path.stem[:3]}-{document['number']}-{document['symbol']}"
            cases.extend(
                pytest.param(path.name, index, field, id=f"{label}-{field}") for field in FIELDS
            )
    return cases


def test_every_seed_has_an_expectation() -> None:
    seeds = {p.name for p in CORPUS.glob("*.txt")}
    assert seeds == {_expected(p.name)["file"] for p in EXPECTED}


@pytest.mark.parametrize("name", [p.name for p in EXPECTED])
def test_document_count(name: str) -> None:
    assert len(_parsed(name)) == len(_expected(name)["documents"])


@pytest.mark.parametrize(("name", "index", "field"), _cases())
def test_field(name: str, index: int, field: str) -> None:
    expected = _expected(name)["documents"][index][field]
    assert _parsed(name)[index][field] == expected


@pytest.mark.parametrize(
    ("name", "index"),
    [(p.name, i) for p in EXPECTED for i in range(len(_expected(p.name)["documents"]))],
)
def test_warnings_and_confidence(name: str, index: int) -> None:
    expected = _expected(name)["documents"][index]
    parsed = _parsed(name)[index]
    for fragment in expected["warnings_include"]:
        assert any(fragment in warning for warning in parsed["warnings"]), fragment
    for field in FIELDS:
        present = parsed[field] not in (None, [])
        if present and field not in ("recipients", "references"):
            assert parsed["confidence"][field] >= 0.5, field
        if parsed[field] is None:
            assert parsed["confidence"][field] == 0.0, field
