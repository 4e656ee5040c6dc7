"""Old Word documents (.doc) converted to text by LibreOffice headless (through the composer's
converter, the one module that runs LibreOffice)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from doimoi.compose.convert import ConversionError, convert
from doimoi.documents.extract.errors import Unreadable

_MESSAGES = {
    "missing": _lazy("Máy chủ chưa cài LibreOffice nên không đọc được tệp .doc."),
    "timeout": _lazy("LibreOffice đọc tệp quá lâu, đã dừng."),
}


def read_doc(data: bytes) -> str:
    """The text of a .doc file."""
    try:
        raw = convert(data, ".doc", "txt:Text (encoded):UTF8")
    except ConversionError as error:
        message = _MESSAGES.get(str(error)) or _(
            "LibreOffice không chuyển đổi được tệp (tệp hỏng?)."
        )
        raise Unreadable(str(message)) from error
    text = raw.decode("utf-8", errors="replace").lstrip("\ufeff").strip()
    if not text:
        raise Unreadable(_("Tệp .doc không có chữ nào."))
    return text
