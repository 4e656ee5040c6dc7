"""People and accounts: a unit admin adds people, gives and ends positions, locks and resets
accounts; every user changes their own password. Each action is one service, one transaction,
one ledger event."""

from __future__ import annotations

import datetime
import re
import secrets
from typing import Any

from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from doimoi.core.errors import ApplicationError
from doimoi.core.services import locked
from doimoi.core.text import canonical_tones, nfc
from doimoi.ledger import services as ledger
from doimoi.organizations import events
from doimoi.organizations.models import Membership, Person, Role, Unit
from doimoi.organizations.services import _check_dates, _require

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,148}$")
# Letters and digits that cannot be mistaken for one another when read aloud or copied.
TEMP_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def temporary_password() -> str:
    """A password to hand over once, in four groups: ``k7m2-xq9p-3rtz-8bnw``."""
    return "-".join("".join(secrets.choice(TEMP_ALPHABET) for _ in range(4)) for _ in range(4))


def _check_username(username: str) -> str:
    username = nfc(username).strip().lower()
    if not USERNAME.match(username):
        raise ApplicationError(
            {
                "username": _(
                    "Tên đăng nhập chỉ gồm chữ thường không dấu, chữ số và các dấu . _ - "
                    "(ít nhất 2 ký tự), ví dụ vanthu.baoloc."
                )
            }
        )
    if get_user_model().objects.filter(username=username).exists():
        raise ApplicationError(
            {"username": _("Tên đăng nhập «%(name)s» đã có người dùng.") % {"name": username}}
        )
    return username


def _check_role(role: str) -> None:
    if role not in Role.values:
        raise ApplicationError({"role": _("Vai trò không hợp lệ.")})


def _check_in_force(unit: Unit, on: datetime.date) -> None:
    if on < unit.valid_from or (unit.valid_to is not None and on >= unit.valid_to):
        raise ApplicationError(
            {
                "valid_from": _(
                    "Ngày %(date)s nằm ngoài thời gian hoạt động của %(unit)s; "
                    "hãy giao chức vụ ở đơn vị kế thừa."
                )
                % {"date": on.strftime("%d/%m/%Y"), "unit": unit.name}
            }
        )


def _position_payload(membership: Membership) -> dict[str, Any]:
    return {
        "unit": membership.unit_id,
        "role": membership.role,
        "position_title": membership.position_title,
        "valid_from": membership.valid_from,
        "valid_to": membership.valid_to,
    }


@transaction.atomic
def person_add(
    *,
    actor: Any,
    unit: Unit,
    full_name: str,
    role: str,
    position_title: str = "",
    valid_from: datetime.date | None = None,
    username: str = "",
) -> tuple[Person, str]:
    """Add a person with a first position in ``unit`` and, if ``username`` is given, an account.

    Returns the person and the temporary password of the new account ("" without one): the
    admin hands it over once; the person must change it at the first login.
    """
    _require(actor, "organizations.change_unit", unit)
    name = canonical_tones(nfc(full_name)).strip()
    if not name:
        raise ApplicationError({"full_name": _("Họ và tên không được để trống.")})
    _check_role(role)
    start = valid_from or datetime.date.today()
    _check_in_force(unit, start)
    password, user = "", None
    if username:
        username = _check_username(username)
        password = temporary_password()
        user = get_user_model().objects.create_user(username=username, password=password)
    person = Person.objects.create(full_name=name, user=user, must_change_password=bool(user))
    membership = Membership.objects.create(
        person=person,
        unit=unit,
        role=role,
        position_title=canonical_tones(nfc(position_title)).strip(),
        valid_from=start,
    )
    payload = {"full_name": name, "username": username} | _position_payload(membership)
    ledger.append(
        action=events.PERSON_CREATED, subject=person, actor=actor, unit=unit, payload=payload
    )
    return person, password


