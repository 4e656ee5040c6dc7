"""Old Word documents (.doc) converted to text by LibreOffice headless."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from django.utils.translation import gettext as _

from doimoi.documents.extract.errors import Unreadable
from doimoi.documents.extract.limits import SUBPROCESS_TIMEOUT, soffice


def convert(data: bytes, suffix: str, target: str) -> bytes:
    """Convert a file with LibreOffice (``target`` e.g. "txt:Text (encoded):UTF8", "pdf")."""
    command = shutil.which(soffice())
    if not command:
        raise Unreadable(_("Máy chủ chưa cài LibreOffice nên không đọc được tệp .doc."))
    with tempfile.TemporaryDirectory(prefix="doimoi-lo-") as tmp:
        source = Path(tmp) / f"input{suffix}"
        source.write_bytes(data)
        profile = Path(tmp, "profile").as_uri()  # a private profile: conversions may run at once
        args = [command, f"-env:UserInstallation={profile}", "--headless", "--convert-to", target]
        try:
            subprocess.run(
                [*args, "--outdir", tmp, str(source)],
                capture_output=True,
                timeout=SUBPROCESS_TIMEOUT,
                check=False,
            )
        except subprocess.TimeoutExpired as error:
            raise Unreadable(_("LibreOffice đọc tệp quá lâu, đã dừng.")) from error
        extension = target.split(":", 1)[0]
        outputs = list(Path(tmp).glob(f"input.{extension}"))
        if not outputs:
            raise Unreadable(_("LibreOffice không chuyển đổi được tệp (tệp hỏng?)."))
        return outputs[0].read_bytes()


def read_doc(data: bytes) -> str:
    """The text of a .doc file."""
    text = convert(data, ".doc", "txt:Text (encoded):UTF8").decode("utf-8", errors="replace")
    text = text.lstrip("\ufeff").strip()
    if not text:
        raise Unreadable(_("Tệp .doc không có chữ nào."))
    return text
