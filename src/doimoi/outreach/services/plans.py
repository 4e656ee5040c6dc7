"""Recording a dissemination plan from its document (parts proposed from the text) and the clerk's
confirmation of its content items, forms and assignments."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doimoi.core.errors import ApplicationError
from doimoi.core.services import clean, locked, require, user_or_none
from doimoi.documents.models import Document
from doimoi.documents.plan_text import Candidate
from doimoi.ledger import services as ledger
from doimoi.organizations.models import Unit
from doimoi.outreach import events, proposals
from doimoi.outreach.models import ContentItem, Form, Plan, PlanAssignment


@dataclass
class ItemSpec:
    number: str
    text: str
    group: str = ""


@dataclass
class AssignmentSpec:
    number: str
    heading: str
    body: str = ""
    units: list[Unit] = field(default_factory=list)


@dataclass
class Proposal:
    """What the plan's text proposes, for the clerk to confirm."""

    items: list[ItemSpec]
    forms: list[Form]
    assignments: list[AssignmentSpec]


def candidates_below(unit: Unit, on: datetime.date) -> list[Candidate]:
    """The units below ``unit`` in force on ``on`` that an assignment may name."""
    below = Unit.objects.get_descendants(unit).exclude(valid_to__lte=on).filter(valid_from__lte=on)
    return [Candidate(u.pk, u.name, u.kind, u.depth - unit.depth) for u in below]


def propose(plan: Plan) -> Proposal:
    """Items (section II), forms (section III) and assignments (section IV) read from the text."""
    text = plan.document.text
    forms = list(Form.objects.filter(active=True))
    wanted = proposals.propose_forms(
        text, [proposals.FormCandidate(f.pk, f.keyword_list) for f in forms]
    )
    by_id = {f.pk: f for f in forms}
    units = {u.pk: u for u in Unit.objects.get_descendants(plan.unit)}
    tasks = proposals.propose_assignments(text, candidates_below(plan.unit, plan.starts_on))
    return Proposal(
        items=[ItemSpec(i.number, i.text, i.group) for i in proposals.propose_items(text)],
        forms=[by_id[i] for i in wanted],
        assignments=[
            AssignmentSpec(t.number, t.heading, t.body, [units[i] for i in t.unit_ids])
            for t in tasks
        ],
    )


def _check_period(starts_on: datetime.date, ends_on: datetime.date) -> None:
    if ends_on < starts_on:
        raise ApplicationError({"ends_on": _("«Đến ngày» trước «Từ ngày».")})


def _store_parts(plan: Plan, parts: Proposal) -> None:
    plan.items.all().delete()
    plan.assignments.all().delete()
    ContentItem.objects.bulk_create(
        [
            ContentItem(
                plan=plan, number=clean(i.number), group=clean(i.group), text=clean(i.text), order=n
            )
            for n, i in enumerate(parts.items)
        ]
    )
    plan.forms.set(parts.forms)
    for n, a in enumerate(parts.assignments):
        row = PlanAssignment.objects.create(
            plan=plan, number=clean(a.number), heading=clean(a.heading), body=clean(a.body), order=n
        )
        row.units.set(a.units)


@transaction.atomic
def plan_create(
    *,
    actor: Any,
    document: Document,
    unit: Unit,
    starts_on: datetime.date,
    ends_on: datetime.date,
    title: str = "",
    target_groups: str = "",
) -> Plan:
    """Follow ``document`` as ``unit``'s dissemination plan; its parts are proposed from the text
    and wait for the clerk's confirmation."""
    require(actor, "outreach.create_plan", unit)
    if actor is not None and not Document.objects.restrict(actor).filter(pk=document.pk).exists():
        raise ApplicationError({"document": _("Chọn một văn bản bạn được xem.")})
    _check_period(starts_on, ends_on)
    if Plan.objects.filter(document=document, unit=unit).exists():
        raise ApplicationError({"document": _("Đơn vị đã theo dõi kế hoạch này.")})
    plan = Plan.objects.create(
        document=document,
        unit=unit,
        title=clean(title) or f"{document.reference} {document.title}".strip()[:300],
        starts_on=starts_on,
        ends_on=ends_on,
        target_groups=clean(target_groups),
        created_by=user_or_none(actor),
    )
    parts = propose(plan)
    _store_parts(plan, parts)
    ledger.append(
        action=events.PLAN_CREATED,
        subject=plan,
        actor=actor,
        unit=unit,
        payload={
            "document": document.pk,
            "items": len(parts.items),
            "forms": [f.pk for f in parts.forms],
            "assignments": len(parts.assignments),
        },
    )
    return plan


@transaction.atomic
def plan_confirm(*, actor: Any, plan: Plan, parts: Proposal) -> Plan:
    """The clerk confirms the plan's items, forms and assignments (as kept or corrected)."""
    require(actor, "outreach.change_plan", plan)
    plan = locked(Plan.objects).get(pk=plan.pk)
    if not parts.items:
        raise ApplicationError({"items": _("Giữ ít nhất một nội dung tuyên truyền.")})
    dropped = plan.items.exclude(number__in=[clean(p.number) for p in parts.items])
    if dropped.filter(activities__isnull=False).exists():
        raise ApplicationError(
            {"items": _("Có hoạt động đã ghi theo nội dung bị bỏ; giữ lại nội dung đó.")}
        )
    _confirm_items(plan, parts)
    plan.confirmed_at = timezone.now()
    plan.save(update_fields=["confirmed_at"])
    ledger.append(
        action=events.PLAN_CONFIRMED,
        subject=plan,
        actor=actor,
        unit=plan.unit,
        payload={
            "items": [i.number for i in parts.items],
            "forms": [f.pk for f in parts.forms],
            "assignments": [a.number for a in parts.assignments],
        },
    )
    return plan


def _confirm_items(plan: Plan, parts: Proposal) -> None:
    """Keep the items' rows (activities point at them), drop those left out, add new ones."""
    kept = {p.number: (n, p) for n, p in enumerate(parts.items)}
    for item in plan.items.all():
        if item.number not in kept:
            item.delete()
            continue
        n, p = kept.pop(item.number)
        item.text, item.group, item.order = clean(p.text), clean(p.group), n
        item.save()
    for number, (n, p) in kept.items():
        ContentItem.objects.create(
            plan=plan, number=number, group=clean(p.group), text=clean(p.text), order=n
        )
    plan.forms.set(parts.forms)
    plan.assignments.all().delete()
    for n, a in enumerate(parts.assignments):
        row = PlanAssignment.objects.create(
            plan=plan, number=clean(a.number), heading=clean(a.heading), body=clean(a.body), order=n
        )
        row.units.set(a.units)
