"""The demo organization: the tree in force today (Lâm Đồng since 01/07/2025) where every demo login
works, and the 2022 units the seed documents name, closed on 01/07/2025 and linked to their successors.

People, member counts and party cells are illustrative; the names of the province's bodies and of the
wards of former Bảo Lộc city are real. Every demo login shares one password, printed by ``doimoi serve``.
"""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction

from doimoi.organizations import services
from doimoi.organizations.models import (
    Membership,
    Person,
    Role,
    SuccessionKind,
    Unit,
    UnitKind,
    UnitLevel,
    UnitSuccession,
)

DEMO_PASSWORD = "doimoi-demo"
D = datetime.date
K, L = UnitKind, UnitLevel
REORG_2025 = D(2025, 7, 1)
FOUNDING = D(1930, 2, 3)


@dataclass
class U:
    """One demo unit and the units under it."""

    name: str
    code: str
    kind: str
    level: str
    members: int = 0
    valid_from: datetime.date = FOUNDING
    valid_to: datetime.date | None = None
    short_name: str = ""
    children: list[U] = field(default_factory=list)


# fmt: off
BAO_LOC = U("Thành ủy Bảo Lộc", "ThU", K.PARTY_COMMITTEE, L.DISTRICT, 4850, D(2010, 4, 8), REORG_2025, children=[
    U("Ban Thường vụ Thành ủy Bảo Lộc", "", K.STANDING_COMMITTEE, L.DISTRICT, 13, D(2010, 4, 8), REORG_2025),
    U("Ban Tuyên giáo Thành ủy Bảo Lộc", "BTGThU", K.ADVISORY_BOARD, L.DISTRICT, 6, D(2010, 4, 8), REORG_2025),
    U("Ban Tổ chức Thành ủy Bảo Lộc", "BTCThU", K.ADVISORY_BOARD, L.DISTRICT, 7, D(2010, 4, 8), REORG_2025),
    U("Ủy ban Kiểm tra Thành ủy Bảo Lộc", "UBKTThU", K.INSPECTION_COMMISSION, L.DISTRICT, 7, D(2010, 4, 8), REORG_2025),
    U("Văn phòng Thành ủy Bảo Lộc", "VPThU", K.OFFICE, L.DISTRICT, 12, D(2010, 4, 8), REORG_2025),
    U("Ủy ban nhân dân thành phố Bảo Lộc", "UBND", K.STATE_BODY, L.DISTRICT, 0, D(2010, 4, 8), REORG_2025),
    U("Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Bảo Lộc", "MTTQ", K.FATHERLAND_FRONT, L.DISTRICT, 0,
      D(2010, 4, 8), REORG_2025),
    U("Thành đoàn Bảo Lộc", "TĐ", K.MASS_ORGANIZATION, L.DISTRICT, 0, D(2010, 4, 8), REORG_2025),
    U("Đảng ủy phường 1", "ĐU", K.GRASSROOTS, L.COMMUNE, 412, D(2010, 4, 8), REORG_2025, children=[
        U("Chi bộ khu phố 1", "CB", K.PARTY_CELL, L.CELL, 38, D(2010, 4, 8), REORG_2025),
        U("Chi bộ khu phố 2", "CB", K.PARTY_CELL, L.CELL, 41, D(2010, 4, 8), REORG_2025),
    ]),
    U("Đảng ủy phường Lộc Phát", "ĐU", K.GRASSROOTS, L.COMMUNE, 385, D(2010, 4, 8), REORG_2025),
    U("Đảng ủy xã Đại Lào", "ĐU", K.GRASSROOTS, L.COMMUNE, 297, D(2010, 4, 8), REORG_2025),
])

