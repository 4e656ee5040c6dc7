"""The parser's warnings in the reader's language.

vbparse is a library without Django: each warning it gives is one string, Vietnamese then English
after " / " ("Ngày tháng để trống / date left blank"). Pages show one language: the known warnings
are mapped to this app's translated messages; any other shows the half in the reader's language.
"""

from __future__ import annotations

import re

from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

SEPARATOR = " / "
# the Vietnamese half of each warning vbparse gives → the message a page shows
KNOWN: list[tuple[re.Pattern[str], Promise]] = [
    (re.compile(r"Số ký hiệu có khoảng trắng thừa"), _("Số ký hiệu có khoảng trắng thừa")),
    (
        re.compile(r"Số ký hiệu thiếu dấu gạch nối \(đã sửa\)"),
        _("Số ký hiệu thiếu dấu gạch nối (đã sửa)"),
    ),
    (
        re.compile(r"Văn bản Đảng: 'Số' không có dấu hai chấm"),
        _("Văn bản Đảng: «Số» không có dấu hai chấm"),
    ),
    (re.compile(r"Chưa có số văn bản \(bản nháp\?\)"), _("Chưa có số văn bản (bản nháp?)")),
    (re.compile(r"Ngày tháng để trống"), _("Ngày tháng để trống")),
    (re.compile(r"Ngày không hợp lệ (?P<date>\S+)"), _("Ngày không hợp lệ %(date)s")),
    (re.compile(r"Không thấy địa danh, ngày tháng"), _("Không thấy địa danh, ngày tháng")),
    (
        re.compile(r"Không thấy địa danh, ngày tháng; ngày lấy từ câu «thông qua ngày»"),
        _("Không thấy địa danh, ngày tháng; ngày lấy từ câu «thông qua ngày»"),
    ),
    (re.compile(r"Không thấy số, ký hiệu"), _("Không thấy số, ký hiệu")),
    (re.compile(r"Không nhận ra phần đầu văn bản"), _("Không nhận ra phần đầu văn bản")),
    (
        re.compile(r"Tiêu đề và dạng số ký hiệu không khớp \(Đảng/Nhà nước\)"),
        _("Tiêu đề và dạng số ký hiệu không khớp (Đảng/Nhà nước)"),
    ),
    (
        re.compile(r"Tên loại «(?P<name>.*)» khác ký hiệu (?P<code>\S+)"),
        _("Tên loại «%(name)s» khác ký hiệu %(code)s"),
    ),
    (
        re.compile(r"Trích yếu viết hoa, đã chuyển chữ thường"),
        _("Trích yếu viết hoa, đã chuyển chữ thường"),
    ),
    (re.compile(r"Sửa ký tự PDF ƣ thành ư"), _("Sửa ký tự PDF ƣ thành ư")),
    (
        re.compile(r"Sửa lỗi OCR «(?P<wrong>.*)» → «(?P<right>.*)»"),
        _("Sửa lỗi OCR «%(wrong)s» → «%(right)s»"),
    ),
    (
        re.compile(r"Có byte UTF-8 hỏng đã thay bằng �"),
        _("Có byte UTF-8 hỏng đã thay bằng �"),
    ),
    (
        re.compile(r"Mã Windows-1258 đã chuyển sang Unicode"),
        _("Mã Windows-1258 đã chuyển sang Unicode"),
    ),
    (re.compile(r"Không nhận ra bảng mã"), _("Không nhận ra bảng mã, đọc như UTF-8")),
    (re.compile(r"Bảng mã đoán là (?P<encoding>\S+)"), _("Bảng mã đoán là %(encoding)s")),
    (
        re.compile(r"Văn bản mã (?P<label>.+) đã chuyển sang Unicode"),
        _("Văn bản mã %(label)s đã chuyển sang Unicode"),
    ),
]


def _halves(warning: str) -> tuple[str, str]:
    """(Vietnamese, English) of a bilingual warning (the same text twice if it is not one)."""
    parts = warning.split(SEPARATOR)
    return parts[0], parts[-1]


def warning_text(warning: str) -> str:
    """One parser warning in the reader's language."""
    vietnamese, english = _halves(warning)
    for pattern, message in KNOWN:
        found = pattern.fullmatch(vietnamese)
        if found:
            return str(message) % found.groupdict() if found.groupdict() else str(message)
    return vietnamese if (get_language() or "vi").startswith("vi") else english


def warning_texts(warnings: list[str]) -> list[str]:
    return list(dict.fromkeys(warning_text(w) for w in warnings))
