"""Every change to units, people and roles: permission, validation, write, ledger, one transaction."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from doimoi.core.errors import ApplicationError
from doimoi.core.services import locked
from doimoi.core.text import canonical_tones, fold, nfc
from doimoi.ledger import services as ledger
from doimoi.organizations import events
from doimoi.organizations.models import (
    Membership,
    Person,
    SuccessionKind,
    Unit,
    UnitKind,
    UnitSuccession,
)

DEFAULT_VALID_FROM = datetime.date(1930, 2, 3)
UNIT_FIELDS = (
    "name",
    "short_name",
    "code",
    "kind",
    "level",
    "valid_from",
    "valid_to",
    "member_count",
)


def _require(actor: Any, perm: str, obj: Any) -> None:
    if actor is not None and not actor.has_perm(perm, obj):
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này."))


def _clean_text(data: dict[str, Any]) -> dict[str, Any]:
    return {k: canonical_tones(nfc(v)) if isinstance(v, str) else v for k, v in data.items()}


def _check_dates(valid_from: datetime.date | None, valid_to: datetime.date | None) -> None:
    if valid_from and valid_to and valid_to < valid_from:
        raise ApplicationError(
            {
                "valid_to": _("Ngày kết thúc (%(end)s) không được trước ngày bắt đầu (%(start)s).")
                % {"end": date_format(valid_to, "d/m/Y"), "start": date_format(valid_from, "d/m/Y")}
            }
        )


def _siblings(parent: Unit | None) -> Any:
    return (
        Unit.objects.get_children(parent) if parent is not None else Unit.objects.get_root_nodes()
    )


# Codes every party committee of a level writes after its own name (each province's committee
# signs "/TU", each grassroots committee "/ĐU"): siblings share them and differ by name.
COMMITTEE_KINDS = frozenset({UnitKind.PARTY_COMMITTEE, UnitKind.GRASSROOTS, UnitKind.PARTY_CELL})
SHARED_LEVEL_CODES = frozenset({"TW", "TU", "ThU", "HU", "QU", "TXU", "ĐU", "ĐUK", "ĐUCS", "CB"})


def _overlapping(qs: Any, valid_from: datetime.date, valid_to: datetime.date | None) -> Any:
    qs = qs.filter(Q(valid_to__isnull=True) | Q(valid_to__gt=valid_from))
    return qs.filter(valid_from__lt=valid_to) if valid_to else qs


def _check_code_unique(
    code: str,
    parent: Unit | None,
    *,
    kind: str,
    valid_from: datetime.date,
    valid_to: datetime.date | None,
    exclude: Unit | None = None,
) -> None:
    """Refuse a code another sibling uses at the same time (level codes of committees excepted)."""
    if not code or (kind in COMMITTEE_KINDS and code in SHARED_LEVEL_CODES):
        return
    clash = _overlapping(_siblings(parent).filter(code=code), valid_from, valid_to)
    if exclude is not None:
        clash = clash.exclude(pk=exclude.pk)
    other = clash.first()
    if other is not None:
        raise ApplicationError(
            {
                "code": _("Ký hiệu «%(code)s» đã được dùng cho đơn vị cùng cấp «%(other)s».")
                % {"code": code, "other": other.name}
            }
        )


def _check_unit(data: dict[str, Any], parent: Unit | None, exclude: Unit | None = None) -> None:
    _check_dates(data.get("valid_from"), data.get("valid_to"))
    _check_code_unique(
        data.get("code", ""),
        parent,
        kind=data.get("kind", ""),
        valid_from=data.get("valid_from") or DEFAULT_VALID_FROM,
        valid_to=data.get("valid_to"),
        exclude=exclude,
    )


def _snapshot(unit: Unit) -> dict[str, Any]:
    return {field: getattr(unit, field) for field in UNIT_FIELDS} | {"path": unit.path}


def _set_folded(unit: Unit) -> None:
    unit.name_folded = fold(" ".join(filter(None, [unit.name, unit.short_name, unit.code])))[:512]
    unit.code_folded = fold(unit.code)[:32]


@transaction.atomic
def unit_create(*, actor: Any, parent: Unit | None, **data: Any) -> Unit:
    """Add a unit under ``parent`` (or as a root); the actor must manage the parent."""
    if parent is None:
        _require_superuser(actor)
    else:
        _require(actor, "organizations.change_unit", parent)
    data = _clean_text(data)
    _check_unit(data, parent)
    unit = Unit(**data)
    _set_folded(unit)
    unit = (
        Unit.objects.add_child(parent, instance=unit)
        if parent
        else Unit.objects.add_root(instance=unit)
    )
    ledger.append(
        action=events.UNIT_CREATED, subject=unit, actor=actor, unit=unit, payload=_snapshot(unit)
    )
    return unit


def _require_superuser(actor: Any) -> None:
    if actor is not None and not actor.is_superuser:
        raise PermissionDenied(_("Chỉ quản trị hệ thống được tạo đơn vị gốc."))


@transaction.atomic
def unit_update(*, actor: Any, unit: Unit, **data: Any) -> Unit:
    """Change a unit's own fields (not its place in the tree)."""
    _require(actor, "organizations.change_unit", unit)
    data = _clean_text(data)
    before = _snapshot(unit)
    _check_unit(before | data, Unit.objects.get_parent(unit), exclude=unit)
    for field, value in data.items():
        setattr(unit, field, value)
    _set_folded(unit)
    unit.save()
    changes = {k: [before[k], v] for k, v in data.items() if before[k] != v}
    ledger.append(action=events.UNIT_UPDATED, subject=unit, actor=actor, unit=unit, payload=changes)
    return unit


