"""People and accounts: each action one service, one transaction, one ledger event; scope by subtree."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from tests.conftest import password_login
from tests.organizations.conftest import Realm

from doimoi.core.errors import ApplicationError
from doimoi.ledger.models import LedgerEvent
from doimoi.organizations import people, selectors
from doimoi.organizations.models import Membership, Person, Role

TODAY = datetime.date.today()


def _events() -> int:
    return LedgerEvent.objects.count()


def test_admin_adds_a_person_with_an_account_in_one_event(realm: Realm, ledger_probe: Any) -> None:
    person, password = people.person_add(
        actor=realm.admin,
        unit=realm.below,
        full_name="Nguyễn Văn Hoà",  # old-style tone placement, stored new-style
        role=Role.CLERK,
        position_title="Văn thư",
        username="Vanthu.Moi",
    )
    assert person.full_name == "Nguyễn Văn Hòa"
    assert person.user.username == "vanthu.moi" and person.user.check_password(password)
    assert person.must_change_password and len(password) == 19
    event = ledger_probe.assert_recorded("organizations.person.created", person)
    assert event.payload["username"] == "vanthu.moi" and password not in str(event.payload)
    assert event.payload["unit"] == realm.below.pk and event.payload["role"] == "clerk"
    assert len(ledger_probe.new()) == 1
    assert person.memberships.get().unit == realm.below


def test_a_person_without_an_account(realm: Realm) -> None:
    person, password = people.person_add(
        actor=realm.admin, unit=realm.below, full_name="Lê Văn Tư", role=Role.STAFF
    )
    assert person.user is None and password == "" and not person.must_change_password


@pytest.mark.parametrize(
    ("field", "data"),
    [
        ("full_name", {"full_name": "  "}),
        ("username", {"username": "Trần Thị"}),
        ("username", {"username": "admin"}),
        ("role", {"role": "boss"}),
        ("valid_from", {"valid_from": datetime.date(1900, 1, 1)}),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(
    realm: Realm, field: str, data: dict[str, Any]
) -> None:
    before = (_events(), Person.objects.count(), get_user_model().objects.count())
    with pytest.raises(ApplicationError) as refused:
        people.person_add(
            actor=realm.admin,
            unit=realm.below,
            **({"full_name": "Phạm Thị Năm", "role": Role.STAFF, "username": "nam.pham"} | data),
        )
    assert field in refused.value.message_dict
    assert (_events(), Person.objects.count(), get_user_model().objects.count()) == before


def test_nothing_outside_the_admins_subtree(realm: Realm, persona: Any) -> None:
    with pytest.raises(PermissionDenied):
        people.person_add(
            actor=realm.admin, unit=realm.outside, full_name="Ngoài Phạm Vi", role=Role.STAFF
        )
    stranger, _pw = people.person_add(
        actor=persona("admin"), unit=realm.outside, full_name="Ngoài Phạm Vi", role=Role.STAFF,
        username="ngoai.phamvi",
    )  # fmt: skip
    assert selectors.person_get(viewer=realm.admin, pk=stranger.pk) is None
    assert stranger not in selectors.people_list(viewer=realm.admin)
    for action in (
        lambda: people.password_reset(actor=realm.admin, person=stranger),
        lambda: people.account_deactivate(actor=realm.admin, person=stranger),
        lambda: people.membership_end(
            actor=realm.admin, membership=stranger.memberships.get(), valid_to=TODAY
        ),
    ):
        with pytest.raises(PermissionDenied):
            action()


def test_positions_given_and_ended_are_ledgered_and_listed(realm: Realm, ledger_probe: Any) -> None:
    person, _pw = people.person_add(
        actor=realm.admin, unit=realm.below, full_name="Hà Văn Sáu", role=Role.STAFF,
        valid_from=TODAY - datetime.timedelta(days=400),
    )  # fmt: skip
    first = person.memberships.get()
    ended = people.membership_end(
        actor=realm.admin, membership=first, valid_to=TODAY, reason="Điều động"
    )
    ledger_probe.assert_recorded("organizations.membership.ended", ended)
    given = people.position_give(
        actor=realm.admin, person=person, unit=realm.province, role=Role.DEPUTY,
        position_title="Phó Chánh Văn phòng", valid_from=TODAY,
    )  # fmt: skip
    ledger_probe.assert_recorded("organizations.membership.created", given)
    assert [m.pk for m in selectors.person_positions(person=person)] == [given.pk, first.pk]
    assert list(Membership.objects.active().filter(person=person)) == [given]
    with pytest.raises(ApplicationError) as refused:
        people.membership_end(actor=realm.admin, membership=ended, valid_to=TODAY)
    assert "valid_to" in refused.value.message_dict
    with pytest.raises(ApplicationError):  # the same role in the same unit twice
        people.position_give(
            actor=realm.admin, person=person, unit=realm.province, role=Role.DEPUTY
        )
    assert len(ledger_probe.new()) == 3


def test_reset_then_change_password_with_validators_in_vietnamese(
    realm: Realm, ledger_probe: Any
) -> None:
    person, first = people.person_add(
        actor=realm.admin, unit=realm.below, full_name="Trịnh Văn Bảy", role=Role.STAFF,
        username="bay.trinh",
    )  # fmt: skip
    user = person.user
    people.password_change(user=user, old_password=first, new_password="Đồi-thông-2-mộ")
    person.refresh_from_db()
    assert not person.must_change_password
    ledger_probe.assert_recorded("organizations.account.password_changed", person)
    temporary = people.password_reset(actor=realm.admin, person=person)
    person.refresh_from_db()
    user.refresh_from_db()
    assert person.must_change_password and user.check_password(temporary)
    event = ledger_probe.assert_recorded("organizations.account.password_reset", person)
    assert temporary not in str(event.payload)
    for weak, message in [
        ("12345678", "Mật khẩu này hoàn toàn là số."),
        ("abc", "Mật khẩu quá ngắn"),
        ("password", "Mật khẩu này quá phổ biến."),
    ]:
        with pytest.raises(ApplicationError) as refused:
            people.password_change(user=user, old_password=temporary, new_password=weak)
        assert any(message in m for m in refused.value.message_dict["new_password1"]), weak
    with pytest.raises(ApplicationError) as refused:
        people.password_change(user=user, old_password="sai", new_password="Đồi-thông-2-mộ")
    assert "old_password" in refused.value.message_dict


def test_deactivated_account_cannot_sign_in(realm: Realm, ledger_probe: Any, client: Any) -> None:
    person, password = people.person_add(
        actor=realm.admin, unit=realm.below, full_name="Mạc Thị Tám", role=Role.STAFF,
        username="tam.mac",
    )  # fmt: skip
    assert password_login(client, "tam.mac", password)
    people.account_deactivate(actor=realm.admin, person=person, reason="Nghỉ hưu")
    ledger_probe.assert_recorded("organizations.account.deactivated", person)
    assert client.get("/").status_code == 302  # the open session ends
    assert not password_login(client, "tam.mac", password)
    with pytest.raises(ApplicationError):
        people.account_deactivate(actor=realm.admin, person=person)
    with pytest.raises(ApplicationError):  # nobody locks themselves out
        people.account_deactivate(actor=realm.admin, person=realm.admin.person)
