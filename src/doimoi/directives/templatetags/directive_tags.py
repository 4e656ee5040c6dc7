"""Labels the directives pages show for requirement kinds and deadline states."""

from __future__ import annotations

from django import template
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from doimoi.directives.models import RequirementKind

register = template.Library()

STATUS = {
    "on_time": _("Đúng hạn"),
    "late": _("Trễ hạn"),
    "overdue": _("Quá hạn"),
    "pending": _("Chưa đến hạn"),
}


@register.filter
def kind_label(kind: str) -> str | Promise:
    """The Vietnamese name of a requirement kind."""
    return RequirementKind(kind).label if kind in RequirementKind.values else kind


@register.filter
def status_label(status: str) -> str | Promise:
    return STATUS.get(status, status)
