"""The unit picker: a name typed (accents optional) and resolved to one unit of the viewer's scope.

A national tree has 60,000 units: a ``<select>`` listing them all made the documents page 8 MB
and 24–111 s. The picker keeps a unit id in a hidden input beside a text input; typing asks the
server for at most ``LIMIT`` matching units (htmx), and a choice fills the id. Without JavaScript
the text is resolved on submit: one match is taken, several are offered as buttons, none is an
error on the field. Each use names a *source* (the units it may offer, scoped to the viewer);
apps above ``organizations`` register theirs, and a unit outside the source is never offered nor
accepted (as if it did not exist).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from doimoi.core.text import fold
from doimoi.organizations.models import Unit
from doimoi.organizations.selectors import admin_units, unit_tree, units_in_scope, units_named

LIMIT = 20
Source = Callable[[Any], QuerySet[Unit]]
_SOURCES: dict[str, Source] = {}


def register_source(name: str, source: Source) -> None:
    """Let an app offer a set of units to pickers (``source(viewer)`` scopes them)."""
    _SOURCES[name] = source


def source_units(name: str, viewer: Any) -> QuerySet[Unit]:
    """The units the source ``name`` offers ``viewer`` (KeyError for an unknown source)."""
    return _SOURCES[name](viewer)


def unit_matches(units: QuerySet[Unit], text: str, limit: int = LIMIT) -> list[Unit]:
    """Up to ``limit`` of ``units`` whose name, short name or code holds every word typed,
    accents folded ("dang uy bao loc" → Đảng ủy phường Bảo Lộc); higher units first."""
    if not fold(text).split():
        return []
    return list(units_named(units, text).order_by("depth", "name_folded", "pk")[:limit])


def with_parents(units: list[Unit]) -> list[tuple[Unit, Unit | None]]:
    """Each unit with its parent (one query), so that namesakes can be told apart."""
    step = Unit.steplen
    paths = {u.path[:-step] for u in units if u.depth > 1}
    parents = {p.path: p for p in Unit.objects.filter(path__in=paths)}
    return [(u, parents.get(u.path[:-step])) for u in units]


def resolve(units: QuerySet[Unit], text: str) -> tuple[Unit | None, list[Unit]]:
    """The one unit ``text`` names among ``units``, else (None, the candidates found)."""
    found = unit_matches(units, text, limit=LIMIT + 1)
    if len(found) == 1:
        return found[0], found
    exact = [u for u in found if fold(u.name) == fold(text)]
    if len(exact) == 1:
        return exact[0], found
    return None, found


register_source("in_scope", lambda viewer: units_in_scope(viewer=viewer))
register_source("administered", lambda viewer: admin_units(viewer=viewer, in_force=False))
register_source("administered_in_force", lambda viewer: admin_units(viewer=viewer))
# the tree's names are visible to every signed-in user (organizations.view_unit_tree)
register_source("tree", lambda viewer: unit_tree())


class UnitPickerWidget(forms.Widget):
    """A text input (``<name>_q``) and a hidden unit id (``<name>``); a chosen option arrives as
    ``<name>_pick``."""

    template_name = "organizations/widgets/unit_picker.html"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs)
        self.source = ""
        self.resolved: Unit | None = None
        self.candidates: list[Unit] = []

    def value_from_datadict(self, data: Any, files: Any, name: str) -> dict[str, Any]:
        return {
            "id": data.get(f"{name}_pick") or data.get(name) or "",
            "picked": bool(data.get(f"{name}_pick")),
            "text": data.get(f"{name}_q"),
        }

    def value_omitted_from_data(self, data: Any, files: Any, name: str) -> bool:
        return not any(k in data for k in (name, f"{name}_q", f"{name}_pick"))

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        unit_id, text = self._shown(value)
        attrs = context["widget"]["attrs"]
        context["widget"].update(
            {
                "invalid": attrs.get("aria-invalid"),
                "describedby": attrs.get("aria-describedby"),
                "unit_id": unit_id,
                "text": text,
                "url": reverse("organizations:unit_pick") + f"?source={self.source}&field={name}",
                "candidates": with_parents(self.candidates) if self.candidates else [],
            }
        )
        return context

    def _shown(self, value: Any) -> tuple[str, str]:
        """The id and the text to show: the unit resolved, the initial unit, or what was typed."""
        if self.resolved is not None:
            return str(self.resolved.pk), self.resolved.name
        if isinstance(value, Unit):
            return str(value.pk), value.name
        if isinstance(value, dict):
            return "", value.get("text") or ""
        return "", ""


class UnitPickerField(forms.Field):
    """One unit of ``queryset`` (set per request: the source's units for the viewer)."""

    widget = UnitPickerWidget
    default_error_messages = {
        "not_found": _("Không tìm thấy đơn vị «%(text)s» trong phạm vi bạn được chọn."),
        "ambiguous": _(
            "Có nhiều đơn vị khớp với «%(text)s»: chọn một đơn vị trong danh sách dưới đây, "
            "hoặc gõ đầy đủ tên hơn."
        ),
        "invalid_choice": _("Đơn vị đã chọn không có trong phạm vi bạn được chọn."),
    }

    def __init__(self, *, source: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.viewer: Any = None
        self._units: QuerySet[Unit] | None = None
        self.picker.source = source

    @property
    def queryset(self) -> QuerySet[Unit]:
        """The units the field accepts, built when first needed (a form left empty needs none)."""
        if self._units is None:
            if self.viewer is None:
                return Unit.objects.none()
            self._units = source_units(self.picker.source, self.viewer)
        return self._units

    @property
    def picker(self) -> UnitPickerWidget:
        """The field's widget (a picker, whatever attributes it was given)."""
        assert isinstance(self.widget, UnitPickerWidget)
        return self.widget

    def for_viewer(self, viewer: Any) -> None:
        """Scope the field to what its source offers ``viewer``."""
        self.viewer, self._units = viewer, None

    def prepare_value(self, value: Any) -> Any:
        """An initial unit given by its id is shown by its name."""
        if isinstance(value, int | str) and str(value).isdigit():
            return self.queryset.filter(pk=value).first()
        return value

    def to_python(self, value: Any) -> Unit | None:
        if not isinstance(value, dict):
            return self._by_id(value) if value not in self.empty_values else None
        text = (value.get("text") or "").strip()
        if value["id"] and (value["picked"] or value["text"] is None):
            return self._by_id(value["id"])
        if not text:
            return None
        if value["id"]:  # the name shown for the chosen unit, unchanged
            chosen = self._by_id(value["id"], strict=False)
            if chosen is not None and fold(chosen.name) == fold(text):
                return chosen
        return self._by_text(text)

    def _by_id(self, value: Any, strict: bool = True) -> Unit | None:
        unit = self.queryset.filter(pk=value).first() if str(value).isdigit() else None
        if unit is None and strict:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return unit

    def _by_text(self, text: str) -> Unit:
        unit, found = resolve(self.queryset, text)
        if unit is not None:
            return unit
        self.picker.candidates = found[:LIMIT]
        code = "ambiguous" if found else "not_found"
        raise ValidationError(self.error_messages[code], code=code, params={"text": text})

    def clean(self, value: Any) -> Unit | None:
        unit = super().clean(value)
        self.picker.resolved = unit
        return unit


class UnitsPickerWidget(UnitPickerWidget):
    """Several units: each chosen one a checked box (``<name>``), and a picker to add another."""

    template_name = "organizations/widgets/units_picker.html"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs)
        self.chosen: list[Unit] = []

    def value_from_datadict(self, data: Any, files: Any, name: str) -> dict[str, Any]:
        picked = data.get(f"{name}_pick")
        ids = [i for i in data.getlist(name) if i] if hasattr(data, "getlist") else []
        return {
            "ids": ids + ([picked] if picked else []),
            "picked": bool(picked),
            "text": data.get(f"{name}_q"),
        }

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        context["widget"]["chosen"] = self.chosen
        context["widget"]["text"] = (
            "" if self.chosen and not self.candidates else (context["widget"]["text"])
        )
        return context


class UnitsPickerField(UnitPickerField):
    """Some units of ``queryset``; a name typed is resolved and added to those ticked. Without
    JavaScript, a unit chosen among several offered is added and the form shown again."""

    widget = UnitsPickerWidget
    default_error_messages = {
        **UnitPickerField.default_error_messages,
        "added": _("Đã thêm «%(unit)s». Thêm đơn vị khác, hoặc bấm Lưu."),
    }

    @property
    def multi(self) -> UnitsPickerWidget:
        assert isinstance(self.widget, UnitsPickerWidget)
        return self.widget

    def to_python(self, value: Any) -> list[Unit]:  # type: ignore[override]
        if not isinstance(value, dict):
            return []
        ids = list(dict.fromkeys(str(i) for i in value["ids"]))
        units = list(self.queryset.filter(pk__in=[i for i in ids if i.isdigit()]))
        if len(units) != len(ids):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        self.multi.chosen = units
        if value["picked"]:  # a button of the offered units, without JavaScript
            raise ValidationError(
                self.error_messages["added"], code="added", params={"unit": units[-1].name}
            )
        text = (value.get("text") or "").strip()
        if text:
            added = self._by_text(text)
            if added not in units:
                units.append(added)
        return units

    def validate(self, value: Any) -> None:
        if self.required and not value:
            raise ValidationError(self.error_messages["required"], code="required")

    def clean(self, value: Any) -> list[Unit]:  # type: ignore[override]
        units = self.to_python(value)
        self.validate(units)
        self.multi.chosen = units
        return units
