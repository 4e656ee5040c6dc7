"""A small cascade on the demo units, in 2022 (when they existed): Thành ủy Bảo Lộc sends its plan
to three grassroots committees; Đảng ủy phường 1 can answer and forward to its two cells.
The clock stands in late 2024, while those units still worked."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

import pytest
import time_machine

from doimoi.directives import services
from doimoi.directives.models import Assignment, Directive
from doimoi.documents import services as documents
from doimoi.documents.models import Document
from doimoi.organizations.models import Unit

D = datetime.date
SENT = D(2022, 5, 5)
CITY_PLAN = """ĐẢNG BỘ TỈNH LÂM ĐỒNG
THÀNH ỦY BẢO LỘC
*
Số 70-KH/ThU
ĐẢNG CỘNG SẢN VIỆT NAM
Bảo Lộc, ngày 04 tháng 5 năm 2022

KẾ HOẠCH
thực hiện Kết luận số 14-KL/TW, ngày 22/9/2021 của Bộ Chính trị
-----
Thực hiện Kết luận số 14-KL/TW, ngày 22/9/2021 của Bộ Chính trị, Ban Thường vụ Thành ủy
ban hành kế hoạch như sau.

IV. TỔ CHỨC THỰC HIỆN
1. Ủy ban nhân dân thành phố
- Chỉ đạo tuyên truyền trên các phương tiện thông tin đại chúng.
2. Các tổ chức cơ sở đảng trực thuộc Thành ủy
Tổ chức quán triệt Kết luận số 14-KL/TW đến chi bộ.

Nơi nhận:
- Như trên,
- Lưu Văn phòng Thành ủy.

T/M BAN THƯỜNG VỤ
BÍ THƯ

Trần Minh Khải
"""
WARD_PLAN = """ĐẢNG BỘ THÀNH PHỐ BẢO LỘC
ĐẢNG ỦY PHƯỜNG 1
*
Số 12-KH/ĐU
ĐẢNG CỘNG SẢN VIỆT NAM
Bảo Lộc, ngày 10 tháng 5 năm 2022

KẾ HOẠCH
thực hiện Kế hoạch số 70-KH/ThU, ngày 04/5/2022 của Ban Thường vụ Thành ủy Bảo Lộc
-----
Thực hiện Kế hoạch số 70-KH/ThU, ngày 04/5/2022 của Ban Thường vụ Thành ủy Bảo Lộc, Đảng ủy
phường 1 ban hành kế hoạch quán triệt tới các chi bộ.

T/M ĐẢNG ỦY
BÍ THƯ

Lý Văn Phường
"""
WARDS = ("Đảng ủy phường 1", "Đảng ủy phường Lộc Phát", "Đảng ủy xã Đại Lào")
CELLS = ("Chi bộ khu phố 1", "Chi bộ khu phố 2")


# The 2022 units closed on 01/07/2025 and the personas' positions in them ended then: these tests
# stand the clock inside their lifetime, after every 2022 deadline (tests of the live demo opt out
# with the ``present`` mark).
IN_THE_2022_TREE = datetime.datetime(2024, 12, 2, 9, 0)


@pytest.fixture(autouse=True)
def _in_the_2022_tree(request: pytest.FixtureRequest) -> Iterator[None]:
    if request.node.get_closest_marker("present"):
        yield
        return
    with time_machine.travel(IN_THE_2022_TREE, tick=False):
        yield


def unit(name: str) -> Unit:
    return Unit.objects.get(name=name)


@pytest.fixture
def city_plan(demo: dict[str, Any]) -> Document:
    return documents.document_create_from_text(
        actor=None, unit=unit("Thành ủy Bảo Lộc"), text=CITY_PLAN
    )


@pytest.fixture
def ward_plan(demo: dict[str, Any]) -> Document:
    return documents.document_create_from_text(
        actor=None, unit=unit("Đảng ủy phường 1"), text=WARD_PLAN
    )


def requirements(**dues: Any) -> list[services.RequirementSpec]:
    """plan=date or days, report=…: RequirementSpec per keyword."""
    specs = []
    for kind, due in dues.items():
        if isinstance(due, int):
            specs.append(services.RequirementSpec(kind=kind, days=due))
        else:
            specs.append(services.RequirementSpec(kind=kind, date=due))
    return specs


@pytest.fixture
def cascade(city_plan: Document, persona: Any) -> Directive:
    """Thành ủy Bảo Lộc's plan sent on 05/5/2022 to its three grassroots committees."""
    with time_machine.travel(datetime.datetime(2022, 5, 5, 9, 0), tick=False):
        clerk = persona("vanthu.baoloc")
        directive = services.directive_create(
            actor=clerk, document=city_plan, issuer=unit("Thành ủy Bảo Lộc")
        )
        services.directive_distribute(
            actor=clerk,
            directive=directive,
            recipients=[unit(n) for n in WARDS],
            requirements=requirements(plan=D(2022, 5, 20), report=D(2022, 6, 30)),
            sent_on=SENT,
        )
    return directive


def of(directive: Directive, name: str) -> Assignment:
    return Assignment.objects.get(directive=directive, unit__name=name)


def forward_to_cells(ward: Assignment, plan: Document, actor: Any = None) -> None:
    """The ward forwards its plan to its two cells on 12/5/2022, a study session due in 5 days
    (run it under ``at(2022, 5, 12)``)."""
    services.assignment_forward(
        actor=actor,
        assignment=ward,
        document=plan,
        recipients=[unit(n) for n in CELLS],
        requirements=requirements(study=5),
        sent_on=D(2022, 5, 12),
    )


@pytest.fixture
def at() -> Any:
    """at(2022, 6, 1): freeze the clock (Asia/Ho_Chi_Minh morning) for a with-block."""

    def travel(*ymd: int) -> Any:
        return time_machine.travel(datetime.datetime(*ymd, 9, 0), tick=False)

    return travel
