"""The one place doimoi runs LibreOffice headless: DOCX → PDF for composed documents, and the
conversions the documents app needs to read old formats (.doc → text)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from django.conf import settings

TIMEOUT = 120


class ConversionError(RuntimeError):
    """LibreOffice is missing, timed out, or produced nothing."""


def soffice() -> str:
    """The LibreOffice command (setting DOIMOI_SOFFICE, else the environment, else "soffice")."""
    return str(getattr(settings, "DOIMOI_SOFFICE", os.environ.get("DOIMOI_SOFFICE", "soffice")))


def available() -> bool:
    return shutil.which(soffice()) is not None


PREFIX = "doimoi-lo-"


def work_root() -> Path:
    """Where conversions work (``var/tmp``): a process killed mid-conversion leaves its folder
    there, for ``stale_remove`` to find, instead of somewhere in the system's /tmp."""
    root = Path(settings.VAR_DIR) / "tmp"
    root.mkdir(parents=True, exist_ok=True)
    return root


def stale_remove(grace: float) -> list[Path]:
    """Remove conversion folders older than ``grace`` seconds (left by a killed process)."""
    limit, removed = time.time() - grace, []
    for folder in work_root().glob(f"{PREFIX}*"):
        if folder.is_dir() and folder.stat().st_mtime < limit:
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def convert(data: bytes, suffix: str, target: str, timeout: int = TIMEOUT) -> bytes:
    """Convert ``data`` (a file ending in ``suffix``) to ``target`` ("pdf",
    "txt:Text (encoded):UTF8" …), in a temporary folder with its own LibreOffice profile, so
    conversions may run side by side and leave nothing behind."""
    command = shutil.which(soffice())
    if not command:
        raise ConversionError("missing")
    with tempfile.TemporaryDirectory(prefix=PREFIX, dir=work_root()) as tmp:
        source = Path(tmp) / f"input{suffix}"
        source.write_bytes(data)
        profile = Path(tmp, "profile").as_uri()
        args = [command, f"-env:UserInstallation={profile}", "--headless", "--convert-to", target]
        try:
            subprocess.run(
                [*args, "--outdir", tmp, str(source)],
                capture_output=True,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired as error:
            raise ConversionError("timeout") from error
        extension = target.split(":", 1)[0]
        outputs = list(Path(tmp).glob(f"input.{extension}"))
        if not outputs:
            raise ConversionError("nothing")
        return outputs[0].read_bytes()


def docx_to_pdf(data: bytes) -> bytes:
    """The PDF of a Word file."""
    return convert(data, ".docx", "pdf")
