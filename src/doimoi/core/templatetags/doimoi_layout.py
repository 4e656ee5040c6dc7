"""``{% site_header %}``: the page header, kept per what it shows (``core.layout``)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString, mark_safe

from doimoi.core.layout import layout_of, site_header

register = template.Library()


@register.simple_tag(name="site_header", takes_context=True)
def site_header_tag(context: Any) -> SafeString:
    request = context.get("request")
    here = request.get_full_path() if request is not None else ""
    return site_header(layout_of(context), str(context.get("csrf_token") or ""), here)


@register.simple_tag(name="section", takes_context=True)
def section_tag(context: Any, template_name: str, values: dict[str, Any]) -> SafeString:
    """The template ``template_name`` rendered with ``values`` inside the page's own context (an
    app's section of the start page): rendered apart (``render_to_string`` with the request),
    each section ran every context processor again."""
    template = context.template.engine.get_template(template_name)
    with context.push(values):
        return mark_safe(template.render(context))  # a template's output