LAM_DONG_2022 = U("Tỉnh ủy Lâm Đồng", "TU", K.PARTY_COMMITTEE, L.PROVINCE, 61200, D(1976, 1, 1), REORG_2025,
                  short_name="TU Lâm Đồng", children=[
    U("Ban Thường vụ Tỉnh ủy Lâm Đồng", "", K.STANDING_COMMITTEE, L.PROVINCE, 15, D(1976, 1, 1), REORG_2025),
    U("Ban Tuyên giáo Tỉnh ủy Lâm Đồng", "BTGTU", K.ADVISORY_BOARD, L.PROVINCE, 18, D(1976, 1, 1), REORG_2025),
    U("Ban Tổ chức Tỉnh ủy Lâm Đồng", "BTCTU", K.ADVISORY_BOARD, L.PROVINCE, 24, D(1976, 1, 1), REORG_2025),
    U("Ban Dân vận Tỉnh ủy Lâm Đồng", "BDVTU", K.ADVISORY_BOARD, L.PROVINCE, 14, D(1976, 1, 1), REORG_2025),
    U("Ủy ban Kiểm tra Tỉnh ủy Lâm Đồng", "UBKTTU", K.INSPECTION_COMMISSION, L.PROVINCE, 22, D(1976, 1, 1),
      REORG_2025),
    U("Văn phòng Tỉnh ủy Lâm Đồng", "VPTU", K.OFFICE, L.PROVINCE, 45, D(1976, 1, 1), REORG_2025),
    U("Đảng ủy Khối các cơ quan tỉnh Lâm Đồng", "ĐUK", K.PARTY_COMMITTEE, L.PROVINCE, 5300, D(1990, 1, 1),
      REORG_2025, short_name="Đảng ủy Khối các cơ quan tỉnh"),
    U("Đảng ủy Khối Doanh nghiệp tỉnh Lâm Đồng", "ĐUK", K.PARTY_COMMITTEE, L.PROVINCE, 3100, D(1990, 1, 1),
      REORG_2025, short_name="Đảng ủy Khối Doanh nghiệp"),
    BAO_LOC,
])

BL1 = "Đảng ủy phường 1 Bảo Lộc"
TU_2025 = "Tỉnh ủy Lâm Đồng (từ 01/7/2025)"

# The tree in force since 01/07/2025 (Lâm Đồng merged with Đắk Nông and Bình Thuận; the district
# level ended and the wards of former Bảo Lộc city report to the province). Names of the province,
# its bodies and the wards are real; member counts, people and party cells are illustrative.
LAM_DONG_2025 = U(TU_2025, "TU", K.PARTY_COMMITTEE, L.PROVINCE, 119396, REORG_2025,
                  short_name="Tỉnh ủy Lâm Đồng", children=[
    U("Văn phòng Tỉnh ủy Lâm Đồng (từ 01/7/2025)", "VPTU", K.OFFICE, L.PROVINCE, 60, REORG_2025,
      short_name="Văn phòng Tỉnh ủy"),
    U("Ban Tổ chức Tỉnh ủy Lâm Đồng (từ 01/7/2025)", "BTCTU", K.ADVISORY_BOARD, L.PROVINCE, 40, REORG_2025,
      short_name="Ban Tổ chức Tỉnh ủy"),
    U("Ban Tuyên giáo và Dân vận Tỉnh ủy Lâm Đồng", "BTGDVTU", K.ADVISORY_BOARD, L.PROVINCE, 40, REORG_2025),
    U("Ủy ban Kiểm tra Tỉnh ủy Lâm Đồng (từ 01/7/2025)", "UBKTTU", K.INSPECTION_COMMISSION, L.PROVINCE, 35,
      REORG_2025, short_name="Ủy ban Kiểm tra Tỉnh ủy"),
    U("Đảng ủy các cơ quan Đảng tỉnh Lâm Đồng", "ĐU", K.PARTY_COMMITTEE, L.PROVINCE, 4200, REORG_2025),
    U("Đảng ủy Ủy ban nhân dân tỉnh Lâm Đồng", "ĐU", K.PARTY_COMMITTEE, L.PROVINCE, 12454, REORG_2025),
    U(BL1, "ĐU", K.PARTY_COMMITTEE, L.COMMUNE, 1362, REORG_2025, children=[
        U("Văn phòng Đảng ủy phường 1 Bảo Lộc", "VPĐU", K.OFFICE, L.COMMUNE, 5, REORG_2025),
        U("Ban Xây dựng Đảng Đảng ủy phường 1 Bảo Lộc", "BXDĐ", K.ADVISORY_BOARD, L.COMMUNE, 6, REORG_2025),
        U("Ủy ban Kiểm tra Đảng ủy phường 1 Bảo Lộc", "UBKT", K.INSPECTION_COMMISSION, L.COMMUNE, 5,
          REORG_2025),
        U("Ủy ban nhân dân phường 1 Bảo Lộc", "UBND", K.STATE_BODY, L.COMMUNE, 0, REORG_2025),
        U("Chi bộ khu phố Lộc Phát", "CB", K.PARTY_CELL, L.CELL, 36, REORG_2025),
        U("Chi bộ thôn Lộc Thanh", "CB", K.PARTY_CELL, L.CELL, 29, REORG_2025),
    ]),
    U("Đảng ủy phường 2 Bảo Lộc", "ĐU", K.PARTY_COMMITTEE, L.COMMUNE, 1100, REORG_2025),
    U("Đảng ủy phường 3 Bảo Lộc", "ĐU", K.PARTY_COMMITTEE, L.COMMUNE, 858, REORG_2025),
    U("Đảng ủy phường B'Lao", "ĐU", K.PARTY_COMMITTEE, L.COMMUNE, 950, REORG_2025),
])

