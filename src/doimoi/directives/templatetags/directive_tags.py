"""Labels the directives pages show for requirement kinds and deadline states."""

from __future__ import annotations

from django import template
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from doimoi.directives.models import RequirementKind
from doimoi.directives.states import AssignmentState

register = template.Library()

STATUS = {
    "on_time": _("Đúng hạn"),
    "late": _("Trễ hạn"),
    "overdue": _("Quá hạn"),
    "pending": _("Chưa đến hạn"),
}


KINDS = dict(RequirementKind.choices)  # built once: ``.values`` is a new list at every call
STATES = dict(AssignmentState.choices)


@register.filter
def kind_label(kind: str) -> str | Promise:
    """The Vietnamese name of a requirement kind."""
    return KINDS.get(kind, kind)


@register.filter
def state_label(state: str) -> str | Promise:
    """An assignment state's name, as ``get_state_display`` gives it (which builds the field's
    choices anew at every call: a directive's tree shows a few hundred)."""
    return STATES.get(state, state)


@register.filter
def status_label(status: str) -> str | Promise:
    return STATUS.get(status, status)
