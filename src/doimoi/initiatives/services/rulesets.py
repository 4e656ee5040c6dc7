"""Changing the rules: an administrator fills what DOMAIN.md could not confirm, or opens a new
version. A version that cases already use keeps its values; only blanks (❌) may be filled there."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from doimoi.core.errors import ApplicationError
from doimoi.initiatives import events
from doimoi.initiatives.models import Confidence, ItemKind, RuleItem, RuleSet, TimeLimit
from doimoi.initiatives.services.common import clean_text, dmy
from doimoi.ledger import services as ledger


def _require_admin(actor: Any) -> None:
    if actor is not None and not actor.has_perm("initiatives.change_rule_sets"):
        raise PermissionDenied(_("Chỉ quản trị hệ thống được sửa bộ quy tắc."))


def _in_use(rule_set: RuleSet) -> bool:
    return rule_set.cases.exists()


@transaction.atomic
def time_limit_set(
    *, actor: Any, limit: TimeLimit, working_days: int | None, confidence: str, basis: str
) -> TimeLimit:
    """Set a time limit; on a version in use, only a limit that had no value may be filled."""
    _require_admin(actor)
    if confidence not in Confidence.values:
        raise ApplicationError({"confidence": _("Chọn mức xác thực.")})
    if _in_use(limit.rule_set) and limit.working_days is not None:
        raise ApplicationError(
            {
                "working_days": _(
                    "Bộ quy tắc này đã được áp dụng cho đề xuất: tạo phiên bản mới để thay đổi thời hạn."
                )
            }
        )
    before = limit.working_days
    limit.working_days, limit.confidence, limit.basis = working_days, confidence, clean_text(basis)
    limit.save()
    payload = {
        "key": limit.key,
        "from": before,
        "to": working_days,
        "confidence": confidence,
        "basis": limit.basis,
    }
    ledger.append(
        action=events.TIME_LIMIT_SET, subject=limit.rule_set, actor=actor, payload=payload
    )
    return limit


@transaction.atomic
def rule_set_update(
    *, actor: Any, rule_set: RuleSet, wide_scope_rule: str, allows_suspension: bool
) -> RuleSet:
    """Fill the wide-scope procedure (art. 8.2, ❌) or switch suspension decisions on or off."""
    _require_admin(actor)
    rule_set.wide_scope_rule = clean_text(wide_scope_rule)
    rule_set.allows_suspension = allows_suspension
    rule_set.save(update_fields=["wide_scope_rule", "allows_suspension"])
    payload = {"wide_scope_rule": rule_set.wide_scope_rule, "allows_suspension": allows_suspension}
    ledger.append(action=events.RULE_SET_UPDATED, subject=rule_set, actor=actor, payload=payload)
    return rule_set


@transaction.atomic
def rule_item_add(
    *, actor: Any, rule_set: RuleSet, kind: str, code: str, text: str, confidence: str, basis: str
) -> RuleItem:
    """Add a condition, legality check or prohibited act (e.g. art. 6 item 5 once it is read)."""
    _require_admin(actor)
    code, text = clean_text(code), clean_text(text)
    if kind not in (ItemKind.CONDITION, ItemKind.LEGALITY, ItemKind.PROHIBITED):
        raise ApplicationError({"kind": _("Chọn loại nội dung.")})
    if not code or not text:
        raise ApplicationError({"text": _("Cần nhập mã và nội dung.")})
    if rule_set.items.filter(kind=kind, code=code).exists():
        raise ApplicationError({"code": _("Mã «%(code)s» đã có.") % {"code": code}})
    order = rule_set.items.filter(kind=kind).count()
    item = RuleItem.objects.create(
        rule_set=rule_set,
        kind=kind,
        code=code,
        text=text,
        confidence=confidence,
        basis=clean_text(basis),
        order=order,
    )
    payload = {"kind": kind, "code": code, "text": text, "confidence": confidence}
    ledger.append(action=events.RULE_SET_UPDATED, subject=rule_set, actor=actor, payload=payload)
    return item


@transaction.atomic
def rule_set_new_version(*, actor: Any, base: RuleSet, valid_from: datetime.date) -> RuleSet:
    """Copy ``base`` as the next version of its regime, in force from ``valid_from``."""
    _require_admin(actor)
    if valid_from <= base.valid_from:
        raise ApplicationError(
            {
                "valid_from": _("Phiên bản mới phải áp dụng sau %(date)s.")
                % {"date": dmy(base.valid_from)}
            }
        )
    last = RuleSet.objects.filter(regime=base.regime).order_by("-version").first()
    version = (last.version if last else 0) + 1
    new = RuleSet.objects.create(
        regime=base.regime,
        version=version,
        name=base.name,
        basis=base.basis,
        valid_from=valid_from,
        covered_roles=base.covered_roles,
        allows_suspension=base.allows_suspension,
        wide_scope_rule=base.wide_scope_rule,
    )
    _copy_rows(base, new)
    payload = {"from_version": base.version, "version": version, "valid_from": valid_from}
    ledger.append(action=events.RULE_SET_VERSIONED, subject=new, actor=actor, payload=payload)
    return new


def _copy_rows(base: RuleSet, new: RuleSet) -> None:
    """Copy the time limits and items of ``base`` into ``new``."""
    for limit in base.time_limits.all():
        TimeLimit.objects.create(
            rule_set=new,
            key=limit.key,
            working_days=limit.working_days,
            confidence=limit.confidence,
            basis=limit.basis,
        )
    for item in base.items.all():
        RuleItem.objects.create(
            rule_set=new,
            kind=item.kind,
            code=item.code,
            text=item.text,
            options=item.options,
            confidence=item.confidence,
            basis=item.basis,
            order=item.order,
        )
