"""Tasks proposed from a plan's "Tổ chức thực hiện" section: who is named, and what they must do.

The reading itself lives in ``doimoi.documents.plan_text`` (shared with the outreach app, which
proposes a dissemination plan's assignments from the same section); this module names what the
directives app uses.
"""

from doimoi.documents.plan_text import (
    KIND_WORDS,
    Candidate,
    ProposedTask,
    match,
    named_parts,
    propose,
    propose_for,
    section_lines,
)

__all__ = [
    "KIND_WORDS",
    "Candidate",
    "ProposedTask",
    "match",
    "named_parts",
    "propose",
    "propose_for",
    "section_lines",
]
