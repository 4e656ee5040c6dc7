"""Unit services: each change recorded in the ledger, each bad input refused with nothing changed."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from doimoi.core.errors import ApplicationError
from doimoi.organizations import services
from doimoi.organizations.models import Unit, UnitKind, UnitLevel, UnitSuccession


def _state() -> list[tuple[Any, ...]]:
    return list(Unit.objects.order_by("pk").values_list("pk", "path", "name", "code", "valid_to"))


def _new(parent: Unit, actor: Any, **overrides: Any) -> Unit:
    data = {
        "name": "Chi bộ Văn phòng",
        "short_name": "",
        "code": "",
        "kind": UnitKind.PARTY_CELL,
        "level": UnitLevel.CELL,
        "valid_from": datetime.date(2022, 1, 1),
        "valid_to": None,
        "member_count": 9,
    } | overrides
    return services.unit_create(actor=actor, parent=parent, **data)


def test_create_records_the_ledger(demo: dict[str, Unit], persona: Any, ledger_probe: Any) -> None:
    parent = demo["Văn phòng Tỉnh ủy Lâm Đồng"]
    unit = _new(parent, persona("quantri.lamdong"), name="  Chi bộ Văn phòng Tỉnh uỷ ")
    assert unit.name == "Chi bộ Văn phòng Tỉnh ủy"
    assert Unit.objects.get_parent(unit) == parent
    event = ledger_probe.assert_recorded("organizations.unit.created", unit)
    assert event.actor_label.endswith("(quantri.lamdong)")


def test_text_is_stored_nfc_with_new_tone_placement(demo: dict[str, Unit], persona: Any) -> None:
    decomposed = "Chi bo\u0302\u0323 Thanh tra tỉnh uy\u0309"  # NFD input, old-style "uỷ"
    unit = _new(demo["Văn phòng Tỉnh ủy Lâm Đồng"], persona("admin"), name=decomposed)
    assert unit.name == "Chi bộ Thanh tra tỉnh ủy"


def test_end_before_start_is_refused(
    demo: dict[str, Unit], persona: Any, ledger_probe: Any
) -> None:
    before = _state()
    with pytest.raises(ApplicationError) as error:
        _new(
            demo["Văn phòng Tỉnh ủy Lâm Đồng"],
            persona("admin"),
            valid_from=datetime.date(2022, 5, 4),
            valid_to=datetime.date(2022, 5, 1),
        )
    assert "valid_to" in error.value.message_dict
    assert "không được trước ngày bắt đầu (04/05/2022)" in error.value.message_dict["valid_to"][0]
    assert _state() == before
    ledger_probe.assert_nothing()


def test_duplicate_code_among_siblings_is_refused(
    demo: dict[str, Unit], persona: Any, ledger_probe: Any
) -> None:
    before = _state()
    with pytest.raises(ApplicationError) as error:
        _new(
            demo["Tỉnh ủy Lâm Đồng"],
            persona("quantri.lamdong"),
            name="Ban Tuyên giáo (trùng)",
            code="BTGTU",
            kind=UnitKind.ADVISORY_BOARD,
            level=UnitLevel.PROVINCE,
        )
    message = error.value.message_dict["code"][0]
    assert "«BTGTU»" in message and "Ban Tuyên giáo Tỉnh ủy Lâm Đồng" in message
    assert _state() == before
    ledger_probe.assert_nothing()


def test_same_code_is_allowed_after_the_sibling_ended(demo: dict[str, Unit], persona: Any) -> None:
    unit = _new(
        demo["Tỉnh ủy Lâm Đồng"],
        persona("admin"),
        name="Ban Tuyên giáo (mới)",
        code="BTGTU",
        kind=UnitKind.ADVISORY_BOARD,
        level=UnitLevel.PROVINCE,
        valid_from=datetime.date(2025, 7, 1),
    )
    assert unit.code == "BTGTU"


def test_level_codes_of_committees_are_shared(demo: dict[str, Unit]) -> None:
    blocs = [
        demo["Đảng ủy Khối các cơ quan tỉnh Lâm Đồng"],
        demo["Đảng ủy Khối Doanh nghiệp tỉnh Lâm Đồng"],
    ]
    assert {b.code for b in blocs} == {"ĐUK"}


def test_same_code_is_allowed_under_another_parent(demo: dict[str, Unit], persona: Any) -> None:
    unit = _new(
        demo["Thành ủy Bảo Lộc"],
        persona("admin"),
        name="Ban Tuyên giáo (khác)",
        code="BTGTU",
        kind=UnitKind.ADVISORY_BOARD,
        level=UnitLevel.DISTRICT,
    )
    assert unit.pk


def test_move_under_own_descendant_is_refused(
    demo: dict[str, Unit], persona: Any, ledger_probe: Any
) -> None:
    before = _state()
    for target in ("Thành ủy Bảo Lộc", "Đảng ủy phường 1", "Chi bộ khu phố 1"):
        with pytest.raises(ApplicationError) as error:
            services.unit_move(
                actor=persona("admin"), unit=demo["Thành ủy Bảo Lộc"], new_parent=demo[target]
            )
        assert "cấp dưới của nó" in error.value.message_dict["parent"][0]
    assert _state() == before
    ledger_probe.assert_nothing()


def test_move_carries_the_subtree(demo: dict[str, Unit], persona: Any, ledger_probe: Any) -> None:
    ward, target = demo["Đảng ủy phường 1"], demo["Đảng ủy xã Đại Lào"]
    moved = services.unit_move(actor=persona("admin"), unit=ward, new_parent=target)
    assert moved.path.startswith(target.path)
    cells = Unit.objects.get_children(moved)
    assert cells.count() == 2 and all(c.path.startswith(moved.path) for c in cells)
    ledger_probe.assert_recorded("organizations.unit.moved", moved)


def test_move_with_a_clashing_code_is_refused(demo: dict[str, Unit], persona: Any) -> None:
    clash = _new(
        demo["Thành ủy Bảo Lộc"],
        persona("admin"),
        name="Ban X",
        code="BDVTU",
        kind=UnitKind.ADVISORY_BOARD,
        level=UnitLevel.DISTRICT,
    )
    with pytest.raises(ApplicationError) as error:
        services.unit_move(actor=persona("admin"), unit=clash, new_parent=demo["Tỉnh ủy Lâm Đồng"])
    assert "code" in error.value.message_dict


def test_close_and_merge_keep_history(
    demo: dict[str, Unit], persona: Any, ledger_probe: Any
) -> None:
    admin = persona("admin")
    into = demo["Đảng ủy phường Lộc Phát"]
    a, b = demo["Chi bộ khu phố 1"], demo["Chi bộ khu phố 2"]
    services.unit_merge(
        actor=admin, units=[a], into=into, effective=datetime.date(2023, 1, 1), basis="QĐ 1"
    )
    a.refresh_from_db()
    assert a.valid_to == datetime.date(2023, 1, 1)
    assert UnitSuccession.objects.filter(predecessor=a, successor=into).exists()
    ledger_probe.assert_recorded("organizations.unit.merged", into)
    services.unit_close(actor=admin, unit=b, valid_to=datetime.date(2023, 2, 1))
    b.refresh_from_db()
    assert b.valid_to == datetime.date(2023, 2, 1)
    assert Unit.objects.filter(pk=b.pk).exists()  # closed units stay for old documents


def test_close_before_start_is_refused(
    demo: dict[str, Unit], persona: Any, ledger_probe: Any
) -> None:
    with pytest.raises(ApplicationError) as error:
        services.unit_close(
            actor=persona("admin"),
            unit=demo["Thành ủy Bảo Lộc"],
            valid_to=datetime.date(2001, 1, 1),
        )
    assert "valid_to" in error.value.message_dict
    ledger_probe.assert_nothing()


def test_merge_into_itself_is_refused(
    demo: dict[str, Unit], persona: Any, ledger_probe: Any
) -> None:
    unit = demo["Đảng ủy xã Đại Lào"]
    with pytest.raises(ApplicationError) as error:
        services.unit_merge(
            actor=persona("admin"), units=[unit], into=unit, effective=datetime.date(2024, 1, 1)
        )
    assert "into" in error.value.message_dict
    ledger_probe.assert_nothing()


@pytest.mark.parametrize(
    "username", ["bithu.baoloc", "vanthu.dukdn", "chuyenvien.btg", "kiemtra.tinhuy"]
)
def test_only_unit_admins_change_the_tree(
    demo: dict[str, Unit], persona: Any, username: str
) -> None:
    with pytest.raises(PermissionDenied):
        _new(demo["Thành ủy Bảo Lộc"], persona(username))


def test_unit_admin_may_change_only_below_their_unit(demo: dict[str, Unit], persona: Any) -> None:
    admin = persona("quantri.lamdong")
    assert _new(demo["Đảng ủy phường 1 Bảo Lộc"], admin).pk
    # the province's admin also keeps the merged provinces' records (their successor is hers)
    assert _new(demo["Tỉnh ủy Bình Thuận"], admin, name="Đơn vị lịch sử", code="LS").pk
    with pytest.raises(PermissionDenied):
        _new(demo["Ban Tổ chức Trung ương"], admin)


def test_adding_a_unit_keeps_the_paths_of_its_siblings(demo: dict[str, Unit], persona: Any) -> None:
    parent = demo["Thành ủy Bảo Lộc"]
    before = dict(Unit.objects.filter(path__startswith=parent.path).values_list("pk", "path"))
    _new(
        parent,
        persona("admin"),
        name="Ban A đứng đầu theo thứ tự chữ cái",
        code="BA",
        kind=UnitKind.ADVISORY_BOARD,
        level=UnitLevel.DISTRICT,
    )
    after = dict(Unit.objects.filter(pk__in=before).values_list("pk", "path"))
    assert after == before
