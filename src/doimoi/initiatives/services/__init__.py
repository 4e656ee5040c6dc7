"""Every change to initiatives: one function per change, checking, writing and recording at once.

``transition`` runs any move of the workflow table (``states.TABLE``); the others create a draft,
attach a file, or change the rule sets.
"""

from doimoi.initiatives.services.collective import collective_rule, collective_rule_set
from doimoi.initiatives.services.dossier_issue import dossier_issue
from doimoi.initiatives.services.proposal import attachment_add, case_create
from doimoi.initiatives.services.review import tally, voters
from doimoi.initiatives.services.rulesets import (
    rule_item_add,
    rule_set_new_version,
    rule_set_update,
    time_limit_set,
)
from doimoi.initiatives.services.workflow import check, draft_autosave, transition

__all__ = [
    "attachment_add",
    "case_create",
    "check",
    "collective_rule",
    "collective_rule_set",
    "dossier_issue",
    "draft_autosave",
    "rule_item_add",
    "rule_set_new_version",
    "rule_set_update",
    "tally",
    "time_limit_set",
    "transition",
    "voters",
]
