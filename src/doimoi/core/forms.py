"""Form helpers shared by every app."""

from __future__ import annotations

from typing import Any

from django.utils.functional import Promise
from django.utils.safestring import SafeString
from django.utils.translation import get_language

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


KEPT_WIDGETS = 2048


class KeptRenderMixin:
    """A widget whose HTML is rendered once for its name, value, attributes and choices in the
    active language, then kept in the process (a page's filters render the same HTML on every
    request; each render runs the widget's templates). Only plain values are kept: a choice label
    or an attribute that is neither text nor a number renders afresh."""

    _kept: dict[tuple[Any, ...], SafeString] = {}

    def render(self, name: str, value: Any, attrs: Any = None, renderer: Any = None) -> Any:
        key = _render_key(self, name, value, attrs, renderer)
        found = self._kept.get(key) if key is not None else None
        if found is None:
            found = super().render(name, value, attrs, renderer)  # type: ignore[misc]
            if key is not None:
                if len(self._kept) >= KEPT_WIDGETS:
                    self._kept.clear()
                self._kept[key] = found
        return found


def _plain(value: Any) -> str | None:
    """``value`` as text when it renders as that text (a lazy translation in the active
    language), else None."""
    if value is None or isinstance(value, str | int | bool | Promise):
        return f"{type(value).__name__}:{value}"
    return None


def _render_key(
    widget: Any, name: str, value: Any, attrs: Any, renderer: Any
) -> tuple[Any, ...] | None:
    values = [value] if not isinstance(value, list | tuple) else list(value)
    attributes = {**widget.attrs, **(attrs or {})}
    parts = [
        *values,
        *attributes,
        *attributes.values(),
        *(part for choice in getattr(widget, "choices", ()) for part in choice),
    ]
    plain = [_plain(part) for part in parts]
    if None in plain:
        return None
    flags = (widget.is_required, widget.is_localized, widget.is_hidden)
    sizes = (len(values), len(attributes))
    return (type(widget), type(renderer), get_language(), name, flags, sizes, *plain)