CENTRAL = U("Ban Chấp hành Trung ương Đảng", "TW", K.PARTY_COMMITTEE, L.CENTRAL, 0, D(1930, 2, 3),
            short_name="BCH TW", children=[
    U("Bộ Chính trị", "", K.STANDING_COMMITTEE, L.CENTRAL),
    U("Ban Bí thư", "", K.STANDING_COMMITTEE, L.CENTRAL),
    U("Ban Tổ chức Trung ương", "BTCTW", K.ADVISORY_BOARD, L.CENTRAL),
    U("Văn phòng Trung ương Đảng", "VPTW", K.OFFICE, L.CENTRAL),
    U("Tỉnh ủy Đắk Nông", "TU", K.PARTY_COMMITTEE, L.PROVINCE, 24000, D(2004, 1, 1), REORG_2025),
    U("Tỉnh ủy Bình Thuận", "TU", K.PARTY_COMMITTEE, L.PROVINCE, 43000, D(1992, 1, 1), REORG_2025),
    LAM_DONG_2022,
    LAM_DONG_2025,
])

BASIS = "Sắp xếp tổ chức bộ máy năm 2025 (dữ liệu minh họa)"
M, S = SuccessionKind.MERGED_INTO, SuccessionKind.SPLIT_INTO
SUCCESSIONS = [
    ("Tỉnh ủy Lâm Đồng", TU_2025, M),
    ("Tỉnh ủy Đắk Nông", TU_2025, M),
    ("Tỉnh ủy Bình Thuận", TU_2025, M),
    ("Văn phòng Tỉnh ủy Lâm Đồng", "Văn phòng Tỉnh ủy Lâm Đồng (từ 01/7/2025)", M),
    ("Ban Tổ chức Tỉnh ủy Lâm Đồng", "Ban Tổ chức Tỉnh ủy Lâm Đồng (từ 01/7/2025)", M),
    ("Ủy ban Kiểm tra Tỉnh ủy Lâm Đồng", "Ủy ban Kiểm tra Tỉnh ủy Lâm Đồng (từ 01/7/2025)", M),
    ("Ban Tuyên giáo Tỉnh ủy Lâm Đồng", "Ban Tuyên giáo và Dân vận Tỉnh ủy Lâm Đồng", M),
    ("Ban Dân vận Tỉnh ủy Lâm Đồng", "Ban Tuyên giáo và Dân vận Tỉnh ủy Lâm Đồng", M),
    ("Đảng ủy Khối các cơ quan tỉnh Lâm Đồng", "Đảng ủy các cơ quan Đảng tỉnh Lâm Đồng", M),
    ("Đảng ủy Khối Doanh nghiệp tỉnh Lâm Đồng", "Đảng ủy Ủy ban nhân dân tỉnh Lâm Đồng", M),
    ("Thành ủy Bảo Lộc", BL1, S),
    ("Thành ủy Bảo Lộc", "Đảng ủy phường 2 Bảo Lộc", S),
    ("Thành ủy Bảo Lộc", "Đảng ủy phường 3 Bảo Lộc", S),
    ("Thành ủy Bảo Lộc", "Đảng ủy phường B'Lao", S),
    ("Đảng ủy phường 1", BL1, M),
    ("Đảng ủy phường Lộc Phát", BL1, M),
    ("Đảng ủy xã Đại Lào", "Đảng ủy phường B'Lao", M),
    ("Văn phòng Thành ủy Bảo Lộc", "Văn phòng Đảng ủy phường 1 Bảo Lộc", S),
    ("Ban Tuyên giáo Thành ủy Bảo Lộc", "Ban Xây dựng Đảng Đảng ủy phường 1 Bảo Lộc", S),
    ("Ban Tổ chức Thành ủy Bảo Lộc", "Ban Xây dựng Đảng Đảng ủy phường 1 Bảo Lộc", S),
    ("Ủy ban Kiểm tra Thành ủy Bảo Lộc", "Ủy ban Kiểm tra Đảng ủy phường 1 Bảo Lộc", S),
    ("Ủy ban nhân dân thành phố Bảo Lộc", "Ủy ban nhân dân phường 1 Bảo Lộc", S),
    ("Chi bộ khu phố 1", "Chi bộ khu phố Lộc Phát", M),
    ("Chi bộ khu phố 2", "Chi bộ khu phố Lộc Phát", M),
]


