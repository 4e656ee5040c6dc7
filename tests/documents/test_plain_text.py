"""Plain-text files: text is read, bytes that only decode to controls and odd signs are refused."""

from __future__ import annotations

import os

import pytest

from doimoi.documents.extract import Unreadable, plain

TEXT = "Tỉnh ủy Lâm Đồng\nSố 12-KH/TU\tngày 05/03/2024\r\nKẾ HOẠCH triển khai Nghị quyết\n" * 40


def test_vietnamese_text_is_read() -> None:
    text, _warnings = plain.read(TEXT.encode())
    assert "Lâm Đồng" in text


@pytest.mark.parametrize(
    "noise",
    [
        "\x01",  # a control character
        "\x1c",  # a white-space character that is a control character too
        "\ue000",  # private use
        "\u0378",  # unassigned
    ],
)
def test_controls_past_one_percent_are_refused(noise: str) -> None:
    few = TEXT + noise * (len(TEXT) // 200)  # about 0.5 %
    plain.read(few.encode("utf-8", "surrogatepass"))
    many = TEXT + noise * (len(TEXT) // 50)  # about 2 %
    with pytest.raises(Unreadable):
        plain.read(many.encode("utf-8", "surrogatepass"))


def test_signs_without_letters_are_refused() -> None:
    with pytest.raises(Unreadable):
        plain.read(("0123456789 -.,;/ " * 100).encode())


def test_random_bytes_are_refused() -> None:
    with pytest.raises(Unreadable):
        plain.read(os.urandom(4096))
