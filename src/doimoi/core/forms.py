"""Form helpers shared by every app."""

from __future__ import annotations

from typing import Any

from doimoi.core.text import canonical_tones, nfc


class NFCFormMixin:
    """Cleans every text input to NFC with the new-style tone placement, stripped."""

    cleaned_data: dict[str, Any]

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean()  # type: ignore[misc]
        for key, value in data.items():
            if isinstance(value, str):
                data[key] = canonical_tones(nfc(value))
        return data


class AccessibleErrorsMixin:
    """Marks a field in error with aria-invalid and points it at its message."""

    def full_clean(self) -> None:
        super().full_clean()  # type: ignore[misc]
        for name in self.errors:  # type: ignore[attr-defined]
            if name in self.fields:  # type: ignore[attr-defined]
                bound = self[name]  # type: ignore[index]
                attrs = self.fields[name].widget.attrs  # type: ignore[attr-defined]
                attrs["aria-invalid"] = "true"
                attrs["aria-describedby"] = f"{bound.auto_id}_error"