@transaction.atomic
def membership_end(
    *, actor: Any, membership: Membership, valid_to: datetime.date, reason: str = ""
) -> Membership:
    """End a position on ``valid_to`` (the first day the person no longer holds it)."""
    membership = locked(Membership.objects).get(pk=membership.pk)
    _require(actor, "organizations.change_unit", membership.unit)
    if membership.valid_to is not None and membership.valid_to <= datetime.date.today():
        raise ApplicationError({"valid_to": _("Chức vụ này đã kết thúc.")})
    _check_dates(membership.valid_from, valid_to)
    membership.valid_to = valid_to
    membership.save(update_fields=["valid_to"])
    payload = _position_payload(membership) | {
        "person": membership.person_id,
        "reason": nfc(reason),
    }
    ledger.append(
        action=events.MEMBERSHIP_ENDED,
        subject=membership,
        actor=actor,
        unit=membership.unit,
        payload=payload,
    )
    return membership


def _account(person: Person) -> Any:
    if person.user is None:
        raise ApplicationError({"user": _("Cán bộ này chưa có tài khoản đăng nhập.")})
    return person.user


@transaction.atomic
def account_deactivate(*, actor: Any, person: Person, reason: str = "") -> Person:
    """Lock the person's account: they can no longer sign in; their history stays."""
    _require(actor, "organizations.manage_person", person)
    user = _account(person)
    if actor is not None and user.pk == actor.pk:
        raise ApplicationError({"user": _("Bạn không thể tự khóa tài khoản của mình.")})
    if not user.is_active:
        raise ApplicationError({"user": _("Tài khoản này đã bị khóa.")})
    user.is_active = False
    user.save(update_fields=["is_active"])
    payload = {"username": user.username, "reason": nfc(reason)}
    ledger.append(action=events.ACCOUNT_DEACTIVATED, subject=person, actor=actor, payload=payload)
    return person


@transaction.atomic
def password_reset(*, actor: Any, person: Person) -> str:
    """Give the person a temporary password that must be changed at the next sign-in."""
    _require(actor, "organizations.manage_person", person)
    user = _account(person)
    if actor is not None and user.pk == actor.pk:
        raise PermissionDenied(_("Hãy dùng trang «Đổi mật khẩu» cho tài khoản của chính bạn."))
    password = temporary_password()
    user.set_password(password)
    user.save(update_fields=["password"])
    person.must_change_password = True
    person.save(update_fields=["must_change_password"])
    ledger.append(
        action=events.PASSWORD_RESET,
        subject=person,
        actor=actor,
        payload={"username": user.username},
    )
    return password


@transaction.atomic
def password_change(*, user: Any, old_password: str, new_password: str) -> None:
    """The user changes their own password (the old one checked, Django's validators applied)."""
    if not user.check_password(old_password):
        raise ApplicationError({"old_password": _("Mật khẩu hiện tại không đúng.")})
    if new_password == old_password:
        raise ApplicationError({"new_password1": _("Mật khẩu mới phải khác mật khẩu hiện tại.")})
    try:
        password_validation.validate_password(new_password, user)
    except ValidationError as error:
        raise ApplicationError({"new_password1": error.messages}) from error
    user.set_password(new_password)
    user.save(update_fields=["password"])
    person = Person.objects.filter(user=user).first()
    if person is not None and person.must_change_password:
        person.must_change_password = False
        person.save(update_fields=["must_change_password"])
    subject = person if person is not None else user
    ledger.append(
        action=events.PASSWORD_CHANGED,
        subject=subject,
        actor=user,
        payload={"username": user.username},
    )


@transaction.atomic
def position_give(
    *,
    actor: Any,
    person: Person,
    unit: Unit,
    role: str,
    position_title: str = "",
    valid_from: datetime.date | None = None,
    valid_to: datetime.date | None = None,
) -> Membership:
    """Give ``person`` a position in ``unit`` (one ledger event, written by membership_create)."""
    from doimoi.organizations.services import membership_create

    _require(actor, "organizations.change_unit", unit)
    _check_role(role)
    start = valid_from or datetime.date.today()
    _check_in_force(unit, start)
    held = Membership.objects.active(start).filter(person=person, unit=unit, role=role)
    if held.exists():
        raise ApplicationError(
            {"role": _("Cán bộ đã giữ vai trò này ở đơn vị này vào ngày bắt đầu.")}
        )
    return membership_create(
        actor=actor,
        person=person,
        unit=unit,
        role=role,
        position_title=position_title,
        valid_from=start,
        valid_to=valid_to,
    )