@dataclass(frozen=True)
class Position:
    """One position a demo person held or holds: the unit, the role, the title as written."""

    unit: str
    role: str
    title: str
    until_reorg: bool = False  # a 2022 position, ended when its unit closed on 01/07/2025


def past(unit: str, role: str, title: str) -> Position:
    return Position(unit, role, title, until_reorg=True)


R = Role
# username, full name, what the login shows, positions (past first): every login works today in a
# unit of the 2025 tree; its 2022 position is history (the 2022 cascade and its tests use it).
PEOPLE: list[tuple[str, str, str, list[Position]]] = [
    ("quantri.lamdong", "Lê Thị Quản", "quản trị đơn vị Tỉnh ủy Lâm Đồng", [
        past("Tỉnh ủy Lâm Đồng", R.UNIT_ADMIN, "Chuyên viên Văn phòng Tỉnh ủy (quản trị)"),
        Position(TU_2025, R.UNIT_ADMIN, "Chuyên viên Văn phòng Tỉnh ủy (quản trị)"),
    ]),
    ("vanthu.tinhuy", "Đặng Thị Thư", "văn thư Văn phòng Tỉnh ủy Lâm Đồng (gửi văn bản chỉ đạo)", [
        Position(TU_2025, R.CLERK, "Văn thư Văn phòng Tỉnh ủy"),
    ]),
    ("kiemtra.tinhuy", "Phạm Văn Kiểm", "cán bộ kiểm tra Ủy ban Kiểm tra Tỉnh ủy Lâm Đồng", [
        past("Ủy ban Kiểm tra Tỉnh ủy Lâm Đồng", R.INSPECTOR, "Ủy viên Ủy ban Kiểm tra Tỉnh ủy"),
        Position("Ủy ban Kiểm tra Tỉnh ủy Lâm Đồng (từ 01/7/2025)", R.INSPECTOR,
                 "Ủy viên Ủy ban Kiểm tra Tỉnh ủy"),
    ]),
    ("bithu.baoloc", "Trần Minh Khải", "Bí thư Đảng ủy phường 1 Bảo Lộc (người đứng đầu)", [
        past("Thành ủy Bảo Lộc", R.HEAD, "Bí thư Thành ủy"),
        Position(BL1, R.HEAD, "Bí thư Đảng ủy phường"),
    ]),
    ("phobithu.baoloc", "Nguyễn Thu Hà", "Phó Bí thư Thường trực Đảng ủy phường 1 Bảo Lộc", [
        past("Thành ủy Bảo Lộc", R.DEPUTY, "Phó Bí thư Thường trực Thành ủy"),
        Position(BL1, R.DEPUTY, "Phó Bí thư Thường trực Đảng ủy phường"),
    ]),
    ("uvbtv.baoloc", "Đỗ Văn Thường", "Ủy viên Ban Thường vụ Đảng ủy phường 1 Bảo Lộc", [
        past("Thành ủy Bảo Lộc", R.STANDING_MEMBER, "Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức Thành ủy"),
        Position(BL1, R.STANDING_MEMBER, "Ủy viên Ban Thường vụ, Trưởng Ban Xây dựng Đảng"),
    ]),
    ("vanthu.baoloc", "Hoàng Thị Lan", "văn thư Đảng ủy phường 1 Bảo Lộc", [
        past("Thành ủy Bảo Lộc", R.CLERK, "Văn thư Văn phòng Thành ủy"),
        Position(BL1, R.CLERK, "Văn thư Văn phòng Đảng ủy phường"),
    ]),
    ("chuyenvien.btg", "Vũ Quốc Tuyên", "chuyên viên Ban Xây dựng Đảng phường 1 Bảo Lộc (tuyên giáo)", [
        past("Ban Tuyên giáo Thành ủy Bảo Lộc", R.STAFF, "Chuyên viên Ban Tuyên giáo"),
        Position("Ban Xây dựng Đảng Đảng ủy phường 1 Bảo Lộc", R.STAFF,
                 "Chuyên viên Ban Xây dựng Đảng, phụ trách tuyên giáo"),
    ]),
    ("bithu.phuong1", "Lý Văn Phường", "Bí thư Chi bộ khu phố Lộc Phát, phường 1 Bảo Lộc (cơ sở)", [
        past("Đảng ủy phường 1", R.HEAD, "Bí thư Đảng ủy phường"),
        Position("Chi bộ khu phố Lộc Phát", R.HEAD, "Bí thư Chi bộ"),
    ]),
    ("vanthu.dukdn", "Mai Thị Khối", "văn thư Đảng ủy UBND tỉnh (đơn vị ngang cấp, không cùng nhánh)", [
        past("Đảng ủy Khối Doanh nghiệp tỉnh Lâm Đồng", R.CLERK, "Văn thư Văn phòng Đảng ủy Khối"),
        Position("Đảng ủy Ủy ban nhân dân tỉnh Lâm Đồng", R.CLERK, "Văn thư Văn phòng Đảng ủy"),
    ]),
]

