"""Shared by the exchange services: keeping packet bytes, mapping codes both ways."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from doimoi.core.text import fold
from doimoi.documents.models import Urgency
from doimoi.documents.services import store

# OtherInfo/Priority: the standard's list was not seen; 0..3 in the order of ND 30 art. 10 (🟡)
PRIORITY_TO_URGENCY = {
    0: Urgency.NONE,
    1: Urgency.KHAN,
    2: Urgency.THUONG_KHAN,
    3: Urgency.HOA_TOC,
}
URGENCY_TO_PRIORITY = {str(v): k for k, v in PRIORITY_TO_URGENCY.items()}
# DocumentType/Type: SĐ1:2022's list B (văn bản hành chính), as far as it was read; TypeName
# always travels too, and receivers rely on it
ADMIN_TYPES = {
    1: "Nghị quyết",
    2: "Quyết định",
    3: "Chỉ thị",
    4: "Quy chế",
    5: "Quy định",
    6: "Thông cáo",
    7: "Thông báo",
    8: "Hướng dẫn",
    9: "Chương trình",
    18: "Công văn",
    19: "Công điện",
    20: "Bản ghi nhớ",
    21: "Bản cam kết",
    22: "Bản thỏa thuận",
    23: "Giấy chứng nhận",
    24: "Giấy ủy quyền",
    25: "Giấy mời",
    26: "Giấy giới thiệu",
}
_TYPE_BY_NAME = {fold(name): code for code, name in ADMIN_TYPES.items()}
FOR_REPORT = " (b/c)"


def type_code_of(name: str) -> int:
    """The list-B code of a type name, 0 when the list has none."""
    return _TYPE_BY_NAME.get(fold(name or ""), 0)


def keep(data: bytes) -> tuple[str, str, str | None]:
    """Store a packet's bytes: (sha256, path, path written now or None)."""
    sha = store.digest(data)
    path = f"exchange/{sha[:2]}/{sha}.edxml"
    if default_storage.exists(path):
        return sha, path, None
    written = default_storage.save(path, ContentFile(data))
    return sha, written, written
