"""What the directives app follows in other apps without importing them (ARCHITECTURE.md): a study
session recorded by the outreach app answers the "study session" requirement of the directives
its plan carries out, for its unit; a document's page shows the directives made of it."""

from __future__ import annotations

from typing import Any

from doimoi.core import panels
from doimoi.directives.panels import document_panel
from doimoi.directives.services.answers import study_answered_elsewhere
from doimoi.ledger.registry import follow

# outreach's verb, named here by its string: the two apps never import each other
STUDY_RECORDED = "outreach.study.recorded"


def _study_recorded(event: Any, subject: Any) -> None:
    payload = event.payload
    study_answered_elsewhere(
        event=event,
        unit_id=payload["unit"],
        documents=payload.get("documents") or [],
        on=payload["held_on"],
    )


def install() -> None:
    follow(STUDY_RECORDED, _study_recorded)
    panels.register("documents.document", document_panel)
