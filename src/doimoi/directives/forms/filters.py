"""The directive page's filters: a branch of the cascade, picked by name, and a requirement."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from doimoi.directives.models import RequirementKind
from doimoi.organizations.picker import UnitPickerField, UnitPickerWidget


class CascadeFilterForm(forms.Form):
    """``don_vi``: the unit whose subtree is shown, any unit of the viewer's scope (a picker, not
    a list: at national scale thousands of units forward a directive); ``yeu_cau``: one
    requirement."""

    don_vi = UnitPickerField(
        label=_("Lọc theo nhánh (đơn vị và các đơn vị dưới nó)"),
        required=False,
        source="in_scope",
        widget=UnitPickerWidget(attrs={"autosubmit": True, "id": "filter-unit"}),
    )
    yeu_cau = forms.ChoiceField(
        label=_("Theo yêu cầu"),
        required=False,
        choices=[("", _("Mọi yêu cầu")), *RequirementKind.choices],
        widget=forms.Select(attrs={"id": "filter-req"}),
    )

    def __init__(self, *args: Any, viewer: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["don_vi"].for_viewer(viewer)  # type: ignore[attr-defined]

    def chosen(self) -> dict[str, Any]:
        """The filters that are valid (one the viewer got wrong is left out, its error shown)."""
        self.is_valid()
        data = self.cleaned_data
        return {"subtree": data.get("don_vi"), "requirement": data.get("yeu_cau") or ""}
