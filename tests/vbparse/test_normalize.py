"""Cleanup before reading: encodings, NFC, ƣ, tone placement, markdown, OCR slips, junk lines."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from doimoi.vbparse import normalize, parse
from doimoi.vbparse.legacy import decode_tcvn3, decode_vni, encode_tcvn3, encode_vni
from doimoi.vbparse.lines import cells
from doimoi.vbparse.normalize import canonical_tones, clean

SEED = Path(__file__).resolve().parents[1] / "corpus" / "000_bb21b65b2818ef4b.txt"
KEY_FIELDS = ("number", "symbol", "date", "issuer", "parent_issuer", "title", "signer_name")
TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def _seed_fields() -> dict[str, object]:
    document = parse(SEED.read_text(encoding="utf-8"))
    return {name: getattr(document, name) for name in KEY_FIELDS}


def encode_cp1258(text: str) -> bytes:
    """Windows-1258 bytes: precomposed base letters, tones as combining marks."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONE_MARKS))
            tones = "".join(c for c in parts if c in TONE_MARKS)
            out += (base + tones).encode("cp1258")
    return bytes(out)


@pytest.mark.parametrize(
    ("encoder", "note"),
    [(encode_tcvn3, "TCVN3"), (encode_vni, "VNI"), (encode_cp1258, "1258")],
)
def test_legacy_encodings_read_back(encoder: object, note: str) -> None:
    data = encoder(SEED.read_text(encoding="utf-8"))  # type: ignore[operator]
    document = parse(data)
    assert {name: getattr(document, name) for name in KEY_FIELDS} == _seed_fields()
    assert any(note in warning for warning in document.warnings)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_unicode_byte_encodings(encoding: str) -> None:
    data = SEED.read_text(encoding="utf-8").encode(encoding)
    document = parse(data)
    assert {name: getattr(document, name) for name in KEY_FIELDS} == _seed_fields()


def test_legacy_text_read_as_windows_1252_is_repaired() -> None:
    mojibake = encode_vni(SEED.read_text(encoding="utf-8")).decode("cp1252", errors="replace")
    assert parse(mojibake).issuer == "Thành ủy Bảo Lộc"
    mojibake = encode_tcvn3(SEED.read_text(encoding="utf-8")).decode("latin-1")
    assert parse(mojibake).issuer == "Thành ủy Bảo Lộc"


def test_tables_round_trip_every_letter() -> None:
    letters = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
    assert decode_vni(encode_vni(letters).decode("latin-1")) == letters
    assert decode_vni(encode_vni(letters.upper()).decode("latin-1")) == letters.upper()
    assert decode_tcvn3(encode_tcvn3(letters).decode("latin-1")) == letters


def test_pdf_artefact_is_read_as_u_horn() -> None:
    cleaned = clean("BAN THƢỜNG VỤ\nLƣơng Văn Mừng")
    assert cleaned.text == "BAN THƯỜNG VỤ\nLương Văn Mừng"
    assert any("ƣ" in warning for warning in cleaned.warnings)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Thành uỷ", "Thành ủy"),
        ("THÀNH UỶ", "THÀNH ỦY"),
        ("văn hoá", "văn hóa"),
        ("Hoà bình", "Hòa bình"),
        ("khoẻ mạnh", "khỏe mạnh"),
        ("Thuỵ", "Thụy"),
        ("quý", "quý"),
        ("thuở", "thuở"),
        ("hoàn thành", "hoàn thành"),
        ("uyển chuyển", "uyển chuyển"),
        ("Huỳnh", "Huỳnh"),
    ],
)
def test_tone_placement(old: str, new: str) -> None:
    assert canonical_tones(old) == new
    assert canonical_tones(new) == new


def test_nfd_input_is_composed() -> None:
    decomposed = unicodedata.normalize("NFD", "Đảng ủy Khối")
    assert normalize(decomposed) == "Đảng ủy Khối"


@pytest.mark.parametrize(
    ("markdown", "plain"),
    [
        ("**ĐẢNG BỘ TỈNH LÂM ĐỒNG**", "ĐẢNG BỘ TỈNH LÂM ĐỒNG"),
        ("# TỈNH ỦY LÂM ĐỒNG", "TỈNH ỦY LÂM ĐỒNG"),
        ("### **3. Tổ chức thực hiện**", "3. Tổ chức thực hiện"),
        ("\\*", "*"),
        ("*Đà Lạt, ngày 17 tháng 3 năm 2022*", "Đà Lạt, ngày 17 tháng 3 năm 2022"),
        ("*Kính gửi:* Cấp ủy", "Kính gửi: Cấp ủy"),
        ("![](media/image1.png)Trần Văn A", "Trần Văn A"),
        ("A<br>B", "A\nB"),
    ],
)
def test_markdown_is_removed(markdown: str, plain: str) -> None:
    assert normalize(markdown).strip() == plain


def test_markdown_table_cells_become_columns() -> None:
    text = normalize("| Số 64-KH/ThU | Bảo Lộc, ngày 04 tháng 5 năm 2022 |\n|---|---|")
    assert cells(text.strip()) == ("Số 64-KH/ThU", "Bảo Lộc, ngày 04 tháng 5 năm 2022")


@pytest.mark.parametrize(
    ("slip", "fixed"),
    [
        ("DẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG CỘNG SẢN VIỆT NAM"),
        ("- Nhu kính gửi;", "- Như kính gửi;"),
        ("- Các tinh uỷ, thành uỷ,", "- Các tỉnh ủy, thành ủy,"),
        ("Ban Tòng chi Trung ương", "Ban Tổ chức Trung ương"),
    ],
)
def test_ocr_slips_are_fixed_and_reported(slip: str, fixed: str) -> None:
    cleaned = clean(slip)
    assert cleaned.text == fixed
    assert cleaned.located and "OCR" in cleaned.located[0][1]


@pytest.mark.parametrize(
    "junk", ["- 2 -", "3", "Trang 2/5", "Page 3 of 4", "(Đã ký)", "[signature]"]
)
def test_page_and_signature_junk_lines_are_dropped(junk: str) -> None:
    assert normalize(f"Dòng trước\n{junk}\nDòng sau") == "Dòng trước\n\nDòng sau"


def test_digital_signature_stamp_is_dropped() -> None:
    stamp = "Ký bởi: Văn phòng Chính phủ\nEmail: vpcp@chinhphu.vn\nThời gian ký: 29.09.2023 16:53:34 +07:00"
    assert normalize(f"{stamp}\nCHÍNH PHỦ").strip() == "CHÍNH PHỦ"


def test_stray_unicode_spaces_and_dashes() -> None:
    assert normalize("Số\u00a064\u2013KH/ThU\u200b") == "Số 64-KH/ThU"
