"""The proposal (ND 73 art. 7): a draft the proposer writes, then sends to the head who decides."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils.translation import gettext as _

from doimoi.core.errors import ApplicationError
from doimoi.core.services import locked
from doimoi.initiatives import events
from doimoi.initiatives.models import PLAN_FIELDS, Attachment, Case, RegulationStatus, RuleSet
from doimoi.initiatives.rules import case_roles
from doimoi.initiatives.services.common import (
    Context,
    clean_text,
    dmy,
    handles,
    heads_of,
    not_in_future,
    today,
)
from doimoi.initiatives.services.guards import decider_for
from doimoi.initiatives.states import CaseRole, CaseState
from doimoi.ledger import services as ledger
from doimoi.organizations.models import Membership, Person, Unit

MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
DRAFT_FIELDS = (*PLAN_FIELDS, "wide_scope")


@transaction.atomic
def case_create(*, actor: Any, unit: Unit, rule_set: RuleSet, title: str) -> Case:
    """Start a draft proposal by the actor, from ``unit`` where the actor holds a role."""
    person = getattr(actor, "person", None)
    if person is None:
        raise PermissionDenied(_("Tài khoản chưa gắn với cán bộ nào."))
    if not Membership.objects.active().filter(person=person, unit=unit).exists():
        raise ApplicationError(
            {"unit": _("Bạn không giữ vai trò nào tại %(unit)s.") % {"unit": unit.name}}
        )
    title = clean_text(title or "")
    if not title:
        raise ApplicationError({"title": _("Cần nhập tên đề xuất.")})
    case = Case.objects.create(rule_set=rule_set, proposer=person, unit=unit, title=title)
    payload = {"title": title, "unit": unit.name, "rule_set": str(rule_set)}
    ledger.append(action=events.CASE_CREATED, subject=case, actor=actor, unit=unit, payload=payload)
    return case


def plan_snapshot(case: Case) -> dict[str, Any]:
    """The plan as it stands: its sections, co-proposers and attachments."""
    plan: dict[str, Any] = {name: getattr(case, name) for name in DRAFT_FIELDS}
    if case.regulation_status:
        plan["regulation_status"] = RegulationStatus(case.regulation_status).label
    plan["co_proposers"] = [p.full_name for p in case.co_proposers.order_by("full_name")]
    plan["attachments"] = [{"name": a.name, "sha256": a.sha256} for a in case.attachments.all()]
    return json.loads(json.dumps(plan, cls=DjangoJSONEncoder))


def plan_hash(plan: dict[str, Any]) -> str:
    encoded = json.dumps(plan, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(encoded.encode()).hexdigest()


@handles("save_draft")
def _save_draft(ctx: Context) -> dict[str, Any]:
    case, changed = ctx.case, []
    for name in DRAFT_FIELDS:
        if name in ctx.data and getattr(case, name) != ctx.data[name]:
            setattr(case, name, ctx.data[name])
            changed.append(name)
    if "title" in changed and not case.title:
        raise ApplicationError({"title": _("Cần nhập tên đề xuất.")})
    if "co_proposers" in ctx.data:
        _set_co_proposers(case, list(ctx.data["co_proposers"] or []))
        changed.append("co_proposers")
    return {"changed": changed}


def _set_co_proposers(case: Case, people: list[Person]) -> None:
    if any(p.pk == case.proposer_id for p in people):
        raise ApplicationError(
            {"co_proposers": _("Người đề xuất không cần ghi lại trong danh sách cùng đề xuất.")}
        )
    case.co_proposers.set(people)


@handles("submit")
def _submit(ctx: Context) -> dict[str, Any]:
    case = ctx.case
    case.decider = decider_for(case)
    # the day the plan reached the decider: today, or the day a plan sent on paper arrived
    case.submitted_on = ctx.data.get("submitted_on") or today()
    not_in_future("submitted_on", case.submitted_on)
    case.return_comments = ""
    plan = plan_snapshot(case)
    case.plan_hash = plan_hash(plan)
    heads = heads_of(case.decider) if case.decider else []
    return {
        "to_unit": case.decider.name if case.decider else "",
        "to_head": ", ".join(p.full_name for p in heads),
        "submitted_on": dmy(case.submitted_on),
        "proposer_is_head": case.decider != case.unit,
        "plan": plan,
        "plan_sha256": case.plan_hash,
    }


@transaction.atomic
def attachment_add(*, actor: Any, case: Case, upload: UploadedFile) -> Attachment:
    """Attach a file to a draft; its SHA-256 goes in the ledger and in the plan when sent."""
    case = locked(Case.objects).get(pk=case.pk)
    if CaseRole.PROPOSER not in case_roles(actor, case):
        raise PermissionDenied(_("Chỉ người đề xuất được đính kèm tài liệu."))
    if case.state not in (CaseState.DRAFT, CaseState.RETURNED):
        raise ApplicationError({"file": _("Chỉ đính kèm được khi đề xuất còn là dự thảo.")})
    if upload.size is None or upload.size > MAX_ATTACHMENT_BYTES:
        raise ApplicationError({"file": _("Tệp quá lớn: tối đa 20 MB.")})
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    name = clean_text(upload.name or "tep")[:255]
    attachment = Attachment.objects.create(
        case=case, file=upload, name=name, sha256=digest.hexdigest()
    )
    payload = {"name": name, "sha256": attachment.sha256, "size": upload.size}
    ledger.append(
        action=events.ATTACHMENT_ADDED, subject=case, actor=actor, unit=case.unit, payload=payload
    )
    return attachment
