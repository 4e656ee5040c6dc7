"""The parser's editable data (type codes, signing words, casing, OCR fixes), loaded once."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> Any:
    """One JSON file from ``vbparse/data``, parsed."""
    text = (
        resources.files("doimoi.vbparse")
        .joinpath("data")
        .joinpath(name)
        .read_text(encoding="utf-8")
    )
    return json.loads(text)


TYPES: dict[str, Any] = load("types.json")
PARTY_TYPES: dict[str, str] = TYPES["party"]
STATE_TYPES: dict[str, str] = TYPES["state"]
TYPE_NAMES: list[str] = TYPES["names"]
GENERIC_TYPE_NAMES: frozenset[str] = frozenset(TYPES["generic_names"])
NUMBER_PREFIXES: dict[str, str] = TYPES["number_prefixes"]

SIGNING: dict[str, Any] = load("signing.json")
MARKS: dict[str, dict[str, str]] = load("marks.json")
CASING: dict[str, Any] = load("casing.json")
OCR_FIXES: list[tuple[str, str]] = [(a, b) for a, b in load("ocr.json")["fixes"]]


def type_name(kind: str | None, code: str | None) -> str | None:
    """The full Vietnamese name of a type code in a party or state symbol, or None."""
    if not code:
        return None
    table = PARTY_TYPES if kind == "party" else STATE_TYPES
    return table.get(code) or table.get(code.upper())


# A copy that lost the hyphen of a symbol ("QĐUBND", "2018/NĐCP" in a PDF's text layer).
_GLUED_SYMBOL = re.compile(r"^(?P<code>[A-ZĐ][A-Za-zĐ]{1,3}?)(?P<organ>UBND|HĐND|CP|VPCP|TTg)$")
_GLUED_ORGANS = ("UBND", "HĐND", "CP", "TTg")  # every organ _GLUED_SYMBOL reads ends so


def unglue_symbol(symbol: str) -> str:
    """ "QĐUBND" as "QĐ-UBND" when it is a type code glued to a common issuer code."""
    if not symbol.endswith(_GLUED_ORGANS):  # the common case: nothing glued
        return symbol
    head, slash, rest = symbol.rpartition("/")
    found = _GLUED_SYMBOL.match(rest)
    if found is None or found["code"] not in STATE_TYPES or rest == "TTCP":  # Thanh tra CP
        return symbol
    return f"{head}{slash}{found['code']}-{found['organ']}"


# Provinces and centrally-run cities, folded (the 63 units before the 2025 merger).
CITIES = frozenset({"ha noi", "ho chi minh", "hai phong", "da nang", "can tho"})
PROVINCES = frozenset(
    [
        "an giang",
        "ba ria - vung tau",
        "ba ria vung tau",
        "bac giang",
        "bac kan",
        "bac can",
        "bac lieu",
        "bac ninh",
        "ben tre",
        "binh dinh",
        "binh duong",
        "binh phuoc",
        "binh thuan",
        "ca mau",
        "cao bang",
        "dak lak",
        "dac lac",
        "dak nong",
        "dien bien",
        "dong nai",
        "dong thap",
        "gia lai",
        "ha giang",
        "ha nam",
        "ha tinh",
        "hai duong",
        "hau giang",
        "hoa binh",
        "hung yen",
        "khanh hoa",
        "kien giang",
        "kon tum",
        "lai chau",
        "lam dong",
        "lang son",
        "lao cai",
        "long an",
        "nam dinh",
        "nghe an",
        "ninh binh",
        "ninh thuan",
        "phu tho",
        "phu yen",
        "quang binh",
        "quang nam",
        "quang ngai",
        "quang ninh",
        "quang tri",
        "soc trang",
        "son la",
        "tay ninh",
        "thai binh",
        "thai nguyen",
        "thanh hoa",
        "thua thien hue",
        "tien giang",
        "tra vinh",
        "tuyen quang",
        "vinh long",
        "vinh phuc",
        "yen bai",
    ]
)
