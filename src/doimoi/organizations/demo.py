"""The demo organization: the units the seed documents name, as in 2022, and their 2025 successors.

People are invented. Every demo login shares one password, printed by ``doimoi serve``.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
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

LAM_DONG_2025 = U("Tỉnh ủy Lâm Đồng (từ 01/7/2025)", "TU", K.PARTY_COMMITTEE, L.PROVINCE, 128000, REORG_2025,
                  short_name="Tỉnh ủy Lâm Đồng", children=[
    U("Ban Tuyên giáo và Dân vận Tỉnh ủy Lâm Đồng", "BTGDVTU", K.ADVISORY_BOARD, L.PROVINCE, 40, REORG_2025),
    U("Đảng ủy các cơ quan Đảng tỉnh Lâm Đồng", "ĐU", K.PARTY_COMMITTEE, L.PROVINCE, 4200, REORG_2025),
    U("Đảng ủy Ủy ban nhân dân tỉnh Lâm Đồng", "ĐU", K.PARTY_COMMITTEE, L.PROVINCE, 9800, REORG_2025),
    U("Đảng ủy phường 1 Bảo Lộc", "ĐU", K.PARTY_COMMITTEE, L.COMMUNE, 1650, REORG_2025),
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
SUCCESSIONS = [
    ("Tỉnh ủy Lâm Đồng", "Tỉnh ủy Lâm Đồng (từ 01/7/2025)", SuccessionKind.MERGED_INTO),
    ("Tỉnh ủy Đắk Nông", "Tỉnh ủy Lâm Đồng (từ 01/7/2025)", SuccessionKind.MERGED_INTO),
    ("Tỉnh ủy Bình Thuận", "Tỉnh ủy Lâm Đồng (từ 01/7/2025)", SuccessionKind.MERGED_INTO),
    ("Ban Tuyên giáo Tỉnh ủy Lâm Đồng", "Ban Tuyên giáo và Dân vận Tỉnh ủy Lâm Đồng", SuccessionKind.MERGED_INTO),
    ("Ban Dân vận Tỉnh ủy Lâm Đồng", "Ban Tuyên giáo và Dân vận Tỉnh ủy Lâm Đồng", SuccessionKind.MERGED_INTO),
    ("Đảng ủy Khối các cơ quan tỉnh Lâm Đồng", "Đảng ủy các cơ quan Đảng tỉnh Lâm Đồng", SuccessionKind.MERGED_INTO),
    ("Đảng ủy Khối Doanh nghiệp tỉnh Lâm Đồng", "Đảng ủy Ủy ban nhân dân tỉnh Lâm Đồng", SuccessionKind.MERGED_INTO),
    ("Thành ủy Bảo Lộc", "Đảng ủy phường 1 Bảo Lộc", SuccessionKind.SPLIT_INTO),
]

# username, full name, unit, role, position title as written, what the login shows
PEOPLE = [
    ("quantri.lamdong", "Lê Thị Quản", "Tỉnh ủy Lâm Đồng", Role.UNIT_ADMIN,
     "Chuyên viên Văn phòng Tỉnh ủy (quản trị)", "quản trị đơn vị Tỉnh ủy Lâm Đồng"),
    ("kiemtra.tinhuy", "Phạm Văn Kiểm", "Ủy ban Kiểm tra Tỉnh ủy Lâm Đồng", Role.INSPECTOR,
     "Ủy viên Ủy ban Kiểm tra Tỉnh ủy", "cán bộ kiểm tra Ủy ban Kiểm tra Tỉnh ủy"),
    ("bithu.baoloc", "Trần Minh Khải", "Thành ủy Bảo Lộc", Role.HEAD,
     "Bí thư Thành ủy", "người đứng đầu Thành ủy Bảo Lộc"),
    ("phobithu.baoloc", "Nguyễn Thu Hà", "Thành ủy Bảo Lộc", Role.DEPUTY,
     "Phó Bí thư Thường trực Thành ủy", "cấp phó Thành ủy Bảo Lộc"),
    ("uvbtv.baoloc", "Đỗ Văn Thường", "Thành ủy Bảo Lộc", Role.STANDING_MEMBER,
     "Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức Thành ủy", "ủy viên Ban Thường vụ Thành ủy Bảo Lộc"),
    ("vanthu.baoloc", "Hoàng Thị Lan", "Thành ủy Bảo Lộc", Role.CLERK,
     "Văn thư Văn phòng Thành ủy", "văn thư Thành ủy Bảo Lộc"),
    ("chuyenvien.btg", "Vũ Quốc Tuyên", "Ban Tuyên giáo Thành ủy Bảo Lộc", Role.STAFF,
     "Chuyên viên Ban Tuyên giáo", "chuyên viên Ban Tuyên giáo Thành ủy Bảo Lộc"),
    ("bithu.phuong1", "Lý Văn Phường", "Đảng ủy phường 1", Role.HEAD,
     "Bí thư Đảng ủy phường", "người đứng đầu Đảng ủy phường 1 (cơ sở)"),
    ("vanthu.dukdn", "Mai Thị Khối", "Đảng ủy Khối Doanh nghiệp tỉnh Lâm Đồng", Role.CLERK,
     "Văn thư Văn phòng Đảng ủy Khối", "văn thư Đảng ủy Khối Doanh nghiệp (đơn vị ngang cấp)"),
]

# fmt: on


def demo_logins() -> list[tuple[str, str]]:
    """(username, description) of every demo login, administrator first."""
    return [("admin", "quản trị hệ thống / system administrator")] + [
        (username, description) for username, *_, description in PEOPLE
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


def _ensure_user(username: str, full_name: str, *, superuser: bool = False) -> Person:
    user_model = get_user_model()
    user = user_model.objects.filter(username=username).first()
    if user is None:
        user = user_model.objects.create_user(username=username, password=DEMO_PASSWORD)
        user.is_staff = user.is_superuser = superuser
        user.save()
    person = Person.objects.filter(user=user).first()
    return person or services.person_create(actor=None, full_name=full_name, user=user)


def _ensure_people(index: dict[str, Unit]) -> None:
    _ensure_user("admin", "Quản trị hệ thống", superuser=True)
    for username, full_name, unit_name, role, title, _description in PEOPLE:
        person = _ensure_user(username, full_name)
        unit = index[unit_name]
        if not Membership.objects.filter(person=person, unit=unit, role=role).exists():
            services.membership_create(
                actor=None,
                person=person,
                unit=unit,
                role=role,
                position_title=title,
                valid_from=unit.valid_from,
            )


@transaction.atomic
def seed_demo() -> dict[str, Unit]:
    """Create (once) the demo units, their history and the demo people; return units by name."""
    index: dict[str, Unit] = {}
    _ensure_tree(CENTRAL, None, index)
    _ensure_successions(index)
    _ensure_people(index)
    return index
