"""Evidence of an activity: a photo (resized on the server with Pillow, so a phone's 12-megapixel
picture is stored at a size a page can show) or a file, kept once in the document store."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from doimoi.core.errors import ApplicationError
from doimoi.documents.models import StoredFile
from doimoi.documents.services import store

PHOTO_EDGE = 1600  # the longest side kept, in pixels
MAX_PHOTO = 25 * 1024 * 1024
MAX_FILE = 20 * 1024 * 1024
Image.MAX_IMAGE_PIXELS = 80_000_000  # refuse decompression bombs beyond a large phone picture


def resize_photo(data: bytes) -> bytes:
    """The photo as a JPEG whose longest side is at most PHOTO_EDGE, turned upright."""
    if len(data) > MAX_PHOTO:
        raise ApplicationError({"photo": _("Ảnh quá lớn (tối đa 25 MB).")})
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            upright = ImageOps.exif_transpose(image) or image
            picture = upright.convert("RGB")
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise ApplicationError(
            {"photo": _("Tệp ảnh không đọc được (JPEG, PNG, WebP…).")}
        ) from error
    picture.thumbnail((PHOTO_EDGE, PHOTO_EDGE))
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=85, optimize=True)
    return out.getvalue()


def _keep(data: bytes, name: str) -> StoredFile:
    """The stored file of ``data`` (bytes kept once; if the transaction fails, the bytes stay
    unreferenced until the nightly clean-up of documents/services/orphans.py removes them)."""
    sha256 = store.digest(data)
    stored = StoredFile.objects.filter(sha256=sha256).first()
    if stored is None:
        stored, _written = store.put(data, name, sha256)
    return stored


def photo_keep(data: bytes, name: str) -> StoredFile:
    """Resize and keep a photo; returns its stored file."""
    stem = name.rsplit(".", 1)[0] or "anh"
    return _keep(resize_photo(data), f"{stem}.jpg")


def file_keep(data: bytes, name: str) -> StoredFile:
    """Keep an evidence file as sent."""
    if len(data) > MAX_FILE:
        raise ApplicationError({"file": _("Tệp quá lớn (tối đa 20 MB).")})
    return _keep(data, name or "tep")
