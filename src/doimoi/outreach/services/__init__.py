"""Every change of the outreach app's state (STYLE.md: services write)."""

from doimoi.outreach.services.activities import (
    ActivitySpec,
    activity_delete,
    activity_log,
)
from doimoi.outreach.services.forms import form_save, forms_seed
from doimoi.outreach.services.imports import ImportResult, activities_import, template_workbook
from doimoi.outreach.services.plans import (
    AssignmentSpec,
    ItemSpec,
    Proposal,
    plan_confirm,
    plan_create,
    propose,
)
from doimoi.outreach.services.tally import tally_add, tally_rebuild

__all__ = [
    "ActivitySpec",
    "AssignmentSpec",
    "ImportResult",
    "ItemSpec",
    "Proposal",
    "activities_import",
    "activity_delete",
    "activity_log",
    "form_save",
    "forms_seed",
    "plan_confirm",
    "plan_create",
    "propose",
    "tally_add",
    "tally_rebuild",
    "template_workbook",
]