@transaction.atomic
def unit_move(*, actor: Any, unit: Unit, new_parent: Unit) -> Unit:
    """Put ``unit`` (with its subtree) under ``new_parent``; never under itself or its descendant."""
    unit = locked(Unit.objects).get(pk=unit.pk)
    _require(actor, "organizations.change_unit", unit)
    _require(actor, "organizations.change_unit", new_parent)
    if new_parent.path.startswith(unit.path):
        raise ApplicationError(
            {
                "parent": _(
                    "Không thể chuyển đơn vị vào chính nó hoặc vào một đơn vị cấp dưới của nó."
                )
            }
        )
    _check_unit(_snapshot(unit), new_parent, exclude=unit)
    old_parent = Unit.objects.get_parent(unit)
    Unit.objects.move(unit, new_parent, pos="last-child")
    unit.refresh_from_db()
    payload = {
        "from": old_parent.pk if old_parent else None,
        "to": new_parent.pk,
        "path": unit.path,
    }
    ledger.append(action=events.UNIT_MOVED, subject=unit, actor=actor, unit=unit, payload=payload)
    return unit


@transaction.atomic
def unit_close(*, actor: Any, unit: Unit, valid_to: datetime.date, reason: str = "") -> Unit:
    """End a unit on ``valid_to``; it stays in the tree so old documents keep their issuer."""
    _require(actor, "organizations.change_unit", unit)
    _check_dates(unit.valid_from, valid_to)
    unit.valid_to = valid_to
    unit.save(update_fields=["valid_to"])
    payload = {"valid_to": valid_to, "reason": nfc(reason)}
    ledger.append(action=events.UNIT_CLOSED, subject=unit, actor=actor, unit=unit, payload=payload)
    return unit


@transaction.atomic
def unit_merge(
    *,
    actor: Any,
    units: list[Unit],
    into: Unit,
    effective: datetime.date,
    basis: str = "",
) -> Unit:
    """Close each of ``units`` on ``effective`` and link it to ``into`` as its successor."""
    if not units:
        raise ApplicationError({"units": _("Chọn ít nhất một đơn vị để hợp nhất.")})
    _require(actor, "organizations.change_unit", into)
    if any(u.pk == into.pk for u in units):
        raise ApplicationError(
            {"into": _("Đơn vị kế thừa không được nằm trong các đơn vị bị hợp nhất.")}
        )
    if effective < into.valid_from:
        raise ApplicationError(
            {"effective": _("Ngày hợp nhất không được trước ngày thành lập đơn vị kế thừa.")}
        )
    for unit in units:
        unit_close(actor=actor, unit=unit, valid_to=effective, reason=basis)
        UnitSuccession.objects.create(
            predecessor=unit,
            successor=into,
            kind=SuccessionKind.MERGED_INTO,
            effective=effective,
            basis=nfc(basis),
        )
    payload = {"units": [u.pk for u in units], "effective": effective, "basis": nfc(basis)}
    ledger.append(action=events.UNIT_MERGED, subject=into, actor=actor, unit=into, payload=payload)
    return into


@transaction.atomic
def unit_link_successor(
    *,
    actor: Any,
    predecessor: Unit,
    successor: Unit,
    kind: str,
    effective: datetime.date,
    basis: str = "",
) -> UnitSuccession:
    """Record that ``predecessor`` continued as ``successor`` (split, rename) without closing it."""
    _require(actor, "organizations.change_unit", successor)
    link = UnitSuccession.objects.create(
        predecessor=predecessor,
        successor=successor,
        kind=kind,
        effective=effective,
        basis=nfc(basis),
    )
    payload = {
        "predecessor": predecessor.pk,
        "kind": kind,
        "effective": effective,
        "basis": link.basis,
    }
    ledger.append(
        action=events.UNIT_UPDATED, subject=successor, actor=actor, unit=successor, payload=payload
    )
    return link


@transaction.atomic
def person_create(*, actor: Any, full_name: str, user: Any = None) -> Person:
    """Add a person (a cadre, with or without a login)."""
    name = canonical_tones(nfc(full_name))
    if not name:
        raise ApplicationError({"full_name": _("Họ và tên không được để trống.")})
    person = Person.objects.create(full_name=name, user=user)
    ledger.append(
        action=events.PERSON_CREATED, subject=person, actor=actor, payload={"full_name": name}
    )
    return person


@transaction.atomic
def membership_create(
    *,
    actor: Any,
    person: Person,
    unit: Unit,
    role: str,
    position_title: str = "",
    valid_from: datetime.date | None = None,
    valid_to: datetime.date | None = None,
) -> Membership:
    """Give ``person`` a role in ``unit`` with a position title as written, between two dates."""
    _require(actor, "organizations.change_unit", unit)
    start = valid_from or datetime.date.today()
    _check_dates(start, valid_to)
    membership = Membership.objects.create(
        person=person,
        unit=unit,
        role=role,
        position_title=canonical_tones(nfc(position_title)),
        valid_from=start,
        valid_to=valid_to,
    )
    payload = {
        "person": person.pk,
        "role": role,
        "position_title": membership.position_title,
        "valid_from": start,
        "valid_to": valid_to,
    }
    ledger.append(
        action=events.MEMBERSHIP_CREATED,
        subject=membership,
        actor=actor,
        unit=unit,
        payload=payload,
    )
    return membership
