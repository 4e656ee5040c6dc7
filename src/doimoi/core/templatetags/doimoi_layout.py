"""``{% site_header %}``: the page header, kept per what it shows (``core.layout``)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString

from doimoi.core.layout import layout_of, site_header

register = template.Library()


@register.simple_tag(name="site_header", takes_context=True)
def site_header_tag(context: Any) -> SafeString:
    request = context.get("request")
    here = request.get_full_path() if request is not None else ""
    return site_header(layout_of(context), str(context.get("csrf_token") or ""), here)
