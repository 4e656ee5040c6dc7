"""Forms of the initiatives pages: they parse input; the services validate and write."""

from doimoi.initiatives.forms.base import TransitionForm
from doimoi.initiatives.forms.plan import AttachmentForm, CaseCreateForm, PlanForm
from doimoi.initiatives.forms.transitions import FORMS

__all__ = ["FORMS", "AttachmentForm", "CaseCreateForm", "PlanForm", "TransitionForm"]
