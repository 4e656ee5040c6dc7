"""What the compose page starts from: the units a user may issue for, the document answered,
the template's prefilled title, body and recipients, and the context the composer needs."""

from __future__ import annotations

import datetime
import re
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from doimoi import compose
from doimoi.compose.names import (
    collective_authority,
    default_place,
    official_name,
    signing_title,
    superior_line,
)
from doimoi.directives import selectors as directives
from doimoi.directives.models import Directive
from doimoi.documents import selectors as documents
from doimoi.documents.models import Document
from doimoi.documents.rules import NUMBER_ROLES
from doimoi.documents.services.common import issuer_code
from doimoi.organizations.models import Membership, Role, Unit, UnitKind
from doimoi.organizations.scope import scope_of
from doimoi.reporting.kinds import TEMPLATES, Context, Source

POINT = re.compile(r"^\s*(\d{1,2})\.\s+(.+)$")
MAX_POINT = 240
FOR_REPORT = re.compile(r"\s*\((?:để\s+)?b/c\)\s*$", re.I)


def units_for(viewer: Any, day: datetime.date | None = None) -> QuerySet[Unit]:
    """Units in force on ``day`` whose outgoing register ``viewer`` may take numbers from."""
    day = day or timezone.localdate()
    qs = (
        Unit.objects.filter(valid_from__lte=day)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gt=day))
        .order_by("path")
    )
    scope = scope_of(viewer)
    if scope.superuser:
        return qs
    query = Q(pk__in=[])
    for path in scope.paths(NUMBER_ROLES):
        query |= Q(path__under=path)
    return qs.filter(query)


def source_find(viewer: Any, reference: str) -> Document | None:
    """The document ``viewer`` may see whose number and symbol are ``reference``."""
    reference = " ".join(reference.split())
    if not reference:
        return None
    page = documents.document_search(viewer=viewer, query=reference, limit=5)
    for hit in page.hits:
        if hit.document.reference.replace(" ", "") == reference.replace(" ", ""):
            return hit.document
    return None


def directive_find(viewer: Any, reference: str) -> Directive | None:
    """The directive ``viewer`` may see whose document's number and symbol are ``reference``."""
    wanted = "".join(reference.split())
    number = re.match(r"\d+", wanted)
    if number is None:
        return None
    candidates = directives.directive_list(viewer=viewer).filter(document__number=number.group())
    return next((d for d in candidates if d.document.reference.replace(" ", "") == wanted), None)


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= MAX_POINT:
        return text
    cut = max(text.rfind(". ", 0, MAX_POINT), text.rfind("; ", 0, MAX_POINT))
    return text[: cut + 1] if cut > 40 else text[:MAX_POINT].rsplit(" ", 1)[0] + " …"


def points_of(text: str) -> list[str]:
    """The numbered requirements of a document ("1. Quán triệt …"), first sentence of each."""
    found: list[str] = []
    for line in text.splitlines():
        match = POINT.match(line)
        if match and int(match.group(1)) == len(found) + 1:
            found.append(_first_sentence(match.group(2)))
    return found


def source_of(document: Document) -> Source:
    issuer = document.issuer_unit.name if document.issuer_unit else document.issuer_name
    return Source(
        type_name=document.type_name or "Văn bản",
        reference=document.reference,
        date=document.date,
        issuer=official_name(document.issuer_unit) if document.issuer_unit else issuer,
        title=document.title,
        points=points_of(document.text),
    )


def kind_of(unit: Unit) -> str:
    return "state" if unit.kind == UnitKind.STATE_BODY else "party"


def body_name(unit: Unit) -> str:
    """Who speaks in the body: "Ban Thường vụ Đảng ủy …" for a committee, else the unit."""
    name = official_name(unit)
    if unit.kind in {UnitKind.PARTY_COMMITTEE, UnitKind.GRASSROOTS}:
        return f"Ban Thường vụ {name}"
    return name


def _head(unit: Unit, day: datetime.date) -> Membership | None:
    members = Membership.objects.active(day).filter(unit=unit, role=Role.HEAD)
    return members.select_related("person").first()


def _recipients(key: str, unit: Unit) -> tuple[list[str], list[str]]:
    parent = Unit.objects.get_parent(unit)
    above = [f"{official_name(parent)} (b/c)"] if parent is not None and parent.depth > 1 else []
    below = "Các cấp ủy, tổ chức đảng trực thuộc"
    if key == "forward":
        return [below], above
    if key == "urging":
        return ["«Các đơn vị chậm thực hiện»"], above
    if key == "decision":
        return [], ["Đồng chí «họ tên người đề xuất»"]
    if key == "plan":
        return [], [*above, below]
    return [], above


def initial(
    unit: Unit, key: str, source: Document | None, day: datetime.date, option: str = ""
) -> dict[str, Any]:
    """The form's prefilled values for ``key`` issued by ``unit`` (answering ``source``)."""
    template, head = TEMPLATES[key], _head(unit, day)
    ctx = context(unit, {"kind": kind_of(unit), "option": option}, source, day)
    kinh_gui, recipients = _recipients(key, unit)
    return {
        "kind": ctx.kind,
        "title": template.title(ctx),
        "body": template.body(ctx),
        "kinh_gui": "\n".join(kinh_gui),
        "recipients": "\n".join(recipients),
        "place": default_place(unit),
        "authority": collective_authority(unit),
        "signer_title": signing_title(head.position_title) if head else "",
        "signer_name": head.person.full_name if head else "",
    }


def _lines(text: str) -> list[str]:
    out = []
    for raw in (text or "").splitlines():
        line = " ".join(raw.split()).removeprefix("- ").rstrip(";,.").strip()
        if line:
            out.append(line)
    return out


def recipients_of(text: str) -> list[compose.Recipient]:
    """One recipient a line; "(b/c)" at the end marks a copy sent up for report."""
    return [
        compose.Recipient(FOR_REPORT.sub("", line), bool(FOR_REPORT.search(line)))
        for line in _lines(text)
    ]


def context(
    unit: Unit, data: dict[str, Any], source: Document | None, day: datetime.date
) -> Context:
    """The composer's context from the unit and what the author wrote."""
    kind = data.get("kind") or kind_of(unit)
    parent = Unit.objects.get_parent(unit)
    return Context(
        kind=kind,
        issuer=official_name(unit),
        issuer_code=issuer_code(unit),
        superior=superior_line(parent) if kind == "party" else "",
        place=data.get("place") or default_place(unit),
        day=day,
        signer_title=data.get("signer_title", ""),
        signer_name=data.get("signer_name", ""),
        authority=data.get("authority", ""),
        body_name=body_name(unit),
        source=source_of(source) if source else None,
        recipients=recipients_of(data.get("recipients", "")),
        kinh_gui=_lines(data.get("kinh_gui", "")),
        title=data.get("title", ""),
        body=data.get("body", ""),
        option=data.get("option", ""),
    )