# fmt: on


def demo_logins() -> list[tuple[str, str]]:
    """(username, description) of every demo login, administrator first."""
    return [("admin", "quản trị hệ thống / system administrator")] + [
        (username, description) for username, _name, description, _positions in PEOPLE
    ]


def _ensure_unit(spec: U, parent: Unit | None) -> Unit:
    siblings = Unit.objects.get_children(parent) if parent else Unit.objects.get_root_nodes()
    existing = siblings.filter(name=spec.name, valid_from=spec.valid_from).first()
    if existing is not None:
        return existing
    return services.unit_create(
        actor=None,
        parent=parent,
        name=spec.name,
        short_name=spec.short_name,
        code=spec.code,
        kind=spec.kind,
        level=spec.level,
        valid_from=spec.valid_from,
        valid_to=spec.valid_to,
        member_count=spec.members,
    )


def _ensure_tree(spec: U, parent: Unit | None, index: dict[str, Unit]) -> None:
    unit = _ensure_unit(spec, parent)
    index[spec.name] = unit
    for child in spec.children:
        _ensure_tree(child, unit, index)


def _ensure_successions(index: dict[str, Unit]) -> None:
    for old, new, kind in SUCCESSIONS:
        predecessor, successor = index[old], index[new]
        if not UnitSuccession.objects.filter(predecessor=predecessor, successor=successor).exists():
            services.unit_link_successor(
                actor=None,
                predecessor=predecessor,
                successor=successor,
                kind=kind,
                effective=REORG_2025,
                basis=BASIS,
            )


@functools.lru_cache(maxsize=4)
def _demo_password_hash(hashers: tuple[str, ...]) -> str:
    """The shared demo password, hashed once per hasher setting: a strong hash costs about half a
    second, and the demo has some twenty logins sharing one password."""
    return make_password(DEMO_PASSWORD)


def ensure_user(username: str, full_name: str, *, superuser: bool = False) -> Person:
    """The demo user and their person record (created once)."""
    user_model = get_user_model()
    user = user_model.objects.filter(username=username).first()
    if user is None:
        user = user_model.objects.create_user(username=username)
        user.password = _demo_password_hash(tuple(settings.PASSWORD_HASHERS))
        user.is_staff = user.is_superuser = superuser
        user.save()
    person = Person.objects.filter(user=user).first()
    return person or services.person_create(actor=None, full_name=full_name, user=user)


def ensure_positions(person: Person, positions: list[Position], index: dict[str, Unit]) -> None:
    """Give ``person`` each position once: a 2022 one from its unit's start to 01/07/2025 (when the
    unit closed), a current one from 01/07/2025 on."""
    for position in positions:
        unit = index[position.unit]
        if Membership.objects.filter(person=person, unit=unit, role=position.role).exists():
            continue
        services.membership_create(
            actor=None,
            person=person,
            unit=unit,
            role=position.role,
            position_title=position.title,
            valid_from=unit.valid_from,
            valid_to=unit.valid_to if position.until_reorg else None,
        )


def _ensure_people(index: dict[str, Unit]) -> None:
    ensure_user("admin", "Quản trị hệ thống", superuser=True)
    for username, full_name, _description, positions in PEOPLE:
        ensure_positions(ensure_user(username, full_name), positions, index)


@transaction.atomic
def seed_demo() -> dict[str, Unit]:
    """Create (once) the demo units, their history and the demo people; return units by name."""
    index: dict[str, Unit] = {}
    _ensure_tree(CENTRAL, None, index)
    _ensure_successions(index)
    _ensure_people(index)
    return index
