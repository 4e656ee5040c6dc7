"""Widgets whose HTML is kept (core.forms.KeptRenderMixin) render what Django renders afresh,
whatever was rendered before them."""

from __future__ import annotations

from typing import Any

from django.utils import translation

from doimoi.core.forms import KeptRenderMixin
from doimoi.documents.forms import SearchForm

ASKED = [
    {"q": "kế hoạch"},
    {"q": 'a <b> & "c"'},
    {"q": "kế hoạch", "kind": "party", "type_code": "KH", "year": "2023"},
    {"q": "kế hoạch", "kind": "state", "type_code": "CV", "confidentiality": "1"},
    {"q": "x", "year": "not a year", "type_code": "ZZ"},
    {},
]


def _html(viewer: Any, data: dict[str, str], codes: list[str]) -> str:
    form = SearchForm(data or None, viewer=viewer, type_codes=codes)
    form.is_valid()
    return "".join(str(form[name]) for name in form.fields)


def test_kept_widgets_render_what_django_renders(persona: Any) -> None:
    viewer = persona("vanthu.baoloc")
    for language, other in (("vi", "en"), ("en", "vi")):
        for codes, others in ((["KH", "CV"], ["CV"]), (["KH", "TB"], ["KH", "TB"])):
            for data in ASKED:
                for before in ASKED:  # something else kept before, in another language too
                    with translation.override(other):
                        _html(viewer, before, others)
                    _html(viewer, before, others)
                with translation.override(language):
                    kept = _html(viewer, data, codes)
                    KeptRenderMixin._kept.clear()
                    assert kept == _html(viewer, data, codes), (language, codes, data)
    assert KeptRenderMixin._kept
